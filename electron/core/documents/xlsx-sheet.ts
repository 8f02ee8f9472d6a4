import ExcelJS from 'exceljs'
import { printableText } from './html-escape'

/**
 * The one sheet of a notice's Excel file (each snapshot version): A4 landscape fitted to the width, a bold title
 * row over all columns, a bold shaded header row, both frozen, a filter on the header. Every value is written as a
 * text cell (never a formula: a title like "=HYPERLINK(…)" from an audited page stays the literal text), with
 * characters XML cannot carry removed and Excel's per-cell limit respected.
 */

/** Excel refuses longer cell text. */
const maxCellChars = 32_767

export function excelText(value: string | number | null | undefined): string {
  const text = printableText(value)
  return text.length > maxCellChars ? `${text.slice(0, maxCellChars - 1)}…` : text
}

/**
 * The header row of a plain table sheet (row 1: the column headers): bold on a light shade, frozen, optionally with
 * a filter. One look for every workbook the app writes besides the notice (summary report, by-clause results).
 */
export function styleHeaderRow(sheet: ExcelJS.Worksheet, options: { filter?: boolean } = {}): void {
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  if (options.filter && sheet.columnCount > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } }
}

export function noticeSheet(options: {
  creator: string
  issuedOn: string
  sheetName: string
  columns: ReadonlyArray<{ header: string; width: number }>
  title: string
  /** Wrap the header cells (long headers). */
  wrapHeader?: boolean
}): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = excelText(options.creator)
  workbook.created = new Date(`${options.issuedOn}T00:00:00Z`)
  const sheet = workbook.addWorksheet(options.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 }],
  })
  sheet.columns = options.columns.map((c) => ({ width: c.width }))

  const title = sheet.getRow(1)
  title.getCell(1).value = excelText(options.title)
  title.font = { bold: true, size: 13 }
  sheet.mergeCells(1, 1, 1, options.columns.length)

  const header = sheet.getRow(2)
  options.columns.forEach((c, i) => (header.getCell(i + 1).value = c.header))
  header.font = { bold: true }
  header.alignment = {
    vertical: 'middle',
    horizontal: 'center',
    ...(options.wrapHeader ? { wrapText: true } : {}),
  }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
    cell.border = { bottom: { style: 'thin' } }
  })
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: options.columns.length } }
  return { workbook, sheet }
}
