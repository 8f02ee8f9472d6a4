import { choiceInput, limitOutcome, missingOutcome } from '../check-helpers'
import { formatNumber } from '../units'
import type { CheckOutcome, EvalContext } from '../types'
import { gb50763Superseded, gb55019 } from './clauses'

/** New/extended buildings vs alterations of existing buildings (GB 55019 2.5.4 item 1 uses different widths). */
export const projectInput = choiceInput(
  'project',
  '工程类型',
  [
    { id: 'new', label: '新建、扩建' },
    { id: 'existing', label: '既有建筑改造' },
  ],
  { optional: true, hint: '门宽在 800–900 mm 之间时需要' },
)

export const doorWidthClauses = [
  gb55019('2.5.4', 'high', { item: '1' }),
  gb50763Superseded('3.5.3', '2.5.4', '旧规定：平开门、推拉门、折叠门不小于 800 mm，宜不小于 900 mm', '3'),
]

/** Manual door clear width: ≥ 900 mm for new and extended buildings, ≥ 800 mm for alterations. */
export function doorWidthOutcome(ctx: EvalContext, widthId: string, quantity = '门通行净宽'): CheckOutcome {
  const w = ctx.num(widthId)
  const project = ctx.optChoice('project')
  if (project === 'new') {
    const o = limitOutcome(quantity, w, 'mm', { min: 900 })
    return { ...o, explanation: `${o.explanation}（新建、扩建）` }
  }
  if (project === 'existing') {
    const o = limitOutcome(quantity, w, 'mm', { min: 800 })
    return { ...o, explanation: `${o.explanation}（既有建筑改造）` }
  }
  if (w >= 900)
    return { verdict: 'pass', explanation: `${quantity} ${formatNumber(w, 1)} mm，不小于 900 mm，符合要求` }
  if (w < 800)
    return { verdict: 'fail', explanation: `${quantity} ${formatNumber(w, 1)} mm，小于 800 mm 的最小要求` }
  return missingOutcome(
    ctx,
    ['project'],
    `${quantity} ${formatNumber(w, 1)} mm：新建、扩建须不小于 900 mm，既有建筑改造须不小于 800 mm`,
  )
}
