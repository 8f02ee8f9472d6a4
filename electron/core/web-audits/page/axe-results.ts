import type * as Axe from 'axe-core'
import type { AuditNode, AuditRuleResult } from '../../../../shared/web/audit-result'
import { getAxeRule, mapAxeRule } from '../../../../shared/web/standards'
import type { AxeRunOutcome, RuleInfo } from './axe-runner'

/** axe results → the project's AuditRuleResult (fingerprints are filled in later, from the page). */

export const SNIPPET_MAX = 500

/** An axe node whose fingerprint still has to be computed from the element in the page. */
export interface PendingAxeNode {
  target: Axe.UnlabelledFrameSelector
  node: AuditNode
  result: AuditRuleResult
}

export function truncateSnippet(html: string, max = SNIPPET_MAX): string {
  return html.length <= max ? html : `${html.slice(0, max - 1)}…`
}

/** axe target → one selector string; iframe hops (and shadow-root hops) joined with " >>> ". */
export function joinTarget(target: Axe.UnlabelledFrameSelector): string {
  return target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> ')
}

function ruleImpact(ruleId: string, impact: Axe.ImpactValue | undefined): AuditRuleResult['impact'] {
  return impact ?? getAxeRule(ruleId)?.impact ?? null
}

/** The first "cannot tell" message of an incomplete result, as the review reason. */
function incompleteReason(result: Axe.Result): string {
  for (const node of result.nodes)
    for (const check of [...node.any, ...node.all, ...node.none])
      if (check.message) return `axe 无法自动判定：${check.message}`
  return 'axe 无法自动判定，需人工复核'
}

function mapResult(
  result: Axe.Result,
  needsReview: boolean,
  maxNodes: number,
  pending: PendingAxeNode[],
): AuditRuleResult {
  const refs = mapAxeRule(result.id, result.tags)
  const mapped: AuditRuleResult = {
    ruleId: result.id,
    source: 'axe',
    impact: ruleImpact(result.id, result.impact),
    needsReview,
    ...(needsReview ? { reviewReason: incompleteReason(result) } : {}),
    description: result.description,
    help: result.help,
    helpUrl: result.helpUrl,
    refs,
    level: refs.level,
    nodes: [],
    nodeCount: result.nodes.length,
  }
  for (const n of result.nodes.slice(0, maxNodes)) {
    const node: AuditNode = { selector: joinTarget(n.target), html: truncateSnippet(n.html), fingerprint: '' }
    if (n.failureSummary) node.failureSummary = n.failureSummary
    mapped.nodes.push(node)
    pending.push({ target: n.target, node, result: mapped })
  }
  return mapped
}

function notRunResult(ruleId: string, reviewReason: string, info: RuleInfo | undefined): AuditRuleResult {
  const refs = mapAxeRule(ruleId, info?.tags)
  const meta = getAxeRule(ruleId)
  return {
    ruleId,
    source: 'axe',
    impact: meta?.impact ?? null,
    needsReview: true,
    reviewReason,
    description: info?.description ?? ruleId,
    help: info?.help ?? ruleId,
    ...(info?.helpUrl ? { helpUrl: info.helpUrl } : {}),
    refs,
    level: refs.level,
    nodes: [],
    nodeCount: 0,
  }
}

/** Violations first, then needs-review (incomplete, then rules that timed out), each in axe's order. */
export function mapAxeOutcome(
  outcome: AxeRunOutcome,
  maxNodes: number,
): { results: AuditRuleResult[]; pending: PendingAxeNode[] } {
  const pending: PendingAxeNode[] = []
  const violations = outcome.results.flatMap((r) =>
    r.violations.map((v) => mapResult(v, false, maxNodes, pending)),
  )
  const incomplete = outcome.results.flatMap((r) =>
    r.incomplete.map((v) => mapResult(v, true, maxNodes, pending)),
  )
  const notRun = outcome.notRun.map((n) => notRunResult(n.ruleId, n.reviewReason, outcome.rules[n.ruleId]))
  return { results: [...violations, ...incomplete, ...notRun], pending }
}
