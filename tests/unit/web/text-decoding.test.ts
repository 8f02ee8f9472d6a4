import { describe, expect, it } from 'vitest'
import { encodeQueryForCharset } from '../../../electron/core/web-audits/crawl/query-encoding'
import { decodeText, isGbCharset, sniffCharset } from '../../../shared/web/text-decoding'

const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')]
// "无障碍" in GBK is CE DE D5 CF B0 AD.
const gbk = [0xce, 0xde, 0xd5, 0xcf, 0xb0, 0xad]

describe('text decoding (GBK / GB2312 / GB18030 pages and sitemaps)', () => {
  it('reads the charset from the BOM, the HTTP header, a meta tag or an XML declaration', () => {
    const xml = Uint8Array.from([...ascii('<?xml version="1.0" encoding="GBK"?><urlset>'), ...gbk])
    expect(sniffCharset(xml, 'application/xml')).toBe('gbk')
    expect(sniffCharset(xml, 'application/xml; charset=utf-8')).toBe('utf-8')
    const meta = Uint8Array.from([
      ...ascii('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    ])
    expect(sniffCharset(meta, 'text/html')).toBe('gb2312')
  })

  it('decodes the GB family as GB18030 (its superset), and unknown labels as UTF-8', () => {
    const page = Uint8Array.from([...ascii('<meta charset="gb2312"><p>'), ...gbk, ...ascii('</p>')])
    expect(decodeText(page, 'text/html')).toBe('<meta charset="gb2312"><p>无障碍</p>')
    const xml = Uint8Array.from([...ascii('<?xml version="1.0" encoding="GB18030"?><loc>'), ...gbk])
    expect(decodeText(xml, '')).toContain('<loc>无障碍')
    expect(decodeText(new TextEncoder().encode('无障碍'), 'text/html; charset=nonsense')).toBe('无障碍')
    expect(['gb2312', 'GBK', 'gb18030', 'x-gbk', 'chinese'].every(isGbCharset)).toBe(true)
    expect(isGbCharset('utf-8')).toBe(false)
  })

  it("escapes a link's query in the page's GB encoding, as browsers do (the path stays UTF-8)", () => {
    expect(encodeQueryForCharset('/search.html?kw=无障碍&lx=全部', 'gbk')).toBe(
      '/search.html?kw=%CE%DE%D5%CF%B0%AD&lx=%C8%AB%B2%BF',
    )
    expect(encodeQueryForCharset('/无障碍/?kw=无障碍#无', 'gb2312')).toBe('/无障碍/?kw=%CE%DE%D5%CF%B0%AD#无')
    expect(encodeQueryForCharset('/search?kw=无障碍', 'utf-8')).toBe('/search?kw=无障碍')
    expect(encodeQueryForCharset('/search?kw=abc', 'gbk')).toBe('/search?kw=abc')
  })
})
