import { describe, expect, it } from 'vitest'
import { splitCsvLine } from '../../../shared/web/csv-line'
import { parseUrlList } from '../../../shared/web/url-normalize'

describe('parseUrlList', () => {
  it('reads plain URL lines, skipping blank lines and # comments, with line numbers', () => {
    const text = [
      '# 第一批门户',
      '',
      'http://www.example.gov.cn/',
      '  https://zwfw.example.gov.cn/index  ',
      '   # 注释',
      'www.third.gov.cn',
    ].join('\n')
    const r = parseUrlList(text)
    expect(r.errors).toEqual([])
    expect(r.entries).toEqual([
      { line: 3, url: 'http://www.example.gov.cn/' },
      { line: 4, url: 'https://zwfw.example.gov.cn/index' },
      { line: 6, url: 'http://www.third.gov.cn/' },
    ])
  })

  it('reads name,url[,unit] with Chinese names, BOM and CRLF', () => {
    const text =
      '\uFEFF乌达区人民政府,http://www.wuda.gov.cn/,区政府办公室\r\n区残联,https://cl.wuda.gov.cn\r\n\r\n'
    const r = parseUrlList(text)
    expect(r.errors).toEqual([])
    expect(r.entries).toEqual([
      { line: 1, name: '乌达区人民政府', url: 'http://www.wuda.gov.cn/', unit: '区政府办公室' },
      { line: 2, name: '区残联', url: 'https://cl.wuda.gov.cn/' },
    ])
  })

  it('accepts a header row (Chinese or English) with columns in any order and ignores unknown columns', () => {
    const zh = parseUrlList(
      '序号,网址,网站名称,责任单位\n1,http://a.gov.cn,甲网站,甲局\n2,http://b.gov.cn,乙网站,',
    )
    expect(zh.errors).toEqual([])
    expect(zh.entries).toEqual([
      { line: 2, name: '甲网站', url: 'http://a.gov.cn/', unit: '甲局' },
      { line: 3, name: '乙网站', url: 'http://b.gov.cn/' },
    ])
    const en = parseUrlList('url,name\r\nhttps://c.gov.cn/x/,C site')
    expect(en.entries).toEqual([{ line: 2, name: 'C site', url: 'https://c.gov.cn/x' }])
  })

  it('handles CSV quoting: commas and doubled quotes inside quoted fields', () => {
    const text =
      '"乌达区人民政府, 门户",http://www.wuda.gov.cn,"区政府办公室（""信息中心""）"\n"区卫健委","http://wjw.wuda.gov.cn"'
    const r = parseUrlList(text)
    expect(r.errors).toEqual([])
    expect(r.entries).toEqual([
      {
        line: 1,
        name: '乌达区人民政府, 门户',
        url: 'http://www.wuda.gov.cn/',
        unit: '区政府办公室（"信息中心"）',
      },
      { line: 2, name: '区卫健委', url: 'http://wjw.wuda.gov.cn/' },
    ])
  })

  it('reads tab-separated lines pasted from a spreadsheet and ignores trailing empty columns', () => {
    const r = parseUrlList(
      '区教育局\thttp://jyj.wuda.gov.cn\t区教育局办公室\n区民政局,http://mzj.wuda.gov.cn,,,',
    )
    expect(r.errors).toEqual([])
    expect(r.entries.map((e) => [e.line, e.name, e.url, e.unit])).toEqual([
      [1, '区教育局', 'http://jyj.wuda.gov.cn/', '区教育局办公室'],
      [2, '区民政局', 'http://mzj.wuda.gov.cn/', undefined],
    ])
  })

  it('reports malformed lines by line number with a zh-CN message and skips them', () => {
    const text = [
      'http://ok.gov.cn', // 1
      '只有名称', // 2
      'a,b,c,d', // 3
      '"未闭合引号,http://x.gov.cn', // 4
      '名称,', // 5
      '甲网站，http://y.gov.cn', // 6: full-width comma
      'x"y,http://z.gov.cn', // 7
      'http://ok2.gov.cn', // 8
    ].join('\n')
    const r = parseUrlList(text)
    expect(r.entries.map((e) => e.line)).toEqual([1, 8])
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7])
    const byLine = new Map(r.errors.map((e) => [e.line, e]))
    expect(byLine.get(2)).toMatchObject({
      text: '只有名称',
      message: expect.stringContaining('不是有效网址'),
    })
    expect(byLine.get(3)?.message).toContain('列数过多')
    expect(byLine.get(4)?.message).toContain('引号未闭合')
    expect(byLine.get(5)?.message).toContain('缺少网址')
    expect(byLine.get(6)?.message).toContain('英文逗号')
    expect(byLine.get(7)?.message).toContain('引号')
    for (const e of r.errors) expect(e.message).toMatch(new RegExp(`^第 ${e.line} 行：`))
  })

  it('refuses non-http(s) schemes with a message naming the scheme', () => {
    const r = parseUrlList(
      '邮箱,mailto:zwgk@example.gov.cn\nftp://files.example.gov.cn/\njavascript:alert(1)\nhttp://fine.gov.cn',
    )
    expect(r.entries).toEqual([{ line: 4, url: 'http://fine.gov.cn/' }])
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [1, expect.stringContaining('不支持 mailto: 协议')],
      [2, expect.stringContaining('不支持 ftp: 协议')],
      [3, expect.stringContaining('不支持 javascript: 协议')],
    ])
  })

  it('reports a repeated URL (after normalisation) and keeps the first', () => {
    const r = parseUrlList('甲,http://www.a.gov.cn/\n乙,HTTP://WWW.A.GOV.CN/?utm_source=wx#x')
    expect(r.entries).toHaveLength(1)
    expect(r.errors).toEqual([
      {
        line: 2,
        text: '乙,HTTP://WWW.A.GOV.CN/?utm_source=wx#x',
        message: '第 2 行：网址与第 1 行重复，已跳过',
      },
    ])
  })

  it('reports extra columns beyond a header', () => {
    const r = parseUrlList('网址,名称\nhttp://a.gov.cn,甲,多余')
    expect(r.entries).toEqual([])
    expect(r.errors[0]).toMatchObject({ line: 2, message: expect.stringContaining('多于表头') })
  })

  it('reads a line that starts with http(s):// as one URL, commas and all', () => {
    const r = parseUrlList(
      'https://www.example.gov.cn/a,b.html\nHTTP://x.gov.cn/?q=1,2\n甲,https://y.gov.cn/c,d',
    )
    expect(r.entries.map((e) => e.url)).toEqual([
      'https://www.example.gov.cn/a,b.html',
      'http://x.gov.cn/?q=1,2',
      'https://y.gov.cn/c',
    ])
    expect(r.entries[2]).toMatchObject({ name: '甲', unit: 'd' })
    // After a header whose first column is the URL, such a line is CSV again.
    const csv = parseUrlList('网址,名称\nhttps://a.gov.cn/,甲')
    expect(csv.entries).toEqual([{ line: 2, url: 'https://a.gov.cn/', name: '甲' }])
  })

  it('returns empty results for empty input', () => {
    expect(parseUrlList('')).toEqual({ entries: [], errors: [] })
    expect(parseUrlList('\uFEFF\n# only a comment\n')).toEqual({ entries: [], errors: [] })
  })
})

describe('splitCsvLine', () => {
  it('splits quoted and unquoted fields', () => {
    expect(splitCsvLine('a, "b,c" ,"d""e",')).toEqual({ ok: true, fields: ['a', 'b,c', 'd"e', ''] })
    expect(splitCsvLine('')).toEqual({ ok: true, fields: [''] })
    expect(splitCsvLine('"a" b,c')).toEqual({ ok: false, message: '引号后出现多余字符' })
  })
})
