import { checksForCategory } from '../catalog/registry'
import type { CheckResult, Verdict } from '../catalog/types'
import type { CheckEntry, InspectionElement } from './inspections'

/**
 * 未填写 (not entered): a check with nothing typed, or not enough to judge. It is never 待复核, which means only
 * "an expert must judge". Results stored before 未填写 existed said needs-review with the blank inputs listed in
 * `missing`; those read as 未填写 too.
 */
export type ShownVerdict = Verdict | 'not-entered'

export function isEntered(result: CheckResult | null | undefined): boolean {
  if (!result) return false
  const verdict: string = result.verdict
  if (verdict === 'not-entered') return false
  return !(verdict === 'needs-review' && (result.missing?.length ?? 0) > 0)
}

/** The verdict as every screen shows it; a check without a result is 未填写. */
export function shownVerdict(result: CheckResult | null | undefined): ShownVerdict {
  if (!result || !isEntered(result)) return 'not-entered'
  return result.verdict
}

/** What a check holds now: its result and the inputs copied from the last inspection (沿用上次). */
export interface CheckNow {
  result: CheckResult | null
  carried: readonly string[]
}

export interface GapRow {
  elementId: number
  elementLabel: string
  checkId: string
  checkTitle: string
  /** Something decided the check (pass, fail, needs-review or not applicable). */
  entered: boolean
  /** Values copied from the last inspection and not measured again. */
  carried: boolean
}

export interface InspectionGaps {
  /** Checks with nothing (or not enough) entered, that the last inspection did not measure either. */
  notEntered: GapRow[]
  /** Re-inspection: checks the last inspection measured that were not measured again (blank now, or 沿用上次). */
  notRemeasured: GapRow[]
  counts: { checks: number; notEntered: number; needsReview: number; fail: number }
}

type ElementLike = Pick<InspectionElement, 'id' | 'label' | 'category' | 'checks' | 'previousElementId'>

const fromEntry = (entry: CheckEntry | undefined): CheckNow => ({
  result: entry?.result ?? null,
  carried: entry?.carried ?? [],
})

/**
 * Every check of every facility of the inspection (the catalog's checks of its category), with what it holds:
 * the one rule for the pre-submit list, the list's counts and the record. `now` lets a screen pass what is typed
 * but not saved yet; by default the saved entries are read.
 */
export function inspectionGaps(
  catalogId: string,
  elements: readonly ElementLike[],
  previousElements: readonly Pick<InspectionElement, 'id' | 'checks'>[] | null,
  now: (element: ElementLike, checkId: string) => CheckNow = (element, checkId) =>
    fromEntry(element.checks[checkId]),
): InspectionGaps {
  const gaps: InspectionGaps = {
    notEntered: [],
    notRemeasured: [],
    counts: { checks: 0, notEntered: 0, needsReview: 0, fail: 0 },
  }
  for (const element of elements) {
    const before = previousElements?.find((e) => e.id === element.previousElementId)
    for (const check of checksForCategory(catalogId, element.category)) {
      const current = now(element, check.id)
      const entered = isEntered(current.result)
      const verdict = shownVerdict(current.result)
      gaps.counts.checks++
      if (!entered) gaps.counts.notEntered++
      else if (verdict === 'fail') gaps.counts.fail++
      else if (verdict === 'needs-review') gaps.counts.needsReview++
      const row: GapRow = {
        elementId: element.id,
        elementLabel: element.label,
        checkId: check.id,
        checkTitle: check.title,
        entered,
        carried: current.carried.length > 0,
      }
      const measuredBefore = isEntered(before?.checks[check.id]?.result)
      if (measuredBefore && (!entered || row.carried)) gaps.notRemeasured.push(row)
      else if (!entered) gaps.notEntered.push(row)
    }
  }
  return gaps
}
