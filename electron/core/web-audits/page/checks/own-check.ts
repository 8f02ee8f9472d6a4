import type { Frame, Page } from 'puppeteer-core'
import type { AuditNode, AuditRuleResult } from '../../../../../shared/web/audit-result'
import { getOwnRule, type OwnRuleId } from '../../../../../shared/web/own-rules'
import type { AuditState } from '../audit-state'
import { disambiguate, elementFingerprint, partsFingerprint } from '../fingerprint'
import type { DescribedNode, ElementFacts } from '../page-helpers'

/**
 * The contract of the project's own checks: each check gathers facts in the page (self-contained page-side code),
 * decides with small pure functions, and returns outcomes; the rule's metadata (shared/web/own-rules) supplies the
 * user-facing text, impact and clause references.
 */

export interface OwnNode {
  selector: string
  html: string
  /** Element features for the fingerprint; absent for nodes that are not elements (source lines, headers). */
  facts?: ElementFacts
  /** Used when there are no facts. */
  fingerprint?: string
  failureSummary?: string
}

/** One rule's finding on the page. A check returns none when the rule passes. */
export interface OwnOutcome {
  ruleId: OwnRuleId
  needsReview: boolean
  reviewReason?: string
  nodes: OwnNode[]
  /** Total before truncation; defaults to nodes.length. */
  nodeCount?: number
}

export interface CheckContext {
  state: AuditState
  page: Page
  frame: Frame
  timeoutMs: number
  maxNodes: number
}

export function elementNode(d: DescribedNode, failureSummary?: string): OwnNode {
  return { selector: d.selector, html: d.html, facts: d.facts, ...(failureSummary ? { failureSummary } : {}) }
}

/** A page-level node (the finding concerns the page, not one element). */
export function pageNode(ruleId: string, html: string, failureSummary?: string): OwnNode {
  return {
    selector: 'html',
    html,
    fingerprint: partsFingerprint('page', [ruleId]),
    ...(failureSummary ? { failureSummary } : {}),
  }
}

export function toOwnResult(outcome: OwnOutcome, maxNodes: number): AuditRuleResult {
  const meta = getOwnRule(outcome.ruleId)
  if (!meta) throw new Error(`unknown own rule ${outcome.ruleId}`)
  const kept = outcome.nodes.slice(0, maxNodes)
  const prints = disambiguate(
    kept.map((n) =>
      n.facts ? elementFingerprint(n.facts) : (n.fingerprint ?? partsFingerprint('node', [n.selector])),
    ),
  )
  const nodes: AuditNode[] = kept.map((n, i) => ({
    selector: n.selector,
    html: n.html,
    fingerprint: prints[i] as string,
    ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}),
  }))
  return {
    ruleId: meta.id,
    source: 'own',
    impact: meta.impact,
    needsReview: outcome.needsReview,
    ...(outcome.reviewReason ? { reviewReason: outcome.reviewReason } : {}),
    description: meta.description,
    help: meta.help,
    refs: meta.refs,
    level: meta.refs.level,
    nodes,
    nodeCount: Math.max(outcome.nodeCount ?? 0, outcome.nodes.length),
  }
}
