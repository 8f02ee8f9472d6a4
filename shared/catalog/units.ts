import type { GradientUnit, LengthUnit, NumericInputDefinition, Reading, UnitId } from './types'

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
export function formatRatio(gradient: number, maxDecimals = 1): string {
  return gradient > 0 ? `1:${formatNumber(1 / gradient, maxDecimals)}` : '水平'
}

export function formatPercent(gradient: number, maxDecimals = 2): string {
  return `${formatNumber(gradient * 100, maxDecimals)}%`
}

/**
 * The fewest decimals from `from` to `to` at which `format` shows `value` and `limit` differently (so a reading
 * beyond a limit never reads as the limit itself: 1:11.99 rather than 1:12); `from` when they are equal.
 */
function distinctDecimals(
  value: number,
  limit: number | undefined,
  from: number,
  to: number,
  format: (x: number, decimals: number) => string,
): number {
  if (limit === undefined || Math.abs(value - limit) <= 1e-12 * Math.max(1, Math.abs(limit))) return from
  for (let d = from; d <= to; d++) if (format(value, d) !== format(limit, d)) return d
  return to
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

/** Square metres with two decimals ('4.00 m²'), more when `against` would otherwise read the same. */
export function formatArea(m2: number, against?: number): string {
  const d = distinctDecimals(m2, against, 2, 4, (x, n) => x.toFixed(n))
  return `${m2.toFixed(d)} m²`
}

/**
 * A canonical value with its unit for explanations. Lengths are in mm unless `display` is 'm'; gradients
 * (canonical %) read '1:50（2%）'. With `against` (the limit it is compared with), enough digits are shown that a
 * value different from the limit never reads as the limit: '1:11.99（8.34%）' against 1:12, '3.998 m²' against 4.
 */
export function formatQuantity(value: number, unit: UnitId, display?: LengthUnit, against?: number): string {
  if (isLengthUnit(unit)) {
    const mm = convertLength(value, unit, 'mm')
    const limitMm = against === undefined ? undefined : convertLength(against, unit, 'mm')
    // formatMetres already shows every digit down to 0.1 mm, so 1199 mm reads 1.199 m, never 1.20 m
    if (display === 'm') return formatMetres(mm)
    if (display === 'cm') {
      const d = distinctDecimals(
        mm / 10,
        limitMm === undefined ? undefined : limitMm / 10,
        2,
        4,
        formatNumber,
      )
      return `${formatNumber(mm / 10, d)} cm`
    }
    const d = distinctDecimals(mm, limitMm, 1, 4, formatNumber)
    return `${formatNumber(mm, d)} mm`
  }
  if (isGradientUnit(unit)) {
    const g = gradientFromReading(value, unit)
    const lim = against === undefined ? undefined : gradientFromReading(against, unit)
    const ratioAt = (x: number, n: number) => formatRatio(x, n)
    const rd = distinctDecimals(g, lim, 1, 4, ratioAt)
    const pd = distinctDecimals(g, lim, 2, 4, (x, n) => formatPercent(x, n))
    return `${formatRatio(g, rd)}（${formatPercent(g, pd)}）`
  }
  if (unit === 'm2') return formatArea(value, against)
  const d = distinctDecimals(value, against, 2, 4, formatNumber)
  return `${formatNumber(value, d)} ${units[unit].symbol}`
}

// ── measuring tolerance ──

/**
 * How far the true value may lie from a typed reading, by the unit it was typed in (the instrument that gives such
 * readings). A reading beyond a limit by less than this is judged needs-review, not fail. Data, documented in the
 * README (站点检查 › 测量误差):
 * - lengths (mm, cm, m): a tape or laser rangefinder read to the millimetre: ±1 mm;
 * - gradients: a % reading ±0.1 %; a degree reading (inclinometer) ±0.1°; a 1:n reading is converted to degrees and
 *   given the same ±0.1°;
 * - force ±0.5 N (push-pull gauge), time ±0.2 s (hand stopwatch), sound level ±1 dB (class 2 meter), typed area
 *   ±0.01 m²; counts are exact.
 */
export const readingTolerances: Readonly<Record<UnitId, { amount: number; in: UnitId; source: string }>> = {
  mm: { amount: 1, in: 'mm', source: '长度测量 ±1 mm' },
  cm: { amount: 1, in: 'mm', source: '长度测量 ±1 mm' },
  m: { amount: 1, in: 'mm', source: '长度测量 ±1 mm' },
  '%': { amount: 0.1, in: '%', source: '坡度读数 ±0.1%' },
  deg: { amount: 0.1, in: 'deg', source: '坡度仪读数 ±0.1°' },
  ratio: { amount: 0.1, in: 'deg', source: '坡度读数按 ±0.1° 计' },
  count: { amount: 0, in: 'count', source: '' },
  N: { amount: 0.5, in: 'N', source: '测力计读数 ±0.5 N' },
  s: { amount: 0.2, in: 's', source: '秒表计时 ±0.2 s' },
  dB: { amount: 1, in: 'dB', source: '声级计读数 ±1 dB' },
  m2: { amount: 0.01, in: 'm2', source: '面积读数 ±0.01 m²' },
}

/** An exact value (no measuring tolerance). */
export function exactReading(value: number): Reading {
  return { value, lo: value, hi: value, source: '' }
}

/**
 * The reading of a typed value in the input's canonical unit, with the range its true value lies in. For a
 * gradient typed in degrees or 1:n the tolerance applies to the angle.
 */
export function readingOf(
  typedValue: number,
  typedUnit: UnitId,
  def: Pick<NumericInputDefinition, 'kind' | 'unit' | 'tolerance'>,
): Reading {
  const value = toCanonical(typedValue, typedUnit, def)
  if (def.tolerance)
    return {
      value,
      lo: value - def.tolerance.amount,
      hi: value + def.tolerance.amount,
      source: def.tolerance.source,
    }
  const tol = readingTolerances[typedUnit]
  if (tol.amount === 0) return exactReading(value)
  if (def.kind === 'gradient' && isGradientUnit(def.unit) && (tol.in === 'deg' || tol.in === '%')) {
    if (tol.in === '%') {
      const t = convertGradient(tol.amount, '%', def.unit)
      return { value, lo: Math.max(0, value - t), hi: value + t, source: tol.source }
    }
    const deg = convertGradient(typedValue, typedUnit as GradientUnit, 'deg')
    return {
      value,
      lo: convertGradient(Math.max(0, deg - tol.amount), 'deg', def.unit),
      hi: convertGradient(Math.min(89, deg + tol.amount), 'deg', def.unit),
      source: tol.source,
    }
  }
  const t =
    isLengthUnit(def.unit) && isLengthUnit(tol.in) ? convertLength(tol.amount, tol.in, def.unit) : tol.amount
  return { value, lo: value - t, hi: value + t, source: tol.source }
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
