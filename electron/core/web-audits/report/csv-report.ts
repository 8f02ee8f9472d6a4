import type { PageResult } from '../../../../shared/web/audit-result'
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

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or leading/trailing space. Text a
 * spreadsheet would run as a formula (starting with = + - @ or a tab/CR) gets a leading apostrophe: page titles
 * and snippets are untrusted.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(csvField).join(',')}\r\n`
}

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
