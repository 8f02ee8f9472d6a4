import type { Verdict } from '../catalog/types'
import type { ComparisonStatus } from './inspections'

/** A check is a problem (a finding) when it fails, or needs review and the inspector confirmed it. */
export function isProblem(verdict: Verdict | null | undefined, confirmedFinding: boolean): boolean {
  return verdict === 'fail' || (verdict === 'needs-review' && confirmedFinding)
}

/** One side of a re-inspection comparison; `checked` = evaluated with nothing the verdict needs left blank. */
export interface CheckState {
  verdict: Verdict | null
  confirmedFinding: boolean
  checked: boolean
}

/** Re-inspection status of one check: the one rule the server and the screen both use. */
export function comparisonStatus(previous: CheckState | null, current: CheckState | null): ComparisonStatus {
  const before = previous ? isProblem(previous.verdict, previous.confirmedFinding) : false
  if (!current?.checked) return 'not-rechecked'
  const now = isProblem(current.verdict, current.confirmedFinding)
  if (before && now) return 'still-failing'
  // A former problem that now needs review is not fixed until someone has looked.
  if (before) return current.verdict === 'needs-review' ? 'not-rechecked' : 'fixed'
  return now ? 'new' : 'unchanged-pass'
}
