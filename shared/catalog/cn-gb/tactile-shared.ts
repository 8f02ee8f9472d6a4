import { basisOf, booleanInput, judgeLimit, lengthInput, toleranceReason, yesNoCheck } from '../check-helpers'
import type { CategoryId } from '../categories'
import { formatNumber } from '../units'
import type { CheckDefinition, CheckOutcome, ClauseRef, NumericInputDefinition, Reading } from '../types'
import { gb55019 } from './clauses'

/**
 * Allowed deviation of a manufactured tile dimension from the single figure the code gives (4 mm relief, 50 mm dot
 * spacing): ±0.5 mm. GB 50763 states only the figure, not a tolerance; the acceptance tolerances of GB 50642-2011
 * were not researched, so the band is a documented setting of this catalog, said in plain words in every verdict.
 */
export const TACTILE_TOLERANCE_MM = 0.5

/** A tile dimension is read with a depth gauge or calliper to 0.1 mm. */
export function tileInput(id: string, label: string, max: number): NumericInputDefinition {
  return lengthInput(id, label, 0, max, {
    step: 0.1,
    tolerance: { amount: 0.1, source: '卡尺或深度尺读数 ±0.1 mm' },
  })
}

/** A measured tile dimension against the code's single figure, with the ±0.5 mm allowed deviation. */
export function nominalOutcome(
  quantity: string,
  value: Reading,
  nominal: number,
  by: readonly ClauseRef[],
): CheckOutcome {
  const band = { min: nominal - TACTILE_TOLERANCE_MM, max: nominal + TACTILE_TOLERANCE_MM }
  const { within, nearMiss } = judgeLimit(quantity, value, 'mm', band)
  const diff = Math.abs(value.value - nominal)
  const head = `${quantity} ${formatNumber(value.value, 2)} mm，规定值为 ${nominal} mm`
  const basis = basisOf(by, `${nominal} mm`)
  const reasons = [`规范只给出定值 ${nominal} mm，未规定允许偏差，按 ±${TACTILE_TOLERANCE_MM} mm 判定`]
  if (within)
    return {
      verdict: 'pass',
      explanation: `${head}，偏差在 ±${TACTILE_TOLERANCE_MM} mm 以内`,
      reasons,
      basis,
    }
  const explanation = `${head}，偏差 ${formatNumber(diff, 2)} mm，超出 ±${TACTILE_TOLERANCE_MM} mm`
  if (nearMiss)
    return {
      verdict: 'needs-review',
      explanation,
      reasons: [...reasons, toleranceReason(`${nominal} ± ${TACTILE_TOLERANCE_MM} mm`, value.source)],
      basis,
    }
  return { verdict: 'fail', explanation, reasons, basis }
}

/** GB 55019 2.11.4: tactile paving differs in colour or material from the paving around it. */
export function contrastCheck(category: CategoryId, subject: string): CheckDefinition {
  return yesNoCheck({
    id: `${category}.contrast`,
    category,
    title: `${subject}颜色或材质对比`,
    requirement: `${subject}的颜色或材质应与相邻铺面有明显区别。`,
    clauses: [gb55019('2.11.4', 'high')],
    severity: 'major',
    conditions: [
      {
        input: booleanInput('contrasting', '颜色或材质是否与相邻铺面明显不同'),
        expected: true,
        failText: `${subject}的颜色和材质与相邻铺面无明显区别`,
      },
    ],
    passText: `${subject}与相邻铺面有明显区别`,
  })
}
