import { atMost } from '../check-helpers'
import { gradientDerived } from '../slope'
import { formatMetres, formatNumber, tidy } from '../units'
import type { DerivedValue } from '../types'

export const RAMP_MAX_GRADIENT = 1 / 12
export const RAMP_CONSTRAINED_MAX_GRADIENT = 1 / 10
export const RAMP_CONSTRAINED_MAX_RISE_MM = 150
export const RAMP_MAX_RISE_PER_RUN_MM = 750

/**
 * GB 50763-2012 表3.4.4 (max rise and run per run; other slopes by 插入法). Medium confidence: only the 1:12 row
 * was seen in a copy of the code. Under GB 55019 2.3.1 it is a legacy value: every run is capped at 750 mm.
 */
export const gb50763RampTable = [
  { ratio: 20, maxRiseMm: 1200, maxRunMm: 24000 },
  { ratio: 16, maxRiseMm: 900, maxRunMm: 14400 },
  { ratio: 12, maxRiseMm: 750, maxRunMm: 9000 },
  { ratio: 10, maxRiseMm: 600, maxRunMm: 6000 },
  { ratio: 8, maxRiseMm: 300, maxRunMm: 2400 },
] as const

export interface AllowedRampRise {
  /** GB 55019 2.3.1 limit for one run (mm); null when the slope is not allowed at all (steeper than 1:10). */
  allowedMm: number | null
  /** True when the slope is between 1:12 and 1:10: allowed only on a constrained site, rise ≤ 150 mm. */
  constrainedOnly: boolean
  /**
   * GB 50763 表3.4.4 by linear interpolation on the gradient (the code does not say whether to interpolate on n or
   * on the gradient; under GB 55019 the value never decides). null outside 1:20–1:8.
   */
  gb50763Mm: number | null
}

/** The allowed rise of one ramp run for a slope given as a fraction (rise ÷ run). */
export function allowedRampRise(gradient: number): AllowedRampRise {
  const rows = gb50763RampTable.map((r) => ({ g: 1 / r.ratio, rise: r.maxRiseMm }))
  let gb50763Mm: number | null = null
  for (let i = 0; i + 1 < rows.length; i++) {
    const a = rows[i]!
    const b = rows[i + 1]!
    if (gradient >= a.g - 1e-12 && gradient <= b.g + 1e-12) {
      gb50763Mm = tidy(a.rise + ((gradient - a.g) / (b.g - a.g)) * (b.rise - a.rise))
      break
    }
  }
  if (atMost(gradient, RAMP_MAX_GRADIENT))
    return { allowedMm: RAMP_MAX_RISE_PER_RUN_MM, constrainedOnly: false, gb50763Mm }
  if (atMost(gradient, RAMP_CONSTRAINED_MAX_GRADIENT))
    return { allowedMm: RAMP_CONSTRAINED_MAX_RISE_MM, constrainedOnly: true, gb50763Mm }
  return { allowedMm: null, constrainedOnly: false, gb50763Mm }
}

/** Derived values for a ramp run: slope, allowed rise, matching run and the legacy table value. */
export function riseDerived(gradient: number): DerivedValue[] {
  const a = allowedRampRise(gradient)
  const out: DerivedValue[] = [gradientDerived(gradient)]
  if (a.allowedMm !== null) {
    const run = tidy(a.allowedMm / gradient)
    out.push({
      id: 'allowed-rise',
      label: '允许最大高差',
      value: a.allowedMm,
      unit: 'mm',
      display: `${a.allowedMm} mm`,
    })
    if (gradient > 0)
      out.push({
        id: 'max-run',
        label: '对应最大水平长度',
        value: run,
        unit: 'mm',
        display: formatMetres(run),
      })
  }
  if (a.gb50763Mm !== null)
    out.push({
      id: 'gb50763-allowed-rise',
      label: 'GB 50763 表3.4.4 插值高度（已被取代）',
      value: Number(a.gb50763Mm.toFixed(1)),
      unit: 'mm',
      display: `${formatNumber(a.gb50763Mm, 0)} mm`,
    })
  return out
}
