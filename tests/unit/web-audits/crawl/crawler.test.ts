import { describe, expect, it } from 'vitest'
import { CrawlScope } from '../../../../electron/core/web-audits/crawl/crawl-scope'
import { crawlPortal } from '../../../../electron/core/web-audits/crawl/crawler'
import { HostRateLimiter } from '../../../../electron/core/web-audits/crawl/rate-limiter'
import {
  discoverSitemapPages,
  parseSitemap,
  robotsSitemaps,
} from '../../../../electron/core/web-audits/crawl/sitemap'
import { fakeSite } from '../audit-fakes'

const origin = 'http://gov.example'
const links = (...hrefs: string[]) => hrefs.map((h) => `<a href="${h}">${h}</a>`).join('')
const noWait = () => new HostRateLimiter(0)

describe('crawlPortal', () => {
  const site = () =>
    fakeSite(origin, {
      '/': links(
        '/a',
        '/b/',
        '/a#top',
        '/a?utm_source=wx',
        'http://GOV.example:80/c',
        'http://other.example/x',
      ),
      '/a': links('/a1', '/', '/b'),
      '/b': links('/b1', '/b2'),
      '/c': links('/c1'),
      '/a1': links('/deep'),
      '/b1': '',
      '/b2': '',
      '/c1': '',
    })

  it('lists same-origin pages breadth-first, each once after normalisation', async () => {
    const { fetchText } = site()
    const result = await crawlPortal(
      { startUrl: `${origin}/`, maxPages: 100, maxDepth: 2, sitemap: false },
      { fetchText, limiter: noWait() },
    )
    expect(result.pages.map((p) => [p.url.replace(origin, ''), p.depth])).toEqual([
      ['/', 0],
      ['/a', 1],
      ['/b', 1],
      ['/c', 1],
      ['/a1', 2],
      ['/b1', 2],
      ['/b2', 2],
      ['/c1', 2],
    ])
  })

  it('stops at the depth limit without fetching pages at that depth', async () => {
    const { fetchText, requests } = site()
    const result = await crawlPortal(
      { startUrl: `${origin}/`, maxPages: 100, maxDepth: 1, sitemap: false },
      { fetchText, limiter: noWait() },
    )
    expect(result.pages.map((p) => p.url)).toEqual([
      `${origin}/`,
      `${origin}/a`,
      `${origin}/b`,
      `${origin}/c`,
    ])
    expect(requests).toEqual([`${origin}/`])
  })

  it('depth 0 lists the start page only and reads no sitemap', async () => {
    const { fetchText, requests } = site()
    const result = await crawlPortal(
      { startUrl: origin, maxPages: 100, maxDepth: 0 },
      { fetchText, limiter: noWait() },
    )
    expect(result.pages).toEqual([{ url: `${origin}/`, depth: 0, source: 'start' }])
    expect(requests).toEqual([])
  })

  it('stops at the page limit', async () => {
    const { fetchText } = site()
    const result = await crawlPortal(
      { startUrl: `${origin}/`, maxPages: 3, maxDepth: 5, sitemap: false },
      { fetchText, limiter: noWait() },
    )
    expect(result.pages.map((p) => p.url)).toEqual([`${origin}/`, `${origin}/a`, `${origin}/b`])
  })

  it('applies include and exclude patterns (the start page is always kept)', async () => {
    const { fetchText } = site()
    const result = await crawlPortal(
      {
        startUrl: `${origin}/`,
        maxPages: 100,
        maxDepth: 2,
        sitemap: false,
        include: ['/b**', '/a'],
        exclude: ['/b2'],
      },
      { fetchText, limiter: noWait() },
    )
    expect(result.pages.map((p) => p.url.replace(origin, ''))).toEqual(['/', '/a', '/b', '/b1'])
  })

  it('adds sitemap pages (through a sitemap index and robots.txt) at depth 1 after the start page links', async () => {
    const { fetchText } = fakeSite(origin, {
      '/': links('/a'),
      '/a': '',
      '/robots.txt': {
        contentType: 'text/plain',
        body: 'User-agent: *\nSitemap: http://gov.example/extra.xml\n',
      },
      '/sitemap.xml': {
        contentType: 'application/xml',
        body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>http://gov.example/sm1.xml</loc></sitemap></sitemapindex>`,
      },
      '/sm1.xml': {
        contentType: 'text/xml',
        body: `<urlset><url><loc>http://gov.example/s1</loc></url><url><loc>http://gov.example/a/</loc></url>
          <url><loc>http://other.example/s</loc></url></urlset>`,
      },
      '/extra.xml': {
        contentType: 'text/xml',
        body: '<urlset><url><loc> http://gov.example/s2 </loc></url></urlset>',
      },
      '/s1': '',
      '/s2': '',
    })
    const result = await crawlPortal(
      { startUrl: `${origin}/`, maxPages: 100, maxDepth: 1 },
      { fetchText, limiter: noWait() },
    )
    expect(result.pages).toEqual([
      { url: `${origin}/`, depth: 0, source: 'start' },
      { url: `${origin}/a`, depth: 1, source: 'link' },
      { url: `${origin}/s2`, depth: 1, source: 'sitemap' },
      { url: `${origin}/s1`, depth: 1, source: 'sitemap' },
    ])
  })

  it('follows the start page redirect to another origin (http → https) and drops non-HTML responses', async () => {
    const requests: string[] = []
    const result = await crawlPortal(
      { startUrl: 'http://gov.example/', maxPages: 10, maxDepth: 2, sitemap: false },
      {
        limiter: noWait(),
        fetchText: async (url) => {
          requests.push(url)
          if (url === 'http://gov.example/')
            return {
              url: 'https://www.gov.example/',
              status: 200,
              contentType: 'text/html',
              body: links('/news', '/get?id=1'),
            }
          if (url.endsWith('/get?id=1'))
            return { url, status: 200, contentType: 'application/pdf', body: '%PDF' }
          return { url, status: 200, contentType: 'text/html', body: '' }
        },
      },
    )
    expect(result.pages.map((p) => p.url)).toEqual(['http://gov.example/', 'https://www.gov.example/news'])
    expect(result.notHtml).toEqual(['https://www.gov.example/get?id=1'])
  })

  it('keeps going when a page fails to load', async () => {
    const result = await crawlPortal(
      { startUrl: `${origin}/`, maxPages: 10, maxDepth: 2, sitemap: false },
      {
        limiter: noWait(),
        fetchText: async (url) => {
          if (url.endsWith('/broken')) throw new Error('reset')
          return {
            url,
            status: 200,
            contentType: 'text/html',
            body: url.endsWith('/') ? links('/broken', '/ok') : '',
          }
        },
      },
    )
    expect(result.pages.map((p) => p.url.replace(origin, ''))).toEqual(['/', '/broken', '/ok'])
  })
})

