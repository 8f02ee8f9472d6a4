import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditPage } from '../../../../electron/core/web-audits/page/audit-page'
import type { PhaseTimes } from '../../../../electron/core/web-audits/page/phase-times'
import { BrowserSession } from '../../../../electron/core/web-audits/batch/browser-session'
import { launchTestBrowser } from '../../../support/chromium'
import { fullOptions, summary } from './audit-helpers'
import { startFixtureServer, type FixtureServer } from './fixture-server'

/** The throughput work: contexts opened ahead (prewarm) and the per-phase timings the benchmark prints. */

let browser: Browser
let server: FixtureServer

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchTestBrowser(), startFixtureServer()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('page audit pipeline speed-ups', () => {
  it('reports the time of every pipeline step through hooks.onPhases', async () => {
    let phases: PhaseTimes = {}
    const r = await auditPage(browser, server.url('/f/own-checks/good.html'), {
      ...fullOptions,
      hooks: { onPhases: (p) => (phases = p) },
    })
    expect(r.ok, summary(r)).toBe(true)
    for (const step of ['open a fresh incognito context', 'run axe-core in all frames', 'close the context'])
      expect(phases[step], step).toBeGreaterThanOrEqual(0)
    expect(Object.keys(phases).some((k) => k.includes('axe: all rules'))).toBe(true)
  })

  it('opens the next context ahead with prewarm, gives the same results, and closes an unused spare', async () => {
    const url = server.url('/f/own-checks/focus-invisible.html')
    const plain = await auditPage(browser, url, fullOptions)
    const contextsBefore = browser.browserContexts().length
    const first = await auditPage(browser, url, { ...fullOptions, prewarm: true })
    const second = await auditPage(browser, url, { ...fullOptions, prewarm: true })
    const rules = (x: typeof plain) => x.results.map((res) => `${res.ruleId}:${res.nodeCount}`).sort()
    for (const r of [first, second]) {
      expect(r.ok, summary(r)).toBe(true)
      expect(rules(r)).toEqual(rules(plain))
    }
    expect(browser.browserContexts().length).toBe(contextsBefore + 1) // the spare for a next page
    await sleep(5_500)
    expect(browser.browserContexts().length).toBe(contextsBefore)
  })

  it('hands a spare context to the lease that uses it, so a hung page can still be closed', async () => {
    const session = new BrowserSession(async () => browser)
    const warm = await session.acquire()
    await auditPage(warm.browser, server.url('/f/own-checks/good.html'), { ...fullOptions, prewarm: true })
    session.release(warm)
    const lease = await session.acquire()
    const seen: string[] = []
    const r = await auditPage(lease.browser, server.url('/f/own-checks/good.html'), {
      ...fullOptions,
      prewarm: true,
      hooks: { afterNavigation: (page) => void seen.push(page.url()) },
    })
    expect(r.ok, summary(r)).toBe(true)
    expect(seen).toHaveLength(1)
    // The audit closed its context itself; closing the lease's contexts again is harmless and succeeds.
    expect(await lease.closeContexts(2_000)).toBe(true)
    session.release(lease)
    await sleep(5_500) // let the last spare expire
  })
})
