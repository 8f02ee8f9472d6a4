import ExcelJS from 'exceljs'
import { formatChineseDate, type NoticeDocumentV2 } from '../../../../shared/domain/notice-document'
import { printableText } from '../html-escape'
import { cellText, listColumns, listRow } from './list-table'

/**
 * 附件1 问题清单 as an Excel sheet, for units that track the fixes in a spreadsheet: the same columns and cells as
 * the printed list, plus two empty columns for the unit's own notes (整改情况, 完成日期). Every value is a text cell
 * (never a formula: a title like "=HYPERLINK(…)" from an audited page stays the literal text), with characters XML
 * cannot carry removed and Excel's per-cell limit respected.
 */

export const noticeSheetName = '问题清单'

export const noticeSheetColumns = [
  ...listColumns.map((c) => ({ header: c.header, width: c.excelWidth })),
  { header: '整改情况（由整改单位填写）', width: 30 },
  { header: '完成日期', width: 14 },
] as const

/** Excel refuses longer cell text. */
const maxCellChars = 32_767

function excelText(value: string): string {
  const text = printableText(value)
  return text.length > maxCellChars ? `${text.slice(0, maxCellChars - 1)}…` : text
}

export async function renderNoticeXlsx(doc: NoticeDocumentV2): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = excelText(doc.issuer)
  workbook.created = new Date(`${doc.issuedOn}T00:00:00Z`)
  const sheet = workbook.addWorksheet(noticeSheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 }],
  })
  sheet.columns = noticeSheetColumns.map((c) => ({ width: c.width }))

  const title = sheet.getRow(1)
  title.getCell(1).value = excelText(
    [
      `附件1\u3000${doc.attachments[0] ?? ''}`,
      doc.number ?? '（预览，未编号）',
      doc.unitName,
      `整改期限：${formatChineseDate(doc.deadline)}`,
    ].join('\u3000'),
  )
  title.font = { bold: true, size: 13 }
  sheet.mergeCells(1, 1, 1, noticeSheetColumns.length)

  const header = sheet.getRow(2)
  noticeSheetColumns.forEach((c, i) => (header.getCell(i + 1).value = c.header))
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
    cell.border = { bottom: { style: 'thin' } }
  })

  for (const item of doc.items) {
    const row = sheet.addRow([...listRow(item, doc.photos).map((cell) => excelText(cellText(cell))), '', ''])
    row.alignment = { vertical: 'top', wrapText: true }
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: noticeSheetColumns.length } }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
