import { findCheck } from '../../../shared/catalog/index'
import type { CategoryId } from '../../../shared/catalog/categories'
import type { CheckDefinition, InputRecord } from '../../../shared/catalog/types'
import type { InspectionElement } from '../../../shared/domain/inspections'
import { sharedInputIds, sharedInputs } from '../../../shared/domain/inspection-measurements'
import { checkKey, draftFromValues, inputsFromDraft, type CheckDraft } from './draft-values'

/** The draft key of a facility's shared values (check ids are `<category>.<name>`, never `*`). */
export const SHARED = '*'

export function sharedKey(elementId: number): string {
  return checkKey(elementId, SHARED)
}

const checks = new Map<string, CheckDefinition | null>()

/**
 * The facility's shared values as one synthetic check: its inputs are the shared fields (each with the common
 * range of the checks that use it, all optional), and it always passes; only its input validation is used.
 */
export function sharedFieldsCheck(catalogId: string, category: CategoryId): CheckDefinition | null {
  const key = `${catalogId}\u0000${category}`
  if (!checks.has(key)) {
    const shared = sharedInputs(catalogId, category)
    checks.set(
      key,
      shared.length === 0
        ? null
        : {
            id: SHARED,
            category,
            title: '共用测量值',
            requirement: '',
            clauses: [],
            severity: 'minor',
            inputs: shared.map((s) => s.def),
            evaluate: () => ({ verdict: 'pass', explanation: '' }),
          },
    )
  }
  return checks.get(key)!
}

/** The titles of the checks that use a shared input ("纵向坡度、每段提升高度"). */
export function usedBy(catalogId: string, category: CategoryId, inputId: string): string[] {
  const shared = sharedInputs(catalogId, category).find((s) => s.def.id === inputId)
  return (shared?.checkIds ?? []).map((id) => findCheck(id, catalogId)?.title ?? id)
}

/** What the shared fields show: the local draft, or the saved values. */
export function sharedDraftOf(
  catalogId: string,
  element: InspectionElement,
  drafts: Record<string, CheckDraft>,
): CheckDraft | null {
  const check = sharedFieldsCheck(catalogId, element.category)
  if (!check) return null
  return (
    drafts[sharedKey(element.id)] ?? draftFromValues(check, element.measurements, element.carriedMeasurements)
  )
}

/**
 * The shared values a check is judged with on screen: the shared fields as typed; for a value still in conflict
 * (saved differently by checks before measure once) and not typed yet, the check's own old value, as the server
 * does.
 */
export function sharedValuesFor(
  catalogId: string,
  element: InspectionElement,
  drafts: Record<string, CheckDraft>,
  checkId: string,
): InputRecord {
  const check = sharedFieldsCheck(catalogId, element.category)
  const draft = sharedDraftOf(catalogId, element, drafts)
  if (!check || !draft) return {}
  const values: InputRecord = inputsFromDraft(check, draft)
  const stored = element.checks[checkId]?.inputs ?? {}
  for (const conflict of element.measurementConflicts) {
    const id = conflict.inputId
    if (!(id in values) && stored[id] !== undefined && stored[id] !== null) values[id] = stored[id]
  }
  // Blank shared ids are given as null so the check's own stale copy of them is never read.
  for (const id of sharedInputIds(catalogId, element.category)) if (!(id in values)) values[id] = null
  return values
}

/** Input ids of a check that hold values copied from the last inspection (own or shared) on screen. */
export function carriedOnScreen(
  sharedDraft: CheckDraft | null,
  checkDraft: CheckDraft,
  check: CheckDefinition,
): string[] {
  const used = new Set(check.inputs.map((i) => i.id))
  return [...(checkDraft.carried ?? []), ...(sharedDraft?.carried ?? []).filter((id) => used.has(id))]
}
