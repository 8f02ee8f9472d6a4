import ExcelJS from 'exceljs'
import type { AuditRunDetail, ManualChecklistItem } from '../../../../shared/domain/audits'
import type { ClauseRefs } from '../../../../shared/web/clause-refs'
import { getDocumentRule } from '../../../../shared/web/doc-rules'
import { compareByClause, gbClauseLabel, gbt37668MappingOf } from '../../../../shared/web/gbt37668-mapping'
import { getCriterion } from '../../../../shared/web/wcag-criteria'
import { formatAgeingRef } from '../../../../shared/web/ageing-rules'
import { excelText, styleHeaderRow } from '../../documents/xlsx-sheet'

/**
 * A portal's results as a conformance workbook sorted by clause: automatic rules (axe and own checks), the
 * documents check and the guided manual checks in one sheet, ordered by GB/T 37668 principle, then WCAG SC, then
 * GB/T 37668 clause, as conformance reports are written. The GB/T 37668 column shows the reported clause numbers
 * and stays empty where none is known (how sure a number is lives in the mapping data, not in the report).
 * Text from the audited site goes through `excelText` (a control character, or a cell over Excel's limit, makes
 * Excel refuse the file).
 */

export interface ClauseRow {
  id: string
  refs: Pick<ClauseRefs, 'wcag' | 'gbt37668' | 'ageing'>
  source: '自动检测' | '文件检查' | '人工检查'
  title: string
  verdict: string
  level: string
  pages: number | null
  elements: number | null
  detail: string
}

const verdictOfManual: Readonly<Record<string, string>> = {
  pass: '通过',
  fail: '不通过',
  'not-applicable': '不适用',
}

/** The rows of the workbook, in clause order (exported for tests). */
export function clauseRows(run: AuditRunDetail, manual: readonly ManualChecklistItem[]): ClauseRow[] {
  const rows: ClauseRow[] = []
  for (const rule of run.rules)
    rows.push({
      id: rule.ruleId,
      refs: rule.refs,
      source: '自动检测',
      title: `${rule.description}（${rule.ruleId}）`,
      verdict: rule.needsReview ? '需复核' : '不通过',
      level: rule.level ?? '',
      pages: rule.pageCount,
      elements: rule.nodeCount,
      detail: rule.help,
    })
  const docs = new Map<string, { review: boolean; files: string[] }>()
  for (const doc of run.documents)
    for (const p of doc.problems) {
      const key = `${p.ruleId}|${p.needsReview}`
      const entry = docs.get(key) ?? { review: p.needsReview, files: [] }
      entry.files.push(doc.url)
      docs.set(key, entry)
    }
  for (const [key, entry] of docs) {
    const rule = getDocumentRule(key.split('|')[0] as string)
    if (!rule) continue
    rows.push({
      id: rule.id,
      refs: rule.refs,
      source: '文件检查',
      title: `${rule.description}（${rule.id}）`,
      verdict: entry.review ? '需复核' : '不通过',
      level: rule.refs.level ?? '',
      pages: entry.files.length,
      elements: null,
      detail: entry.files.slice(0, 20).join('\n'),
    })
  }
  for (const item of manual)
    rows.push({
      id: item.checkId,
      refs: item.refs,
      source: '人工检查',
      title: item.title,
      verdict: item.status ? (verdictOfManual[item.status] ?? item.status) : '未检查',
      level: (item.criterion && getCriterion(item.criterion)?.level) || '',
      pages: null,
      elements: null,
      detail: item.note ?? '',
    })
  return rows.sort(compareByClause)
}

export async function clauseWorkbook(
  run: AuditRunDetail,
  manual: readonly ManualChecklistItem[],
): Promise<Uint8Array> {
  const text = excelText
  const book = new ExcelJS.Workbook()
  book.creator = '无障碍督查'
  book.created = new Date(0)
  const sheet = book.addWorksheet('按条款')
  sheet.columns = [
    { header: '原则', key: 'principle', width: 10 },
    { header: 'GB/T 37668-2019 条款', key: 'gb', width: 22 },
    { header: 'WCAG 成功准则', key: 'wcag', width: 22 },
    { header: 'WCAG 等级', key: 'level', width: 10 },
    { header: '适老化', key: 'ageing', width: 30 },
    { header: '来源', key: 'source', width: 10 },
    { header: '检查项', key: 'title', width: 48 },
    { header: '结论', key: 'verdict', width: 10 },
    { header: '页面或文件数', key: 'pages', width: 12 },
    { header: '元素数', key: 'elements', width: 10 },
    { header: '说明', key: 'detail', width: 60 },
  ]
  for (const row of clauseRows(run, manual)) {
    const mapping = gbt37668MappingOf(row.refs)
    sheet.addRow({
      principle: mapping.principle ?? '',
      gb: mapping.clauses.map(gbClauseLabel).join('\n'),
      wcag: row.refs.wcag.map((id) => `${id} ${getCriterion(id)?.nameZh ?? ''}`.trim()).join('\n'),
      level: row.level,
      ageing: row.refs.ageing.map(formatAgeingRef).join('\n'),
      source: row.source,
      title: text(row.title),
      verdict: row.verdict,
      pages: row.pages ?? undefined,
      elements: row.elements ?? undefined,
      detail: text(row.detail),
    })
  }
  styleHeaderRow(sheet, { filter: true })

  const about = book.addWorksheet('检测信息')
  about.columns = [
    { header: '项目', key: 'label', width: 16 },
    { header: '内容', key: 'value', width: 60 },
  ]
  about.addRow({ label: '网站', value: text(run.portalName) })
  about.addRow({ label: '起始网址', value: text(run.startUrl) })
  about.addRow({ label: '检测编号', value: run.runId })
  about.addRow({ label: '检测完成', value: run.finishedAt ?? '' })
  about.addRow({ label: '得分', value: run.score ?? undefined })
  about.addRow({
    label: '检测页面',
    value: run.summary ? `${run.summary.pages.audited}/${run.summary.pages.total}` : '',
  })
  about.addRow({ label: '链接的文件', value: run.documents.length })
  about.getRow(1).font = { bold: true }
  return new Uint8Array(await book.xlsx.writeBuffer())
}
