import type { CheckResult, ClauseRef } from './types'

/*
 * Stored results stay readable across catalog versions (each inspection records the version it was made with).
 * Catalog 1.x stored every clause of a check in `clauses`, had no `referenceClauses`, and answered blank inputs with
 * needs-review (“尚未填写：…”, `missing` set). These helpers read results of either version the same way.
 */

/** True for a result written by catalog 2.0 or later (its `clauses` are the deciding ones). */
export function hasDecidingClauses(result: Pick<CheckResult, 'referenceClauses'>): boolean {
  return Array.isArray(result.referenceClauses)
}

/**
 * The clauses a finding may cite: the deciding clauses; for a 1.x result, its clauses without the superseded and
 * advisory (宜) ones, which were never a basis.
 */
export function citedClauses(result: Pick<CheckResult, 'clauses' | 'referenceClauses'>): ClauseRef[] {
  if (hasDecidingClauses(result)) return result.clauses.map((c) => ({ ...c }))
  return result.clauses.filter((c) => !c.supersededBy && c.level !== 'A').map((c) => ({ ...c }))
}

/** Every clause of the check the result belongs to (for the screen); a 1.x result listed them all in `clauses`. */
export function referenceClausesOf(result: Pick<CheckResult, 'clauses' | 'referenceClauses'>): ClauseRef[] {
  return (result.referenceClauses ?? result.clauses).map((c) => ({ ...c }))
}

/** A stored result as this catalog reads it: a 1.x “尚未填写” needs-review is 未填写 (not-entered). */
export function normalizeStoredResult(result: CheckResult): CheckResult {
  if (!hasDecidingClauses(result) && result.verdict === 'needs-review' && (result.missing?.length ?? 0) > 0)
    return { ...result, verdict: 'not-entered' }
  return result
}
