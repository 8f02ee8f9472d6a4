import type { AxeImpactLevel, PageFailureReason, PageResult } from '../../../../shared/web/audit-result'
import type { Db } from '../../db/open-database'
import { iterateRunResults } from '../store/queue-store'

/**
 * Per-portal summary and score.
 *
 * Score (0–100, one decimal; null when no page could be audited):
 *   page penalty = Σ over the rules the page violates (needs-review results excluded) of the impact weight
 *                  critical 10, serious 5, moderate 2, minor 1 (a rule without impact counts as moderate);
 *   score        = clamp(100 − mean page penalty over the successfully audited pages, 0, 100).
 * A rule counts once per page however many elements fail it, so one long list of low-contrast links does not
 * outweigh a missing form label; failed pages are reported in `pages.failed` and do not change the score.
 */

export const impactWeights: Readonly<Record<AxeImpactLevel, number>> = {
  critical: 10,
  serious: 5,
  moderate: 2,
  minor: 1,
}
const impacts: readonly AxeImpactLevel[] = ['critical', 'serious', 'moderate', 'minor']

export interface CountPair {
  /** Rule × page occurrences. */
  instances: number
  /** Failing elements (nodeCount, before truncation). */
  nodes: number
}

export interface PortalSummary {
  score: number | null
  /** skipped: links that were not web pages (downloads, PDF …), not counted as failures. */
  pages: { total: number; audited: number; failed: number; skipped: number }
  violations: CountPair & { rules: number }
  needsReview: CountPair & { rules: number }
  byImpact: Record<AxeImpactLevel, CountPair>
  /** WCAG SC → violation instances. */
  byWcag: Record<string, number>
  /** GB/T 37668-2019 clause → violation instances. */
  byGbt37668: Record<string, number>
  /** Why pages failed → count. */
  failures: Partial<Record<PageFailureReason, number>>
}

export function pagePenalty(page: PageResult): number {
  if (!page.ok) return 0
  let penalty = 0
  for (const rule of page.results) if (!rule.needsReview) penalty += impactWeights[rule.impact ?? 'moderate']
  return penalty
}

/** The score for a total penalty over `pages` audited pages (null when none). */
export function scoreFromPenalty(totalPenalty: number, pages: number): number | null {
  if (pages === 0) return null
  return Math.round(Math.min(100, Math.max(0, 100 - totalPenalty / pages)) * 10) / 10
}

/** Accumulates pages one at a time, so a run of thousands of pages is summarised without holding them. */
export class SummaryBuilder {
  private penalty = 0
  private readonly violationRules = new Set<string>()
  private readonly reviewRules = new Set<string>()
  private readonly summary: PortalSummary = {
    score: null,
    pages: { total: 0, audited: 0, failed: 0, skipped: 0 },
    violations: { rules: 0, instances: 0, nodes: 0 },
    needsReview: { rules: 0, instances: 0, nodes: 0 },
    byImpact: Object.fromEntries(
      impacts.map((i) => [i, { instances: 0, nodes: 0 }]),
    ) as PortalSummary['byImpact'],
    byWcag: {},
    byGbt37668: {},
    failures: {},
  }

  add(page: PageResult): this {
    const s = this.summary
    s.pages.total++
    if (!page.ok && page.failureReason === 'not-html') {
      s.pages.skipped++
      return this
    }
    if (!page.ok) {
      s.pages.failed++
      const reason = page.failureReason ?? 'internal'
      s.failures[reason] = (s.failures[reason] ?? 0) + 1
      return this
    }
    s.pages.audited++
    this.penalty += pagePenalty(page)
    for (const rule of page.results) {
      if (rule.needsReview) {
        this.reviewRules.add(rule.ruleId)
        s.needsReview.instances++
        s.needsReview.nodes += rule.nodeCount
        continue
      }
      this.violationRules.add(rule.ruleId)
      s.violations.instances++
      s.violations.nodes += rule.nodeCount
      const impact = s.byImpact[rule.impact ?? 'moderate']
      impact.instances++
      impact.nodes += rule.nodeCount
      for (const sc of rule.refs.wcag) s.byWcag[sc] = (s.byWcag[sc] ?? 0) + 1
      for (const c of rule.refs.gbt37668) s.byGbt37668[c] = (s.byGbt37668[c] ?? 0) + 1
    }
    return this
  }

  build(): PortalSummary {
    return {
      ...this.summary,
      score: scoreFromPenalty(this.penalty, this.summary.pages.audited),
      violations: { ...this.summary.violations, rules: this.violationRules.size },
      needsReview: { ...this.summary.needsReview, rules: this.reviewRules.size },
    }
  }
}

export function summarizePages(pages: Iterable<PageResult>): PortalSummary {
  const builder = new SummaryBuilder()
  for (const page of pages) builder.add(page)
  return builder.build()
}

/** Summary of a run from its stored page results. */
export function summarizeRun(db: Db, runId: number): PortalSummary {
  const builder = new SummaryBuilder()
  for (const page of iterateRunResults(db, runId)) builder.add(page)
  return builder.build()
}
