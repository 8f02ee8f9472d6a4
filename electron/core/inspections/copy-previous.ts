import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import { checksForCategory } from '../../../shared/catalog/index'
import type { CategoryId } from '../../../shared/catalog/categories'
import type { InputRecord } from '../../../shared/catalog/types'
import type { Inspection } from '../../../shared/domain/inspections'
import { isBlankValue, ownInputs, sharedInputIds } from '../../../shared/domain/inspection-measurements'
import type { Db } from '../db/open-database'
import {
  applyElementChange,
  elementMeta,
  readSharedState,
  type ElementValueRow,
  type StoredCheckRow,
} from './element-values'
import { editElement, type InspectionDeps } from './inspection-service'

interface ElementValues {
  shared: InputRecord
  own: Map<string, { inputs: InputRecord; row: StoredCheckRow }>
}

function elementValues(
  db: Db,
  elementId: number,
): ElementValues & { catalogId: string; category: CategoryId } {
  const meta = elementMeta(db, elementId)
  const rows = db
    .prepare('SELECT * FROM check_values WHERE element_id = ?')
    .all(elementId) as StoredCheckRow[]
  const stored = db
    .prepare('SELECT * FROM element_values WHERE element_id = ?')
    .all(elementId) as ElementValueRow[]
  const shared = readSharedState(meta.catalogId, meta.category, stored, rows).values
  const ids = sharedInputIds(meta.catalogId, meta.category)
  return {
    catalogId: meta.catalogId,
    category: meta.category,
    shared,
    own: new Map(
      rows.map((r) => [r.check_id, { inputs: ownInputs(JSON.parse(r.inputs_json), ids), row: r }]),
    ),
  }
}

/**
 * 沿用上次: a re-inspection copies the last inspection's values into the inputs still blank, for one check or for
 * the whole facility. Values already typed are never overwritten. Copies are marked carried until they are
 * measured again, so the pre-submit list and the record can say so.
 */
export function copyPrevious(
  deps: InspectionDeps,
  input: ParsedInputOf<'inspections:copyPrevious'>,
): Inspection {
  const { db } = deps.ctx
  return editElement(deps, input, (now) => {
    const previousId = db
      .prepare('SELECT previous_element_id FROM inspection_elements WHERE id = ?')
      .pluck()
      .get(input.elementId) as number | null
    if (previousId === null)
      throw new ApiError('VALIDATION', '该设施不是复查带出的设施，没有上次的测量值可沿用')
    const current = elementValues(db, input.elementId)
    const previous = elementValues(db, previousId)
    const checks = checksForCategory(current.catalogId, current.category).filter(
      (c) => input.checkId === undefined || c.id === input.checkId,
    )
    if (checks.length === 0)
      throw new ApiError('VALIDATION', `检查项“${input.checkId}”不属于该设施类别`, [
        { path: 'checkId', message: `检查项：“${input.checkId}”不属于该设施类别` },
      ])
    const sharedIds = sharedInputIds(current.catalogId, current.category)
    const used = new Set(checks.flatMap((c) => c.inputs.map((i) => i.id)))

    const shared: InputRecord = {}
    for (const id of sharedIds)
      if (used.has(id) && isBlankValue(current.shared[id]) && !isBlankValue(previous.shared[id]))
        shared[id] = previous.shared[id]!
    if (Object.keys(shared).length)
      applyElementChange(db, { elementId: input.elementId, shared, sharedCarried: Object.keys(shared) }, now)

    for (const check of checks) {
      const before = previous.own.get(check.id)?.inputs ?? {}
      const mine = current.own.get(check.id)
      const inputs: InputRecord = { ...mine?.inputs }
      const copied: string[] = []
      for (const def of check.inputs)
        if (!sharedIds.has(def.id) && isBlankValue(inputs[def.id]) && !isBlankValue(before[def.id])) {
          inputs[def.id] = before[def.id]!
          copied.push(def.id)
        }
      if (!copied.length) continue
      const alreadyCarried = mine ? (JSON.parse(mine.row.carried_json) as string[]) : []
      applyElementChange(
        db,
        {
          elementId: input.elementId,
          check: {
            checkId: check.id,
            inputs,
            note: mine?.row.note ?? null,
            confirmedFinding: mine?.row.confirmed_finding === 1,
            carried: [...alreadyCarried, ...copied],
          },
        },
        now,
      )
    }
  })
}
