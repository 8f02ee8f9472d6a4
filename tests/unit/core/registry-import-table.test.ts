import { describe, expect, it } from 'vitest'
import { decodeTextFile, readCsvText, readTable } from '../../../electron/core/registry/import-table'
import { gbkBytes, xlsxBytes } from '../../support/import-files'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('registry import: reading the file', () => {
  it('decodes UTF-8, UTF-8 with BOM, UTF-16LE (Excel “Unicode 文本”) and GBK', () => {
    const text = '名称,地址\n乌达区图书馆,文化路'
    expect(decodeTextFile(utf8(text))).toBe(text)
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]))).toBe(text)
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(
      text,
    )
    const gbk = gbkBytes(text)
    expect(gbk.length).toBeLessThan(utf8(text).length) // two bytes a character: really GBK, not UTF-8
    expect(decodeTextFile(gbk)).toBe(text)
  })

  it('splits CSV records with quotes, a quoted line break, a tab separator and spreadsheet row numbers (a record is one row)', () => {
    const rows = readCsvText('名称,地址\n"甲, 乙",人民路\n\n丙,"滨河路\n8 号"\n丁,"未闭合\n')
    expect(rows).toEqual([
      { row: 1, cells: ['名称', '地址'] },
      { row: 2, cells: ['甲, 乙', '人民路'] },
      { row: 4, cells: ['丙', '滨河路\n8 号'] },
      { row: 5, cells: [], error: '引号未闭合' },
    ])
    expect(readCsvText('名称\t网址\n甲\thttps://a.gov.cn/?x=1,2\n')).toEqual([
      { row: 1, cells: ['名称', '网址'] },
      { row: 2, cells: ['甲', 'https://a.gov.cn/?x=1,2'] },
    ])
  })

  it('reads the first worksheet with data of an .xlsx, numbers and formulas as shown, blank rows left out', async () => {
    const bytes = await xlsxBytes([
      ['名称', '经度', '纬度'],
      [],
      ['甲', 106.72, { formula: '39+0.5', result: 39.5 }],
    ])
    expect(await readTable(bytes, 'x.xlsx')).toEqual([
      { row: 1, cells: ['名称', '经度', '纬度'] },
      { row: 3, cells: ['甲', '106.72', '39.5'] },
    ])
  })

  it('refuses what is not a list, whole, in zh-CN', async () => {
    await expect(readTable(new Uint8Array(), 'a.csv')).rejects.toThrow('文件为空')
    await expect(readTable(utf8('a\u0000b'), 'a.csv')).rejects.toThrow('请选择 .xlsx 或 .csv 文件')
    const many = `名称\n${'甲\n'.repeat(5001)}`
    await expect(readTable(utf8(many), 'a.csv')).rejects.toThrow('超过一次导入的上限 5000 行')
  })
})