describe('CrawlScope', () => {
  it('keys URLs by normalizeUrl and rejects other origins, documents and bad URLs', () => {
    const scope = new CrawlScope({ startUrl: 'https://www.gov.example/' })
    expect(scope.check('/zwgk/?utm_medium=x&b=2&a=1#frag', 'https://www.gov.example/x')).toEqual({
      ok: true,
      url: 'https://www.gov.example/zwgk?a=1&b=2',
    })
    expect(scope.check('http://www.gov.example/')).toEqual({ ok: false, reason: 'other-origin' })
    expect(scope.check('/a.pdf', 'https://www.gov.example/')).toEqual({ ok: false, reason: 'not-html' })
    expect(scope.check('javascript:void(0)')).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('sitemaps', () => {
  it('parses urlset and sitemapindex, namespaced or not', () => {
    expect(
      parseSitemap('<sm:urlset xmlns:sm="x"><sm:url><sm:loc>http://a/1</sm:loc></sm:url></sm:urlset>'),
    ).toEqual({
      pages: ['http://a/1'],
      sitemaps: [],
    })
    expect(
      parseSitemap('<sitemapindex><sitemap><loc>http://a/s.xml</loc></sitemap></sitemapindex>').sitemaps,
    ).toEqual(['http://a/s.xml'])
    expect(robotsSitemaps('sitemap: http://a/x.xml\n# Sitemap: no\nSITEMAP:http://a/y.xml')).toEqual([
      'http://a/x.xml',
      'http://a/y.xml',
    ])
  })

  it('yields nothing for a missing or HTML "sitemap" and never loops on an index naming itself', async () => {
    const missing = fakeSite(origin, {})
    expect(await discoverSitemapPages(`${origin}/`, missing.fetchText)).toEqual([])
    const html = fakeSite(origin, { '/sitemap.xml': '<html><body>站点地图</body></html>' })
    expect(await discoverSitemapPages(`${origin}/`, html.fetchText)).toEqual([])
    const loop = fakeSite(origin, {
      '/sitemap.xml': {
        body: '<sitemapindex><sitemap><loc>http://gov.example/sitemap.xml</loc></sitemap></sitemapindex>',
      },
    })
    expect(await discoverSitemapPages(`${origin}/`, loop.fetchText)).toEqual([])
    expect(loop.requests.filter((r) => r.endsWith('sitemap.xml'))).toHaveLength(1)
  })
})

describe('HostRateLimiter', () => {
  it('spaces requests to one host by the interval, whatever the number of callers; other hosts are free', () => {
    let now = 1000
    const limiter = new HostRateLimiter(500, () => now)
    expect(limiter.reserve('http://a.example/1')).toBe(0)
    expect(limiter.reserve('http://a.example/2')).toBe(500)
    expect(limiter.reserve('http://A.example/3')).toBe(1000)
    expect(limiter.reserve('http://b.example/1')).toBe(0)
    now = 3000
    expect(limiter.reserve('http://a.example/4')).toBe(0)
  })

  it('waits through the injected sleep and is a no-op at interval 0', async () => {
    const slept: number[] = []
    const limiter = new HostRateLimiter(
      200,
      () => 0,
      async (ms) => void slept.push(ms),
    )
    await limiter.wait('http://a.example/')
    await limiter.wait('http://a.example/')
    expect(slept).toEqual([200])
    expect(new HostRateLimiter(0).reserve('http://a.example/')).toBe(0)
  })
})
