import ExcelJS from 'exceljs'
import { ApiError } from '../../../shared/api/errors'
import { maxImportRows } from '../../../shared/domain/registry-import'
import { detectDelimiter, splitCsvLine } from '../../../shared/web/csv-line'

/**
 * Reads the file a unit sent — .xlsx (first worksheet with data) or CSV / tab-separated text in UTF-8, UTF-8 with
 * BOM, UTF-16 (Excel's “Unicode 文本”) or GBK/GB18030 (what Excel on a Chinese Windows saves as “CSV”) — into rows
 * of trimmed cell texts, each with the row number the spreadsheet shows. A file that cannot be read is refused
 * whole with a zh-CN message (ApiError VALIDATION); nothing here knows about places or portals.
 */

export interface TableRow {
  /** 1-based, as the spreadsheet numbers it (blank rows count). */
  row: number
  cells: string[]
  /** A CSV record that cannot be split (an unclosed quote…): zh-CN, reported on its row. */
  error?: string
}

function refuse(message: string): never {
  throw new ApiError('VALIDATION', message, [{ path: 'dataBase64', message }])
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

/**
 * Text bytes: a BOM decides; else UTF-8 when the bytes are valid UTF-8, else GB18030 (the superset of GBK and
 * GB2312 that Excel on a zh-CN Windows writes, as browsers decode those labels).
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/**
 * CSV records (RFC 4180): a quoted cell may hold line breaks (an address over two lines), so physical lines are
 * joined while a quote is open; each record is then split by the one CSV line splitter (shared/web/csv-line.ts).
 */
export function readCsvText(text: string): TableRow[] {
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(text)) refuse('文件不是文本或 Excel 表格，请选择 .xlsx 或 .csv 文件')
  const lines = text.split(/\r\n|\n|\r/)
  const rows: TableRow[] = []
  let delimiter: ',' | '\t' | null = null
  let row = 0
  for (let i = 0; i < lines.length; i++) {
    row++
    const start = row
    let record = lines[i]!
    while (quoteOpen(record) && i + 1 < lines.length) {
      i++
      record += `\n${lines[i]!}`
    }
    if (record.trim() === '') continue
    delimiter ??= detectDelimiter(record)
    const split = splitCsvLine(record, delimiter)
    if (!split.ok) {
      rows.push({ row: start, cells: [], error: split.message })
      continue
    }
    rows.push({ row: start, cells: split.fields })
  }
  return rows
}

function quoteOpen(text: string): boolean {
  let count = 0
  for (const ch of text) if (ch === '"') count++
  return count % 2 === 1
}

/** The first worksheet that has data; each cell as Excel shows it (a hyperlink's text, a formula's result). */
export async function readXlsx(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch {
    refuse('无法读取该 Excel 文件（文件已损坏或不是 .xlsx 格式），请在 Excel 中另存为 .xlsx 或 CSV 后再导入')
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0)
  if (!sheet) return []
  const rows: TableRow[] = []
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    const cells: string[] = []
    for (let c = 1; c <= excelRow.cellCount; c++) cells.push(cellText(excelRow.getCell(c)))
    rows.push({ row: rowNumber, cells })
  })
  return rows
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  const text = cell.text ?? ''
  // A hyperlink cell whose shown text is not the address (“门户网站”): the address is what a list of portals means.
  if (typeof value === 'object' && 'hyperlink' in value && typeof value.hyperlink === 'string') {
    return /^(https?:\/\/|www\.)/i.test(text.trim()) || !/^https?:\/\//i.test(value.hyperlink)
      ? text.trim()
      : value.hyperlink.trim()
  }
  return text.trim()
}

/** Decides the format by the bytes (not the name alone) and reads the rows, blank rows left out. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<TableRow[]> {
  if (bytes.length === 0) refuse('文件为空')
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
  let rows: TableRow[]
  if (isZip(bytes)) rows = await readXlsx(bytes)
  else if (isOle(bytes) || ext === 'xls' || ext === 'et')
    refuse('不支持旧版 Excel（.xls）或 WPS（.et）文件，请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后再导入')
  else if (ext === 'xlsx') refuse('该文件不是有效的 .xlsx 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入')
  else rows = readCsvText(decodeTextFile(bytes))
  const data = rows.filter((r) => r.cells.some((c) => c !== '') || r.error !== undefined)
  if (data.length > maxImportRows + 1)
    refuse(`文件有 ${data.length - 1} 行数据，超过一次导入的上限 ${maxImportRows} 行，请分成几个文件导入`)
  return data
}
