import { limitOutcome } from '../check-helpers'
import type { CheckOutcome, EvalContext } from '../types'
import { gb50763Superseded, gb55019 } from './clauses'

/** New/extended buildings vs alterations of existing buildings (GB 55019 2.5.4 item 1 uses different widths). */
export const projectOptions = [
  { id: 'new', label: '新建、扩建' },
  { id: 'existing', label: '既有建筑改造' },
] as const

/** The kind of project selects the required door width: a context input (judged for both options while blank). */
export const projectInput = {
  id: 'project',
  label: '工程类型',
  kind: 'choice',
  options: projectOptions,
  optional: true,
  context: true,
  hint: '门宽在 800–900 mm 之间时需要',
} as const

/** Alterations (800 mm) are the less demanding case. */
export const projectLeniency = { project: ['existing', 'new'] } as const

export const doorWidthClause = gb55019('2.5.4', 'high', { item: '1' })

export const doorWidthClauses = [
  doorWidthClause,
  gb50763Superseded('3.5.3', '2.5.4', '旧规定：平开门、推拉门、折叠门不小于 800 mm，宜不小于 900 mm', '3'),
]

/** Manual door clear width: ≥ 900 mm for new and extended buildings, ≥ 800 mm for alterations. */
export function doorWidthOutcome(ctx: EvalContext, widthId: string, quantity = '门通行净宽'): CheckOutcome {
  const w = ctx.reading(widthId)
  const project = ctx.choice('project')
  const o = limitOutcome(quantity, w, 'mm', { min: project === 'new' ? 900 : 800, by: [doorWidthClause] })
  return { ...o, explanation: `${o.explanation}（${project === 'new' ? '新建、扩建' : '既有建筑改造'}）` }
}
