import ExcelJS from 'exceljs'

/**
 * Files as units send them, for the bulk registry import tests: an .xlsx built with exceljs, CSV text as UTF-8
 * (with or without BOM) or GBK (what Excel on a zh-CN Windows saves as “CSV”).
 */

export async function xlsxBytes(rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('场所清单')
  for (const row of rows) sheet.addRow([...row])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

let gbkTable: Map<string, number[]> | null = null

/**
 * GBK bytes of CJK and ASCII text. Node decodes GB18030 but has no encoder: the table is built once by decoding
 * every two-byte GBK sequence.
 */
export function gbkBytes(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gb18030')
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const char = decoder.decode(new Uint8Array([lead, trail]))
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail])
      }
  }
  const bytes: number[] = []
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0))
    else {
      const pair = gbkTable.get(char)
      if (!pair) throw new Error(`not in GBK: ${char}`)
      bytes.push(...pair)
    }
  }
  return Buffer.from(bytes)
}

export function base64(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64')
}
