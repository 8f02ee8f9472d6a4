import { BlankInput, gradientInput, lengthInput } from './check-helpers'
import { formatGradient, formatPercent, gradientFromRiseRun, gradientFromReading, tidy } from './units'
import type { DerivedValue, EvalContext, InputError, NumericInputDefinition, Reading } from './types'

/**
 * Slope inputs shared by ramps, curb ramps and level entrances: either the vertical rise and the horizontal
 * run (both lengths), or a direct gradient reading (%, degrees or 1:n). When both are filled, rise ÷ run wins.
 */
export const slopeAlternatives: readonly (readonly string[])[] = [['rise', 'run'], ['gradient']]

/** Plausible gradient for any walking surface: 0–50 % (1:2); steeper readings are typing or unit errors. */
export const MAX_PLAUSIBLE_GRADIENT = 0.5

export function riseInput(optional = true): NumericInputDefinition {
  return lengthInput('rise', '高差', 0, 3000, { optional, hint: '本段起点与终点之间的垂直高差' })
}

export function runInput(): NumericInputDefinition {
  return lengthInput('run', '水平长度', 100, 60000, {
    optional: true,
    hint: '水平投影长度，不是沿坡面量得的长度',
  })
}

export function gradientReadingInput(label = '坡度读数'): NumericInputDefinition {
  return gradientInput('gradient', label, { optional: true, hint: '坡度仪读数，可按 %、度或 1:n 填写' })
}

export function slopeInputs(riseOptional = true): NumericInputDefinition[] {
  return [riseInput(riseOptional), runInput(), gradientReadingInput()]
}

export function gradientDerived(gradient: number, id = 'gradient', label = '坡度'): DerivedValue {
  return {
    id,
    label,
    value: Number((gradient * 100).toFixed(4)),
    unit: '%',
    display: formatGradient(gradient),
  }
}

/** The slope as a fraction, from rise ÷ run or from the reading; undefined when neither is complete. */
export function readGradient(ctx: EvalContext): number | undefined {
  const r = gradientReading(ctx)
  return r === undefined ? undefined : gradientFromReading(r.value, '%')
}

/**
 * The slope in % with the range its true value lies in: from rise ÷ run (each length ±its tolerance, so a short
 * rise gives a wide range) or from the inclinometer reading; undefined when neither is complete.
 */
export function gradientReading(ctx: EvalContext): Reading | undefined {
  const rise = ctx.optReading('rise')
  const run = ctx.optReading('run')
  if (rise !== undefined && run !== undefined) {
    const pct = (a: number, b: number) => tidy(gradientFromRiseRun(a, b) * 100)
    return {
      value: pct(rise.value, run.value),
      lo: pct(Math.max(0, rise.lo), run.hi),
      hi: run.lo > 0 ? pct(rise.hi, run.lo) : Number.POSITIVE_INFINITY,
      source: '由高差和水平长度算得，长度测量各 ±1 mm',
    }
  }
  return ctx.optReading('gradient')
}

/** Like gradientReading, for a check that cannot go on without the slope (the engine lists what is blank). */
export function requireGradient(ctx: EvalContext): Reading {
  const r = gradientReading(ctx)
  if (r === undefined) throw new BlankInput(ctx.has('rise') || ctx.has('run') ? 'run' : 'gradient')
  return r
}

/** Rejects rise/run pairs steeper than 1:2, which cannot be a walking surface. */
export function validateSlope(ctx: EvalContext): InputError[] {
  const rise = ctx.optNum('rise')
  const run = ctx.optNum('run')
  if (rise === undefined || run === undefined) return []
  const g = gradientFromRiseRun(rise, run)
  if (g <= MAX_PLAUSIBLE_GRADIENT) return []
  return [
    {
      inputId: 'rise',
      message: `由 ${ctx.label('rise')} 与 ${ctx.label('run')} 算得的坡度 须在 0–50% 之间（算得 ${formatPercent(tidy(g))}），请核对`,
    },
  ]
}
