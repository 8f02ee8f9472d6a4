import { checksForCategory } from '../../../shared/catalog/index'
import type {
  CheckDefinition,
  CheckResult,
  EvaluateResponse,
  InputRecord,
} from '../../../shared/catalog/types'
import type { ComparisonStatus, Inspection, InspectionElement } from '../../../shared/domain/inspections'
import { inspectionGaps, isEntered, type InspectionGaps } from '../../../shared/domain/inspection-gaps'
import { sharedInputIds } from '../../../shared/domain/inspection-measurements'
import { checkKey, draftFromEntry, evaluateDraft, type CheckDraft } from './draft-values'
import { comparisonStatus, isProblem } from './format'
import { carriedOnScreen, sharedDraftOf, sharedKey, sharedValuesFor } from './shared-fields'

/** One check as the screen shows it: the draft (or saved entry), the shared values it uses, the live result. */
export interface LiveCheck {
  draft: CheckDraft
  shared: InputRecord
  live: EvaluateResponse
  /** The live result; the saved one while the typed values are invalid. */
  result: CheckResult | null
  /** Input ids holding values copied from the last inspection (沿用上次). */
  carried: string[]
}

export function liveCheck(
  catalogId: string,
  element: InspectionElement,
  check: CheckDefinition,
  drafts: Record<string, CheckDraft>,
): LiveCheck {
  const sharedIds = sharedInputIds(catalogId, element.category)
  const draft =
    drafts[checkKey(element.id, check.id)] ?? draftFromEntry(check, element.checks[check.id], sharedIds)
  const shared = sharedValuesFor(catalogId, element, drafts, check.id)
  const live = evaluateDraft(catalogId, check, draft, shared)
  const result = live.ok ? live.result : (element.checks[check.id]?.result ?? null)
  const carried = carriedOnScreen(sharedDraftOf(catalogId, element, drafts), draft, check)
  return { draft, shared, live, result, carried }
}

export interface LiveSummary {
  /** Findings a submit would create: failures plus confirmed needs-review results. */
  problems: number
  /** Checks whose typed values evaluateCheck refuses (not saved). */
  inputErrors: number
  /** Re-inspection counts; null for a first inspection. */
  comparison: Record<ComparisonStatus, number> | null
  /** 未填写 and 未重新测量, with what is on screen. */
  gaps: InspectionGaps
  /** Each check as the screen shows it, by checkKey. */
  checks: Map<string, LiveCheck>
}

/** Keeps a check's LiveCheck object while its draft, its facility's shared draft and saved state are the same. */
export type LiveCache = Map<string, { deps: unknown[]; value: LiveCheck }>

/** Walks every check of the inspection with what is on screen (drafts over saved values). */
export function liveSummary(
  inspection: Inspection,
  drafts: Record<string, CheckDraft>,
  previous: Inspection | null,
  cache: LiveCache = new Map(),
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
  const lives = new Map<string, LiveCheck>()
  for (const element of inspection.elements) {
    const before = previous?.elements.find((e) => e.id === element.previousElementId)
    for (const check of checksForCategory(inspection.catalogId, element.category)) {
      const key = checkKey(element.id, check.id)
      const deps = [drafts[key], drafts[sharedKey(element.id)], element, inspection.catalogId]
      const cached = cache.get(key)
      const now =
        cached && cached.deps.every((d, i) => d === deps[i])
          ? cached.value
          : liveCheck(inspection.catalogId, element, check, drafts)
      cache.set(key, { deps, value: now })
      lives.set(key, now)
      if (!now.live.ok) inputErrors++
      if (isProblem(now.result?.verdict, now.draft.confirmedFinding)) problems++
      if (previous) {
        const status = comparisonStatus(before?.checks[check.id], {
          verdict: now.result?.verdict ?? null,
          confirmedFinding: now.draft.confirmedFinding,
          checked: isEntered(now.result),
        })
        comparison[status]++
      }
    }
  }
  const gaps = inspectionGaps(
    inspection.catalogId,
    inspection.elements,
    previous?.elements ?? null,
    (element, checkId) => {
      const now = lives.get(checkKey(element.id, checkId))
      return { result: now?.result ?? null, carried: now?.carried ?? [] }
    },
  )
  return { problems, inputErrors, comparison: previous ? comparison : null, gaps, checks: lives }
}
