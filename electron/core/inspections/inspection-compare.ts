import type { CheckEntry, ComparisonRow, InspectionComparison } from '../../../shared/domain/inspections'
import type { Db } from '../db/open-database'
import { comparisonStatus, type CheckState } from '../../../shared/domain/inspection-status'
import { inspectionGaps, isEntered, type InspectionGaps } from '../../../shared/domain/inspection-gaps'
import { loadInspection } from './inspection-rows'

function stateOf(entry: CheckEntry | null): CheckState | null {
  if (!entry) return null
  const result = entry.result
  return {
    verdict: result?.verdict ?? null,
    confirmedFinding: entry.confirmedFinding,
    // A decided result (a fail with blanks too); 未填写 is not re-checked.
    checked: isEntered(result),
  }
}

/** Re-inspection view: each check of each element, previous beside current, with what changed. */
export function compareWithPrevious(
  db: Db,
  inspectionId: number,
  photoExists: (sha: string) => boolean,
): InspectionComparison {
  const current = loadInspection(db, inspectionId, photoExists)
  if (current.previousInspectionId === null) {
    return { inspectionId, previousInspectionId: null, previousInspectedOn: null, rows: [] }
  }
  const previous = loadInspection(db, current.previousInspectionId, photoExists)
  const rows: ComparisonRow[] = []
  const matched = new Set<number>()
  for (const element of current.elements) {
    const before = previous.elements.find((e) => e.id === element.previousElementId) ?? null
    if (before) matched.add(before.id)
    const checkIds = new Set([...Object.keys(element.checks), ...Object.keys(before?.checks ?? {})])
    for (const checkId of [...checkIds].sort()) {
      const prev = before?.checks[checkId] ?? null
      const cur = element.checks[checkId] ?? null
      rows.push({
        elementId: element.id,
        previousElementId: before?.id ?? null,
        elementLabel: element.label,
        category: element.category,
        checkId,
        previous: prev,
        current: cur,
        status: comparisonStatus(stateOf(prev), stateOf(cur)),
      })
    }
  }
  for (const element of previous.elements.filter((e) => !matched.has(e.id))) {
    for (const [checkId, prev] of Object.entries(element.checks)) {
      rows.push({
        elementId: null,
        previousElementId: element.id,
        elementLabel: element.label,
        category: element.category,
        checkId,
        previous: prev,
        current: null,
        status: 'not-rechecked',
      })
    }
  }
  return {
    inspectionId,
    previousInspectionId: previous.id,
    previousInspectedOn: previous.inspectedOn,
    rows,
  }
}

/** Before submit: the checks not entered and (re-inspection) those the last inspection measured and this one did not. */
export function gapsOf(db: Db, inspectionId: number, photoExists: (sha: string) => boolean): InspectionGaps {
  const current = loadInspection(db, inspectionId, photoExists)
  const previous =
    current.previousInspectionId === null
      ? null
      : loadInspection(db, current.previousInspectionId, photoExists)
  return inspectionGaps(current.catalogId, current.elements, previous?.elements ?? null)
}
