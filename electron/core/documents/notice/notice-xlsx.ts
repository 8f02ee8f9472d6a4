import { formatChineseDate, type NoticeDocumentV2 } from '../../../../shared/domain/notice-document'
import { excelText, noticeSheet } from '../xlsx-sheet'
import { cellText, listColumns, listRow } from './list-table'

/**
 * 附件1 问题清单 as an Excel sheet, for units that track the fixes in a spreadsheet: the same columns and cells as
 * the printed list, plus two empty columns for the unit's own notes (整改情况, 完成日期); the sheet is xlsx-sheet.ts's.
 */

export const noticeSheetName = '问题清单'

export const noticeSheetColumns = [
  ...listColumns.map((c) => ({ header: c.header, width: c.excelWidth })),
  { header: '整改情况（由整改单位填写）', width: 30 },
  { header: '完成日期', width: 14 },
] as const

export async function renderNoticeXlsx(doc: NoticeDocumentV2): Promise<Uint8Array> {
  const { workbook, sheet } = noticeSheet({
    creator: doc.issuer,
    issuedOn: doc.issuedOn,
    sheetName: noticeSheetName,
    columns: noticeSheetColumns,
    wrapHeader: true,
    title: [
      `附件1\u3000${doc.attachments[0] ?? ''}`,
      doc.number ?? '（预览，未编号）',
      doc.unitName,
      `整改期限：${formatChineseDate(doc.deadline)}`,
    ].join('\u3000'),
  })
  for (const item of doc.items) {
    const row = sheet.addRow([...listRow(item, doc.photos).map((cell) => excelText(cellText(cell))), '', ''])
    row.alignment = { vertical: 'top', wrapText: true }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
