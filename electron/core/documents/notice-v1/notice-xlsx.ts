import ExcelJS from 'exceljs'
import { severityLabels } from '../../../../shared/catalog'
import {
  formatChineseDate,
  formatClause,
  type NoticeDocumentV1,
} from '../../../../shared/domain/notice-document'
import { printableText } from '../html-escape'
import { itemWhere } from './notice-where'

/**
 * The notice's items as an Excel sheet (整改项), for units that track the fixes in a spreadsheet. Every value is
 * written as a text cell (never a formula: a title like "=HYPERLINK(…)" from an audited page stays the literal
 * text), with characters XML cannot carry removed and Excel's per-cell limit respected.
 */

export const noticeSheetName = '整改项'

export const noticeSheetColumns = [
  { header: '序号', width: 6 },
  { header: '场所/网站', width: 22 },
  { header: '位置/页面', width: 28 },
  { header: '问题', width: 44 },
  { header: '依据条款', width: 30 },
  { header: '整改要求', width: 44 },
  { header: '严重程度', width: 10 },
  { header: '整改期限', width: 16 },
] as const

/** Excel refuses longer cell text. */
const maxCellChars = 32_767

function cellText(value: string): string {
  const text = printableText(value)
  return text.length > maxCellChars ? `${text.slice(0, maxCellChars - 1)}…` : text
}

function problemText(item: NoticeDocumentV1['items'][number]): string {
  const parts = [`${item.title}：${item.found}`]
  for (const el of item.elements) {
    const where = [el.label, el.pageUrl, el.selector].filter(Boolean).join(' ')
    if (where || el.html) parts.push([where, el.html].filter(Boolean).join('\n'))
  }
  if (item.elementCount > item.elements.length) parts.push(`共 ${item.elementCount} 处`)
  return parts.join('\n')
}

export async function renderNoticeXlsx(doc: NoticeDocumentV1): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = cellText(doc.issuer)
  workbook.created = new Date(`${doc.issuedOn}T00:00:00Z`)
  const sheet = workbook.addWorksheet(noticeSheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 }],
  })
  sheet.columns = noticeSheetColumns.map((c) => ({ width: c.width }))

  const title = sheet.getRow(1)
  title.getCell(1).value = cellText(
    `${doc.number ?? '（预览，未编号）'}\u3000${doc.unitName}\u3000整改通知书整改项（${formatChineseDate(doc.issuedOn)}）`,
  )
  title.font = { bold: true, size: 13 }
  sheet.mergeCells(1, 1, 1, noticeSheetColumns.length)

  const header = sheet.getRow(2)
  noticeSheetColumns.forEach((c, i) => (header.getCell(i + 1).value = c.header))
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center' }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
    cell.border = { bottom: { style: 'thin' } }
  })

  const deadline = formatChineseDate(doc.deadline)
  for (const item of doc.items) {
    const { subject, position } = itemWhere(item)
    const values = [
      item.index,
      cellText(subject),
      cellText(position),
      cellText(problemText(item)),
      cellText(item.clauses.map((c) => formatClause(c)).join('\n')),
      cellText(item.remedy),
      item.severity ? severityLabels[item.severity] : '',
      deadline,
    ]
    const row = sheet.addRow(values)
    row.alignment = { vertical: 'top', wrapText: true }
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: noticeSheetColumns.length } }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
