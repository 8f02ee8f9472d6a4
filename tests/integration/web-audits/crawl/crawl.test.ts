import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crawlPortal } from '../../../../electron/core/web-audits/crawl/crawler'
import { createNodeFetchText } from '../../../../electron/core/web-audits/crawl/http-fetch'
import { openHarness, pageRows, type Harness } from '../batch/audit-harness'
import { startTestSite, type TestSite } from '../batch/test-site'

let site: TestSite
beforeAll(async () => {
  site = await startTestSite()
})
afterAll(() => site.close())

describe('crawl over HTTP (crawlPortal) on a local site', () => {
  it('honours depth and page limits, normalises links and reads the sitemap', async () => {
    const fetchText = createNodeFetchText()
    const deep = await crawlPortal(
      { startUrl: `${site.origin}/`, maxPages: 50, maxDepth: 2, minIntervalMs: 0 },
      { fetchText },
    )
    expect(deep.pages.map((p) => [p.url.replace(site.origin, ''), p.depth, p.source])).toEqual([
      ['/', 0, 'start'],
      ['/news', 1, 'link'],
      ['/about', 1, 'link'],
      ['/services', 1, 'link'],
      ['/sitemap-only', 1, 'sitemap'],
      ['/news/1', 2, 'link'],
      ['/news/2', 2, 'link'],
      ['/news/3', 2, 'link'],
    ])
    const capped = await crawlPortal(
      { startUrl: `${site.origin}/`, maxPages: 3, maxDepth: 5, minIntervalMs: 0, sitemap: false },
      { fetchText },
    )
    expect(capped.pages.map((p) => p.url.replace(site.origin, ''))).toEqual(['/', '/news', '/about'])
  })
})

describe('batch discovery during the audit (real Chromium)', () => {
  let h: Harness
  beforeAll(() => {
    h = openHarness()
  })
  afterAll(() => h.close())

  it('audits start page, its same-origin links and sitemap pages within the limits, loading each page once', async () => {
    site.hits.clear()
    const { batchId, runIds } = h.batch([`${site.origin}/`], { maxDepth: 1, maxPages: 5 })
    const outcome = await h.runner().run(batchId)
    expect(outcome.status).toBe('completed')
    const rows = pageRows(h.db, batchId)
    expect(rows.map((r) => [r.url.replace(site.origin, ''), r.depth, r.status])).toEqual([
      ['/', 0, 'done'],
      ['/news', 1, 'done'],
      ['/about', 1, 'done'],
      ['/services', 1, 'done'],
      ['/sitemap-only', 1, 'done'],
    ])
    // Links came from the audit's own page load: every page was requested exactly once, and the linked PDF was
    // fetched once by the documents check (recorded as a document, never audited as a page).
    expect(Object.fromEntries(site.hits)).toEqual({
      '/': 1,
      '/news': 1,
      '/about': 1,
      '/services': 1,
      '/sitemap-only': 1,
      '/files/guide.pdf': 1,
    })
    const run = h.db.prepare('SELECT status, score FROM audit_runs WHERE id = ?').get(runIds[0]) as {
      score: number
    }
    expect(run).toMatchObject({ status: 'completed' })
    expect(run.score).toBeGreaterThan(0)
    expect(run.score).toBeLessThan(100)
    const findings = h.db
      .prepare(`SELECT check_id, match_key FROM findings WHERE audit_run_id = ? AND check_id = 'image-alt'`)
      .all(runIds[0]) as Array<{ match_key: string }>
    expect(findings.length).toBeGreaterThanOrEqual(5)
    expect(new Set(findings.map((f) => f.match_key)).size).toBe(findings.length)
  })
})
