import { checksForCategory } from '../../../shared/catalog/index'
import type { ComparisonStatus, Inspection } from '../../../shared/domain/inspections'
import { checkKey, draftFromEntry, evaluateDraft, type CheckDraft } from './draft-values'
import { comparisonStatus, isProblem } from './format'

export interface LiveSummary {
  /** Findings a submit would create: failures plus confirmed needs-review results. */
  problems: number
  /** Checks whose typed values evaluateCheck refuses (not saved). */
  inputErrors: number
  /** Re-inspection counts; null for a first inspection. */
  comparison: Record<ComparisonStatus, number> | null
}

/** Walks every check of the inspection with what is on screen (drafts over saved values). */
export function liveSummary(
  inspection: Inspection,
  drafts: Record<string, CheckDraft>,
  previous: Inspection | null,
): LiveSummary {
  let problems = 0
  let inputErrors = 0
  const comparison: Record<ComparisonStatus, number> = {
    fixed: 0,
    'still-failing': 0,
    new: 0,
    'unchanged-pass': 0,
    'not-rechecked': 0,
  }
  for (const element of inspection.elements) {
    const before = previous?.elements.find((e) => e.id === element.previousElementId)
    for (const check of checksForCategory(inspection.catalogId, element.category)) {
      const draft = drafts[checkKey(element.id, check.id)] ?? draftFromEntry(check, element.checks[check.id])
      const live = evaluateDraft(inspection.catalogId, check, draft)
      if (!live.ok) inputErrors++
      const result = live.ok ? live.result : (element.checks[check.id]?.result ?? null)
      if (isProblem(result?.verdict, draft.confirmedFinding)) problems++
      if (previous) {
        const status = comparisonStatus(before?.checks[check.id], {
          verdict: result?.verdict ?? null,
          confirmedFinding: draft.confirmedFinding,
          checked: live.ok && !(live.result.missing?.length ?? 0),
        })
        comparison[status]++
      }
    }
  }
  return { problems, inputErrors, comparison: previous ? comparison : null }
}
