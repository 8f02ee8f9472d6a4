import { severityLabels } from '../../../../shared/catalog'
import {
  formatChineseDate,
  formatClause,
  type NoticeDocumentV1,
} from '../../../../shared/domain/notice-document'
import { excelText as cellText, noticeSheet } from '../xlsx-sheet'
import { itemWhere } from './notice-where'

/**
 * A version 1 notice's items as an Excel sheet (整改项), for units that track the fixes in a spreadsheet; the
 * sheet is xlsx-sheet.ts's.
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
  const { workbook, sheet } = noticeSheet({
    creator: doc.issuer,
    issuedOn: doc.issuedOn,
    sheetName: noticeSheetName,
    columns: noticeSheetColumns,
    title: `${doc.number ?? '（预览，未编号）'}\u3000${doc.unitName}\u3000整改通知书整改项（${formatChineseDate(doc.issuedOn)}）`,
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
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
