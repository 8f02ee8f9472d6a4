import { booleanInput, yesNoCheck } from '../check-helpers'
import type { CategoryId } from '../categories'
import { formatNumber } from '../units'
import type { CheckDefinition, CheckOutcome } from '../types'
import { gb55019 } from './clauses'

/**
 * Measuring tolerance for nominal tile dimensions (±0.5 mm). This is a setting of this tool, not a code figure:
 * GB 50763 gives a single nominal value (4 mm) and the acceptance tolerances of GB 50642-2011 were not researched.
 */
export const TACTILE_TOLERANCE_MM = 0.5

/** A measured tile dimension against a nominal code value, within the tool's measuring tolerance. */
export function nominalOutcome(quantity: string, value: number, nominal: number): CheckOutcome {
  const diff = Math.abs(value - nominal)
  const head = `${quantity} ${formatNumber(value, 2)} mm，规定值为 ${nominal} mm`
  const reasons = [`按本工具设定的 ±${TACTILE_TOLERANCE_MM} mm 测量容差判定（非规范数值）`]
  return diff <= TACTILE_TOLERANCE_MM + 1e-9
    ? { verdict: 'pass', explanation: `${head}，偏差在 ±${TACTILE_TOLERANCE_MM} mm 以内`, reasons }
    : {
        verdict: 'fail',
        explanation: `${head}，偏差 ${formatNumber(diff, 2)} mm，超出 ±${TACTILE_TOLERANCE_MM} mm`,
        reasons,
      }
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
