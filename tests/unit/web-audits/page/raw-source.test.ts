import { describe, expect, it } from 'vitest'
import { decodeHtml, sniffCharset } from '../../../../electron/core/web-audits/page/raw-source'

const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')]
// "中文" in GBK is D6 D0 CE C4.
const gbkBody = Uint8Array.from([
  ...ascii('<meta charset="gb2312"><p>'),
  0xd6,
  0xd0,
  0xce,
  0xc4,
  ...ascii('</p>'),
])

describe('raw source decoding', () => {
  it('finds the charset in the header, a BOM or a meta tag', () => {
    expect(sniffCharset(gbkBody, 'text/html; charset=GBK')).toBe('gbk')
    expect(sniffCharset(gbkBody, 'text/html')).toBe('gb2312')
    expect(sniffCharset(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c]), 'text/html; charset=gbk')).toBe('utf-8')
    expect(sniffCharset(Uint8Array.from(ascii('<p>x</p>')), '')).toBe('utf-8')
  })

  it('decodes GBK / GB2312 pages (still common on government sites)', () => {
    expect(decodeHtml(gbkBody, 'text/html')).toBe('<meta charset="gb2312"><p>中文</p>')
    expect(decodeHtml(gbkBody, 'text/html; charset=gbk')).toContain('中文')
  })

  it('falls back to UTF-8 for unknown labels', () => {
    const utf8 = new TextEncoder().encode('<p>无障碍</p>')
    expect(decodeHtml(utf8, 'text/html; charset=x-no-such-charset')).toBe('<p>无障碍</p>')
  })
})
