import { createHash } from 'node:crypto'
import type { AuditNode, AuditRuleResult, PageResult } from '../../../../shared/web/audit-result'
import {
  ageingDocTitles,
  getAgeingRule,
  impactToSeverity,
  type Severity,
} from '../../../../shared/web/standards'
import type { Db } from '../../db/open-database'
import { webMatchKey } from '../../findings/match-keys'

/**
 * Web audit results → rows of the shared findings table (source 'web'), one per failing or needs-review node.
 * The match key identifies the same problem across runs: rule + normalised page URL + the node's stable
 * fingerprint, never the raw selector text (selectors shift whenever a sibling is added).
 */

export interface PortalRef {
  id: number
  unitId: number | null
}

export interface ClauseEntry {
  code: string
  clause: string
  mandatory: boolean
}

export interface WebFindingRow {
  severity: Severity
  needsReview: boolean
  title: string
  detail: string
  clauses: ClauseEntry[]
  evidence: { pageUrl: string; selector: string; html: string; screenshot?: string }
  ruleId: string
  matchKey: string
}

export const wcagCode = 'WCAG 2.2'
export const gbt37668Code = 'GB/T 37668-2019'

/** The node's fingerprint; a hash of selector + snippet only if the auditor gave none. */
export function nodeFingerprint(node: AuditNode): string {
  if (node.fingerprint) return node.fingerprint
  return createHash('sha256').update(`${node.selector}\n${node.html}`).digest('hex').slice(0, 16)
}

export function clauseEntries(rule: AuditRuleResult): ClauseEntry[] {
  return [
    ...rule.refs.wcag.map((sc) => ({ code: wcagCode, clause: sc, mandatory: false })),
    ...rule.refs.gbt37668.map((clause) => ({ code: gbt37668Code, clause, mandatory: false })),
    ...rule.refs.ageing.map((id) => {
      const ageing = getAgeingRule(id)
      return ageing
        ? { code: ageingDocTitles[ageing.doc], clause: ageing.clause ?? ageing.titleZh, mandatory: false }
        : { code: '适老化', clause: id, mandatory: false }
    }),
  ]
}

function detailText(page: PageResult, rule: AuditRuleResult, node: AuditNode): string {
  return [
    rule.description,
    node.failureSummary ?? '',
    rule.needsReview ? `需人工复核${rule.reviewReason ? `：${rule.reviewReason}` : ''}` : '',
    `页面：${page.title ? `${page.title} ` : ''}${page.url}`,
    rule.nodeCount > rule.nodes.length ? `本页共 ${rule.nodeCount} 处，记录前 ${rule.nodes.length} 处` : '',
    rule.helpUrl ? `参考：${rule.helpUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n')
}

/**
 * The findings of one page (none for a page that could not be audited). `screenshotFolder` (the run's folder
 * under the screenshot root, e.g. 'run-12') is put in front of screenshot file names, so evidence paths are
 * relative to the screenshot root.
 */
export function webFindingRows(
  portalId: number,
  page: PageResult,
  screenshotFolder?: string,
): WebFindingRow[] {
  if (!page.ok) return []
  const rows: WebFindingRow[] = []
  for (const rule of page.results) {
    const clauses = clauseEntries(rule)
    const severity = impactToSeverity(rule.impact, rule.ruleId)
    for (const node of rule.nodes) {
      rows.push({
        severity,
        needsReview: rule.needsReview,
        title: `${rule.help}（${rule.ruleId}）`,
        detail: detailText(page, rule, node),
        clauses,
        evidence: {
          pageUrl: page.url,
          selector: node.selector,
          html: node.html,
          ...(node.screenshot
            ? { screenshot: screenshotFolder ? `${screenshotFolder}/${node.screenshot}` : node.screenshot }
            : {}),
        },
        ruleId: rule.ruleId,
        matchKey: webMatchKey(portalId, rule.ruleId, page.url, nodeFingerprint(node)),
      })
    }
  }
  return rows
}

/** Inserts a page's findings (call inside the transaction that records the page's result). */
export function insertWebFindings(
  db: Db,
  portal: PortalRef,
  runId: number,
  rows: readonly WebFindingRow[],
  now: Date,
): number {
  const insert = db.prepare(
    `INSERT INTO findings (source, severity, needs_review, title, detail, clauses_json, evidence_json, unit_id,
       check_id, match_key, created_at, portal_id, audit_run_id)
     VALUES ('web', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const row of rows) {
    insert.run(
      row.severity,
      row.needsReview ? 1 : 0,
      row.title,
      row.detail,
      JSON.stringify(row.clauses),
      JSON.stringify(row.evidence),
      portal.unitId,
      row.ruleId,
      row.matchKey,
      now.toISOString(),
      portal.id,
      runId,
    )
  }
  return rows.length
}
