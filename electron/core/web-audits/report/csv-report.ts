import type { PageResult } from '../../../../shared/web/audit-result'
import { csvField, csvRow } from '../../../../shared/web/csv-field'
import type { ReportSource } from './report-types'

/**
 * CSV report: one row per failing or needs-review node; a page that could not be audited gets one row with its
 * failure reason, so it is not silently missing. UTF-8 with a BOM (Excel and WPS then read the Chinese text).
 */

export const csvColumns = [
  'portal',
  'page_url',
  'final_url',
  'http_status',
  'page_ok',
  'failure_reason',
  'failure_message',
  'page_title',
  'rule_id',
  'source',
  'impact',
  'needs_review',
  'wcag',
  'gbt37668',
  'ageing',
  'level',
  'help',
  'selector',
  'html',
  'screenshot',
] as const

/** The escaping is shared (formula and separator protection): shared/web/csv-field.ts. */
export { csvField, csvRow }

function pageRows(portal: string, page: PageResult): string[] {
  const pageCols = [
    portal,
    page.url,
    page.finalUrl,
    page.status,
    page.ok,
    page.failureReason,
    page.failureMessage,
    page.title,
  ]
  if (!page.ok) return [csvRow([...pageCols, ...Array(csvColumns.length - pageCols.length).fill('')])]
  const rows: string[] = []
  for (const rule of page.results) {
    const ruleCols = [
      rule.ruleId,
      rule.source,
      rule.impact,
      rule.needsReview,
      rule.refs.wcag.join(' '),
      rule.refs.gbt37668.join(' '),
      rule.refs.ageing.join(' '),
      rule.level,
      rule.help,
    ]
    for (const node of rule.nodes)
      rows.push(csvRow([...pageCols, ...ruleCols, node.selector, node.html, node.screenshot]))
  }
  return rows
}

export function* csvReportChunks(source: ReportSource): Generator<string> {
  yield `\uFEFF${csvRow(csvColumns)}`
  for (const portal of source.portals) {
    const label = portal.name ?? portal.startUrl
    for (const page of portal.pages()) yield pageRows(label, page).join('')
  }
}
