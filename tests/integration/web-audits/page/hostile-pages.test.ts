import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditPage, type AuditPageOptions } from '../../../../electron/core/web-audits/page/audit-page'
import type { PageResult } from '../../../../shared/web/audit-result'
import { launchTestBrowser } from '../../../support/chromium'
import { fastOptions, fullOptions, ruleStatus, summary } from './audit-helpers'
import { startFixtureServer, type FixtureServer } from './fixture-server'

let browser: Browser
let server: FixtureServer

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchTestBrowser(), startFixtureServer()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const audit = (path: string, options: AuditPageOptions = fastOptions): Promise<PageResult> =>
  auditPage(browser, path.startsWith('http') ? path : server.url(path), options)

/** After each hostile page the same browser must still audit a normal page. */
async function expectNextPageWorks(): Promise<void> {
  const next = await audit('/f/own-checks/good.html')
  expect(next.ok, summary(next)).toBe(true)
  expect(next.title).toBe('示例区政府门户网站')
}

describe('auditPage on hostile pages', () => {
  it('dismisses alert() and confirm() shown while loading, and audits the page', async () => {
    const r = await audit('/f/hostile/alert.html', fullOptions)
    expect(r.ok, summary(r)).toBe(true)
    expect(ruleStatus(r.results, 'image-alt')).toBe('fail')
    await expectNextPageWorks()
  })

  it('dismisses prompt() and a beforeunload handler', async () => {
    const r = await audit('/f/hostile/prompt.html')
    expect(r.ok, summary(r)).toBe(true)
    expect(r.title).toBe('输入框页面')
  })

  it('closes popups and window.open tabs and audits the opener', async () => {
    const before = (await browser.pages()).length
    const r = await audit('/f/hostile/popups.html', fullOptions)
    expect(r.ok, summary(r)).toBe(true)
    expect((await browser.pages()).length).toBe(before)
  })

  it('denies downloads the page starts and stays on the page', async () => {
    const r = await audit('/f/hostile/download.html', fullOptions)
    expect(r.ok, summary(r)).toBe(true)
    expect(r.finalUrl).toBe(server.url('/f/hostile/download.html'))
  })

  it('classifies a URL that is a download as not-html', async () => {
    const r = await audit('/download')
    expect(r).toMatchObject({ ok: false, failureReason: 'not-html', results: [] })
    expect(r.failureMessage).toMatch(/下载/)
  })

  it('classifies an endless redirect as redirect-loop', async () => {
    const r = await audit('/redirect-loop')
    expect(r).toMatchObject({ ok: false, failureReason: 'redirect-loop' })
  })

  it('records the status of 4xx/5xx documents, with or without a body', async () => {
    for (const [path, status] of [
      ['/status/500', 500],
      ['/status/500-empty', 500],
      ['/status/404-empty', 404],
    ] as const) {
      const r = await audit(path)
      expect(r, path).toMatchObject({ ok: false, failureReason: 'http-status', status })
      expect(r.failureMessage).toContain(String(status))
    }
  })

  it('classifies PDF and JSON responses as not-html', async () => {
    for (const path of ['/pdf', '/json']) {
      const r = await audit(path)
      expect(r, path).toMatchObject({ ok: false, failureReason: 'not-html' })
      expect(r.failureMessage).toMatch(/application\/(pdf|json)/)
    }
  })

  it('audits a page whose script, font and image never answer after the bounded wait', async () => {
    const r = await audit('/f/hostile/hang-subresource.html')
    expect(r.ok, summary(r)).toBe(true)
    expect(r.durationMs).toBeLessThan(15_000)
    expect(ruleStatus(r.results, 'image-alt')).toBe('fail')
  })

  it('audits a page whose synchronous head script never answers (reloaded with that script blocked)', async () => {
    const r = await audit('/f/hostile/hang-sync-script.html', { ...fastOptions, navigationTimeoutMs: 1_000 })
    expect(r.ok, summary(r)).toBe(true)
    expect(ruleStatus(r.results, 'image-alt')).toBe('fail')
  })

  it("classifies a main document that never finishes as 'timeout'", async () => {
    const r = await audit('/never-finishes', { ...fastOptions, navigationTimeoutMs: 1_000 })
    expect(r).toMatchObject({ ok: false, failureReason: 'timeout', results: [] })
    expect(r.failureMessage).toMatch(/1 秒/)
    await expectNextPageWorks()
  })

  it('reports a third-party iframe that failed to load as not tested and audits the rest', async () => {
    const r = await audit('/f/hostile/failed-iframe.html')
    expect(r.ok, summary(r)).toBe(true)
    const urls = r.framesNotTested.map((f) => f.url)
    expect(urls).toContain('http://widget.third-party.example/weather')
    expect(urls).toContain(server.url('/hang/frame'))
    for (const f of r.framesNotTested) expect(f.reason).toMatch(/未检测/)
    const imageAlt = r.results.find((x) => x.ruleId === 'image-alt' && !x.needsReview)
    expect(imageAlt?.nodes.map((n) => n.selector)).toContainEqual(
      expect.stringMatching(/^iframe\[.*\] >>> #framed-img$/),
    )
  })

  it("ends a crashed tab as 'crash' and the next page still works", async () => {
    const r = await audit('/f/own-checks/good.html', {
      ...fastOptions,
      hooks: {
        afterNavigation: async (page: Page) => {
          const cdp = await page.createCDPSession()
          void cdp.send('Page.crash').catch(() => {})
        },
      },
    })
    expect(r).toMatchObject({ ok: false, failureReason: 'crash', results: [] })
    expect(r.failureMessage).toMatch(/崩溃/)
    await expectNextPageWorks()
  })

  it("classifies an outside host (refused by the test proxy) as 'connection' or 'dns'", async () => {
    const r = await audit('http://www.gov-site.example/')
    expect(r.ok).toBe(false)
    expect(['connection', 'dns']).toContain(r.failureReason)
    expect(r.failureMessage).toBeTruthy()
  })

  it("rejects non-http(s) URLs as 'invalid-url' without opening a tab", async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://x.example/', '不是网址']) {
      const r = await auditPage(browser, url)
      expect(r, url).toMatchObject({ ok: false, failureReason: 'invalid-url', results: [] })
      expect(r.durationMs).toBeLessThan(100)
    }
  })

  it('keeps hostile HTML snippets as plain strings (no code runs in our process)', async () => {
    const r = await audit('/f/hostile/snippet.html')
    expect(r.ok, summary(r)).toBe(true)
    const htmls = r.results.flatMap((x) => x.nodes.map((n) => n.html))
    expect(htmls).toContain('<img src="x" onerror="alert(1)">')
    for (const h of htmls) expect(typeof h).toBe('string')
    expect(JSON.parse(JSON.stringify(r))).toEqual(r) // plain JSON, nothing executable
  })

  it('follows an immediate client-side redirect while loading', async () => {
    const r = await audit('/f/hostile/client-redirect.html')
    expect(r.ok, summary(r)).toBe(true)
    expect(r.finalUrl).toBe(server.url('/f/own-checks/good.html?from=entry'))
    expect(r.title).toBe('示例区政府门户网站')
  })
})
