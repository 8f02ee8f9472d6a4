import { gradientInput, lengthInput } from './check-helpers'
import { formatGradient, formatPercent, gradientFromRiseRun, gradientFromReading, tidy } from './units'
import type { DerivedValue, EvalContext, InputError, NumericInputDefinition } from './types'

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
  const rise = ctx.optNum('rise')
  const run = ctx.optNum('run')
  if (rise !== undefined && run !== undefined) return gradientFromRiseRun(rise, run)
  const pct = ctx.optNum('gradient')
  return pct === undefined ? undefined : gradientFromReading(pct, '%')
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
