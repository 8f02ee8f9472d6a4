import type { GradientUnit, LengthUnit, NumericInputDefinition, UnitId } from './types'

export type UnitDimension = 'length' | 'gradient' | 'count' | 'force' | 'time' | 'sound-level' | 'area'

export interface UnitInfo {
  id: UnitId
  /** zh-CN name, e.g. 毫米 */
  label: string
  /** Short symbol for tables and explanations, e.g. mm */
  symbol: string
  dimension: UnitDimension
}

export const units: Readonly<Record<UnitId, UnitInfo>> = {
  mm: { id: 'mm', label: '毫米', symbol: 'mm', dimension: 'length' },
  cm: { id: 'cm', label: '厘米', symbol: 'cm', dimension: 'length' },
  m: { id: 'm', label: '米', symbol: 'm', dimension: 'length' },
  '%': { id: '%', label: '%', symbol: '%', dimension: 'gradient' },
  deg: { id: 'deg', label: '度', symbol: '°', dimension: 'gradient' },
  ratio: { id: 'ratio', label: '坡比（1:n）', symbol: '1:n', dimension: 'gradient' },
  count: { id: 'count', label: '个', symbol: '个', dimension: 'count' },
  N: { id: 'N', label: '牛', symbol: 'N', dimension: 'force' },
  s: { id: 's', label: '秒', symbol: 's', dimension: 'time' },
  dB: { id: 'dB', label: '分贝', symbol: 'dB', dimension: 'sound-level' },
  m2: { id: 'm2', label: '平方米', symbol: 'm²', dimension: 'area' },
}

export const lengthUnits: readonly LengthUnit[] = ['mm', 'cm', 'm']
export const gradientUnits: readonly GradientUnit[] = ['%', 'deg', 'ratio']

export function isUnitId(unit: string): unit is UnitId {
  return Object.prototype.hasOwnProperty.call(units, unit)
}

export function isLengthUnit(unit: string): unit is LengthUnit {
  return (lengthUnits as readonly string[]).includes(unit)
}

export function isGradientUnit(unit: string): unit is GradientUnit {
  return (gradientUnits as readonly string[]).includes(unit)
}

export function unitLabel(unit: string): string {
  return isUnitId(unit) ? units[unit].label : unit
}

/** Removes binary floating-point noise: 1.1 m → 1100 mm rather than 1100.0000000000002. */
export function tidy(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x
}

const MM_PER: Readonly<Record<LengthUnit, number>> = { mm: 1, cm: 10, m: 1000 }

export function convertLength(value: number, from: LengthUnit, to: LengthUnit): number {
  return tidy((value * MM_PER[from]) / MM_PER[to])
}

/** Gradient as a fraction (rise ÷ horizontal run) from a reading in %, degrees or 1:n. NaN for n ≤ 0. */
export function gradientFromReading(value: number, unit: GradientUnit): number {
  if (unit === '%') return tidy(value / 100)
  if (unit === 'deg') return tidy(Math.tan((value * Math.PI) / 180))
  return value > 0 ? tidy(1 / value) : Number.NaN
}

/** Fraction → reading in the given unit (ratio: the n of 1:n; Infinity for a level surface). */
export function gradientToReading(gradient: number, unit: GradientUnit): number {
  if (unit === '%') return tidy(gradient * 100)
  if (unit === 'deg') return tidy((Math.atan(gradient) * 180) / Math.PI)
  return gradient > 0 ? tidy(1 / gradient) : Number.POSITIVE_INFINITY
}

export function convertGradient(value: number, from: GradientUnit, to: GradientUnit): number {
  return gradientToReading(gradientFromReading(value, from), to)
}

/** Gradient fraction from a vertical rise and a horizontal run in the same unit. */
export function gradientFromRiseRun(rise: number, run: number): number {
  return run > 0 ? tidy(rise / run) : Number.NaN
}

/** Converts a typed value to the input's canonical unit (NaN when the unit does not fit the input). */
export function toCanonical(
  value: number,
  unit: UnitId,
  def: Pick<NumericInputDefinition, 'kind' | 'unit'>,
): number {
  if (def.kind === 'length' && isLengthUnit(unit) && isLengthUnit(def.unit))
    return convertLength(value, unit, def.unit)
  if (def.kind === 'gradient' && isGradientUnit(unit) && isGradientUnit(def.unit))
    return convertGradient(value, unit, def.unit)
  return unit === def.unit ? value : Number.NaN
}

/** Rounds to at most `maxDecimals` and drops trailing zeros: 8.3333 → '8.33', 1200 → '1200'. */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n)
  const s = n.toFixed(maxDecimals)
  const trimmed = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
  return trimmed === '-0' ? '0' : trimmed
}

/** '1:12'; '水平' for a level surface. */
export function formatRatio(gradient: number): string {
  return gradient > 0 ? `1:${formatNumber(1 / gradient, 1)}` : '水平'
}

export function formatPercent(gradient: number): string {
  return `${formatNumber(gradient * 100, 2)}%`
}

/** '1:12（8.33%，4.76°）' */
export function formatGradient(gradient: number): string {
  const deg = formatNumber((Math.atan(gradient) * 180) / Math.PI, 2)
  return `${formatRatio(gradient)}（${formatPercent(gradient)}，${deg}°）`
}

/** Metres with at least two decimals, more when needed so that 1199 mm never reads as 1.20 m. */
export function formatMetres(mm: number): string {
  const m = tidy(mm / 1000)
  const decimals = Math.min(4, Math.max(2, (formatNumber(m, 4).split('.')[1] ?? '').length))
  return `${m.toFixed(decimals)} m`
}

/**
 * A canonical value with its unit for explanations. Lengths are in mm unless `display` is 'm'; gradients
 * (canonical %) read '1:50（2%）'.
 */
export function formatQuantity(value: number, unit: UnitId, display?: LengthUnit): string {
  if (isLengthUnit(unit)) {
    const mm = convertLength(value, unit, 'mm')
    if (display === 'm') return formatMetres(mm)
    if (display === 'cm') return `${formatNumber(mm / 10, 2)} cm`
    return `${formatNumber(mm, 1)} mm`
  }
  if (isGradientUnit(unit)) {
    const g = gradientFromReading(value, unit)
    return `${formatRatio(g)}（${formatPercent(g)}）`
  }
  if (unit === 'm2') return `${formatNumber(value, 2)} m²`
  return `${formatNumber(value, 2)} ${units[unit].symbol}`
}

/** A typed reading as the inspector wrote it: '30 m', '1:8', '5°'. */
export function formatReading(value: number, unit: string): string {
  if (unit === 'ratio') return `1:${formatNumber(value, 4)}`
  if (unit === '%') return `${formatNumber(value, 4)}%`
  if (unit === 'deg') return `${formatNumber(value, 4)}°`
  return `${formatNumber(value, 4)} ${isUnitId(unit) ? units[unit].symbol : unit}`
}

/** '0–3000 mm', '0–50%' */
export function formatRange(min: number, max: number, unit: UnitId): string {
  const sym = units[unit].symbol
  const sep = unit === '%' || unit === 'deg' ? '' : ' '
  return `${formatNumber(min, 4)}–${formatNumber(max, 4)}${sep}${sym}`
}
