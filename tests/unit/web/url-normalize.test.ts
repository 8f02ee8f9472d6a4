import { describe, expect, it } from 'vitest'
import {
  globToRegExp,
  isSameOrigin,
  matchesPatterns,
  normalizeUrl,
  normalizeUrlOrNull,
  trackingParams,
} from '../../../shared/web/url-normalize'

const norm = (url: string, base?: string): string | null => normalizeUrlOrNull(url, base)

describe('normalizeUrl', () => {
  it('lower-cases scheme and host, drops default port and fragment', () => {
    expect(norm('HTTP://WWW.Example.GOV.cn:80/News/Index.html#top')).toBe(
      'http://www.example.gov.cn/News/Index.html',
    )
    expect(norm('https://example.gov.cn:443')).toBe('https://example.gov.cn/')
    expect(norm('https://example.gov.cn:8443/a')).toBe('https://example.gov.cn:8443/a')
    expect(norm('http://example.gov.cn:443/')).toBe('http://example.gov.cn:443/')
  })

  it('treats /a/ and /a as one, keeps the root as /', () => {
    expect(norm('http://example.gov.cn/zwgk/')).toBe(norm('http://example.gov.cn/zwgk'))
    expect(norm('http://example.gov.cn/zwgk/')).toBe('http://example.gov.cn/zwgk')
    expect(norm('http://example.gov.cn/')).toBe('http://example.gov.cn/')
    expect(norm('http://example.gov.cn')).toBe('http://example.gov.cn/')
    expect(norm('http://example.gov.cn/a/?x=1')).toBe('http://example.gov.cn/a?x=1')
  })

  it('removes tracking and session parameters, case-insensitively', () => {
    const url =
      'http://example.gov.cn/art?spm=a1.b2&from=singlemessage&isappinstalled=0&id=3&gclid=x&fbclid=y&UTM_Campaign=z&utm_source=wx&bd_vid=9'
    expect(norm(url)).toBe('http://example.gov.cn/art?id=3')
    expect(norm('http://example.gov.cn/index.jsp;jsessionid=ABC123?id=5&JSESSIONID=1')).toBe(
      'http://example.gov.cn/index.jsp?id=5',
    )
    expect(norm('http://example.gov.cn/?utm_medium=x')).toBe('http://example.gov.cn/')
    expect(trackingParams).toContain('from')
  })

  it('can keep or add parameters through options', () => {
    expect(
      normalizeUrl('http://e.gov.cn/s?from=2024-01-01&to=2024-02-01', undefined, { keepParams: ['from'] }),
    ).toEqual({
      ok: true,
      url: 'http://e.gov.cn/s?from=2024-01-01&to=2024-02-01',
    })
    expect(normalizeUrl('http://e.gov.cn/s?t=1700000000&id=1', undefined, { removeParams: ['T'] })).toEqual({
      ok: true,
      url: 'http://e.gov.cn/s?id=1',
    })
  })

  it('sorts query parameters by name, keeping the order of repeated names and the raw encoding', () => {
    expect(norm('http://e.gov.cn/a?b=2&a=2&a=1&c')).toBe('http://e.gov.cn/a?a=2&a=1&b=2&c')
    expect(norm('http://e.gov.cn/a?b=1&a=1')).toBe(norm('http://e.gov.cn/a?a=1&b=1'))
    expect(norm('http://e.gov.cn/a?q=%e4%b8%ad&&')).toBe('http://e.gov.cn/a?q=%E4%B8%AD')
    expect(norm('http://e.gov.cn/a?q=a+b')).toBe('http://e.gov.cn/a?q=a+b')
  })

  it('resolves relative URLs against a base', () => {
    expect(norm('../c/d.html?x=1#frag', 'https://example.gov.cn/a/b/index.html')).toBe(
      'https://example.gov.cn/a/c/d.html?x=1',
    )
    expect(norm('/zwgk/', 'https://example.gov.cn/a/b')).toBe('https://example.gov.cn/zwgk')
    expect(norm('//cdn.example.gov.cn/x.js', 'https://example.gov.cn/')).toBe(
      'https://cdn.example.gov.cn/x.js',
    )
    expect(norm('?page=2', 'https://example.gov.cn/list.html?page=1')).toBe(
      'https://example.gov.cn/list.html?page=2',
    )
  })

  it('encodes Chinese hosts (punycode), paths and queries consistently', () => {
    expect(norm('http://政府.中国/首页')).toBe('http://xn--mxtq1m.xn--fiqs8s/%E9%A6%96%E9%A1%B5')
    expect(norm('http://example.gov.cn/搜索?关键词=无障碍')).toBe(
      norm(
        'http://example.gov.cn/%E6%90%9C%E7%B4%A2?%E5%85%B3%E9%94%AE%E8%AF%8D=%E6%97%A0%E9%9A%9C%E7%A2%8D',
      ),
    )
  })

  it('refuses non-http(s) schemes with a typed error', () => {
    for (const [input, scheme] of [
      ['javascript:void(0)', 'javascript'],
      ['mailto:service@example.gov.cn', 'mailto'],
      ['ftp://files.example.gov.cn/a.doc', 'ftp'],
      ['file:///C:/a.html', 'file'],
      ['tel:12345', 'tel'],
    ] as const) {
      const r = normalizeUrl(input)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error).toMatchObject({ code: 'UNSUPPORTED_SCHEME', scheme, input })
        expect(r.error.message).toContain(`${scheme}:`)
      }
    }
  })

  it('reports empty and invalid input', () => {
    expect(normalizeUrl('  ')).toMatchObject({ ok: false, error: { code: 'EMPTY' } })
    expect(normalizeUrl('http://')).toMatchObject({ ok: false, error: { code: 'INVALID_URL' } })
    expect(normalizeUrl('www.example.gov.cn/x')).toMatchObject({ ok: false, error: { code: 'INVALID_URL' } })
    expect(normalizeUrl('not a url')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_URL', message: '网址格式不正确' },
    })
  })

  it('adds a scheme to host-like input only when asked', () => {
    const opts = { assumeScheme: 'http' } as const
    expect(normalizeUrl('www.example.gov.cn/x/', undefined, opts)).toEqual({
      ok: true,
      url: 'http://www.example.gov.cn/x',
    })
    expect(normalizeUrl('www.example.gov.cn:8080', undefined, opts)).toEqual({
      ok: true,
      url: 'http://www.example.gov.cn:8080/',
    })
    expect(normalizeUrl('10.1.2.3/portal', undefined, opts)).toEqual({
      ok: true,
      url: 'http://10.1.2.3/portal',
    })
    expect(normalizeUrl('index.html', undefined, opts).ok).toBe(false)
  })

  it('drops a trailing dot on the host', () => {
    expect(norm('http://example.gov.cn./a')).toBe('http://example.gov.cn/a')
  })
})

