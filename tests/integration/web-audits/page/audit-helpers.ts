import type { AuditRuleResult, PageResult } from '../../../../shared/web/audit-result'
import type { AuditPageOptions } from '../../../../electron/core/web-audits/page/audit-page'

/** Shared by the page-audit integration tests. */

/** Short limits so hostile pages end quickly; WCAG A rules only and no own checks, to keep the suite fast. */
export const fastOptions: AuditPageOptions = {
  navigationTimeoutMs: 4_000,
  settleMs: 250,
  pageTimeoutMs: 60_000,
  tags: ['wcag2a'],
  isolatedRules: [],
  ownRules: [],
  maxTabPresses: 0,
}

/** The whole pipeline (all own checks, default axe tags) with short limits. */
export const fullOptions: AuditPageOptions = {
  navigationTimeoutMs: 4_000,
  settleMs: 250,
  pageTimeoutMs: 60_000,
  maxTabPresses: 30,
}

export type RuleStatus = 'pass' | 'fail' | 'needs-review'

/** fail when any result of the rule fails; needs-review when it only has needs-review results; else pass. */
export function ruleStatus(results: readonly AuditRuleResult[], ruleId: string): RuleStatus {
  const mine = results.filter((r) => r.ruleId === ruleId)
  if (mine.some((r) => !r.needsReview)) return 'fail'
  return mine.length > 0 ? 'needs-review' : 'pass'
}

/** A readable summary for assertion messages. */
export function summary(result: PageResult): string {
  return JSON.stringify({
    ok: result.ok,
    failureReason: result.failureReason,
    failureMessage: result.failureMessage,
    rules: result.results.map((r) => `${r.ruleId}${r.needsReview ? '?' : '!'}`),
    frames: result.framesNotTested,
  })
}
