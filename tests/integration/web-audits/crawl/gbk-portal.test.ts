import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crawlPortal } from '../../../../electron/core/web-audits/crawl/crawler'
import { createNodeFetchText } from '../../../../electron/core/web-audits/crawl/http-fetch'
import { auditReportSource } from '../../../../electron/core/web-audits/report/report-source'
import { renderReport } from '../../../../electron/core/web-audits/report/render-report'
import type { PageResult } from '../../../../shared/web/audit-result'
import { openHarness, pageRows, type Harness } from '../batch/audit-harness'
import { startGbkPortal, type GbkPortal } from './gbk-portal'

/**
 * A portal in GBK (issue #13): pages declared gb2312 / gbk / gb18030 in <meta>, a GBK sitemap, no charset in the
 * HTTP headers. The crawler, the stored results and the reports must all read the Chinese correctly, and a link
 * with a Chinese query must be requested as the browser requests it.
 */

let portal: GbkPortal
beforeAll(async () => {
  portal = await startGbkPortal()
})
afterAll(() => portal.close())

const searchPath = '/search.html?kw=%CE%DE%D5%CF%B0%AD&lx=%C8%AB%B2%BF'

describe('a GBK portal', () => {
  it('is crawled over HTTP with its titles, sitemap and query strings read as the browser reads them', async () => {
    const crawl = await crawlPortal(
      { startUrl: `${portal.origin}/`, maxPages: 20, maxDepth: 2, minIntervalMs: 0 },
      { fetchText: createNodeFetchText() },
    )
    const paths = crawl.pages.map((p) => p.url.replace(portal.origin, ''))
    expect(paths).toContain(searchPath)
    expect(paths).toContain('/zcwj.html') // from the GBK sitemap
    expect(paths).toEqual(expect.arrayContaining(['/', '/tzgg.html', '/wza.html']))
    const home = await createNodeFetchText()(`${portal.origin}/`)
    expect(home.charset).toBe('gb2312')
    expect(home.body).toContain('<title>测试区残疾人联合会（GBK 编码）</title>')
  })

  describe('audited in a batch', () => {
    let h: Harness
    beforeAll(() => {
      h = openHarness()
    })
    afterAll(() => h.close())

    it(
      'stores titles, snippets and findings in Chinese, and the reports carry them',
      { timeout: 240_000 },
      async () => {
        portal.requests.length = 0
        const { batchId } = h.batch([`${portal.origin}/`], {
          maxDepth: 1,
          maxPages: 10,
          discovery: 'prefetch',
        })
        const outcome = await h.runner().run(batchId)
        expect(outcome.status).toBe('completed')
        const rows = pageRows(h.db, batchId)
        const results = rows.map((r) => JSON.parse(r.json ?? 'null') as PageResult)
        expect(results.filter((r) => !r.ok).map((r) => `${r.url} ${r.failureMessage}`)).toEqual([])
        const titles = results.map((r) => r.title)
        expect(titles).toEqual(
          expect.arrayContaining([
            '测试区残疾人联合会（GBK 编码）',
            '通知公告——测试区残疾人联合会',
            '检索结果——测试区残疾人联合会',
            '政策文件——测试区残疾人联合会',
          ]),
        )
        // The crawl's URL for the Chinese query is the one Chromium itself requested: no page twice, none missed.
        expect(rows.map((r) => r.url.replace(portal.origin, ''))).toContain(searchPath)
        expect(portal.requests).toContain(searchPath)
        const home = results.find((r) => r.title?.startsWith('测试区残疾人联合会'))
        const more = home?.results.find((r) => r.ruleId === 'aa-link-nonspecific')
        expect(more?.nodes[0]?.html).toContain('更多&gt;&gt;')
        const alt = results.flatMap((r) => r.results).find((r) => r.ruleId === 'aa-img-alt-filename')
        expect(alt?.nodes[0]?.failureSummary).toContain('通知配图.jpg')
        const findings = h.db
          .prepare(`SELECT title, detail FROM findings WHERE source = 'web'`)
          .all() as Array<{
          title: string
          detail: string
        }>
        expect(findings.some((f) => f.detail.includes('通知公告——测试区残疾人联合会'))).toBe(true)
        const header = {
          schemaVersion: 1 as const,
          tool: { name: 'access-audit', version: '0', mappingVersion: '0' },
        }
        const source = () => auditReportSource(h.db, batchId, header as never)
        const csv = renderReport('csv', source())
        expect(csv).toContain('测试区残疾人联合会（GBK 编码）')
        expect(csv).not.toMatch(/\uFFFD/)
        const json = renderReport('json', source())
        expect(json).toContain('通知公告——测试区残疾人联合会')
        expect(json).not.toMatch(/\uFFFD/)
      },
    )
  })
})