describe('isSameOrigin', () => {
  it('compares scheme, host and port after normalisation', () => {
    expect(isSameOrigin('http://A.gov.cn:80/x', 'http://a.gov.cn/y?z=1')).toBe(true)
    expect(isSameOrigin('http://a.gov.cn/', 'https://a.gov.cn/')).toBe(false)
    expect(isSameOrigin('http://a.gov.cn/', 'http://a.gov.cn:8080/')).toBe(false)
    expect(isSameOrigin('http://a.gov.cn/', 'http://b.a.gov.cn/')).toBe(false)
    expect(isSameOrigin('javascript:alert(1)', 'http://a.gov.cn/')).toBe(false)
  })

  it('can ignore www and the scheme', () => {
    expect(isSameOrigin('http://www.a.gov.cn/', 'http://a.gov.cn/', { ignoreWww: true })).toBe(true)
    expect(isSameOrigin('http://a.gov.cn/', 'https://a.gov.cn/', { ignoreScheme: true })).toBe(true)
    expect(isSameOrigin('http://a.gov.cn:8080/', 'https://a.gov.cn/', { ignoreScheme: true })).toBe(false)
  })
})

describe('matchesPatterns', () => {
  const u = 'https://www.example.gov.cn/zwgk/2024/tzgg.html?id=7'

  it('includes everything when the include list is empty, and exclude wins', () => {
    expect(matchesPatterns(u, [])).toBe(true)
    expect(matchesPatterns(u, [], ['/zwgk/**'])).toBe(false)
    expect(matchesPatterns(u, ['/zwgk/**'], ['/zwgk/2024/*'])).toBe(false)
  })

  it('matches path patterns with * (one segment) and ** (any depth)', () => {
    expect(matchesPatterns(u, ['/zwgk/**'])).toBe(true)
    expect(matchesPatterns(u, ['/zwgk/*'])).toBe(false)
    expect(matchesPatterns(u, ['/zwgk/*/*.html'])).toBe(true)
    expect(matchesPatterns('https://www.example.gov.cn/zwgk', ['/zwgk/**'])).toBe(true)
    expect(matchesPatterns('https://www.example.gov.cn/zwgkx', ['/zwgk/**'])).toBe(false)
    expect(matchesPatterns('https://www.example.gov.cn/a/b/file.PDF', [], ['/**.pdf'])).toBe(false)
  })

  it('matches host patterns and full-URL patterns', () => {
    expect(matchesPatterns(u, ['*.example.gov.cn/**'])).toBe(true)
    expect(matchesPatterns('https://example.gov.cn/x', ['*.example.gov.cn/**'])).toBe(false)
    expect(matchesPatterns(u, ['https://www.example.gov.cn/**'])).toBe(true)
    expect(matchesPatterns(u, ['http://www.example.gov.cn/**'])).toBe(false)
  })

  it('takes the query into account only when the pattern has ?', () => {
    expect(matchesPatterns(u, ['/zwgk/2024/tzgg.html'])).toBe(true)
    expect(matchesPatterns(u, ['/zwgk/2024/tzgg.html?id=7'])).toBe(true)
    expect(matchesPatterns(u, ['/zwgk/2024/tzgg.html?id=8'])).toBe(false)
    expect(matchesPatterns('https://e.gov.cn/search?q=1', [], ['/search?*'])).toBe(false)
  })

  it('never matches refused URLs and treats regex characters literally', () => {
    expect(matchesPatterns('mailto:a@b.cn', [])).toBe(false)
    expect(globToRegExp('/a.(b)+').test('/a.(b)+')).toBe(true)
    expect(globToRegExp('/a.html').test('/aXhtml')).toBe(false)
  })
})
