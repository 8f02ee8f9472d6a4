import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditPage } from '../../../../electron/core/web-audits/page/audit-page'
import type { PhaseTimes } from '../../../../electron/core/web-audits/page/phase-times'
import { closeTabPool } from '../../../../electron/core/web-audits/page/tab-pool'
import { BrowserSession } from '../../../../electron/core/web-audits/batch/browser-session'
import { launchTestBrowser } from '../../../support/chromium'
import { fullOptions, summary } from './audit-helpers'
import { startFixtureServer, type FixtureServer } from './fixture-server'

/** The throughput work: warm tabs reused between pages, and the per-phase timings the benchmark prints. */

let browser: Browser
let server: FixtureServer

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchTestBrowser(), startFixtureServer()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const rules = (x: { results: Array<{ ruleId: string; nodeCount: number }> }) =>
  x.results.map((res) => `${res.ruleId}:${res.nodeCount}`).sort()

describe('page audit pipeline speed-ups', () => {
  it('reports the time of every pipeline step through hooks.onPhases, and when it waits on the network', async () => {
    let phases: PhaseTimes = {}
    const waiting: boolean[] = []
    const r = await auditPage(browser, server.url('/f/own-checks/good.html'), {
      ...fullOptions,
      hooks: { onPhases: (p) => (phases = p), onWaiting: (w) => void waiting.push(w) },
    })
    expect(r.ok, summary(r)).toBe(true)
    for (const step of ['open a tab (a first visit)', 'run axe-core in all frames', 'release the tab'])
      expect(phases[step], step).toBeGreaterThanOrEqual(0)
    expect(Object.keys(phases).some((k) => k.includes('axe: all rules'))).toBe(true)
    // Loading and the load event are waits; everything else is work; the audit ends working.
    expect(waiting).toEqual([true, false, true, false, false])
  })

  it('adds the change of each step counter to the step (hooks.stepCounters, the benchmark’s --cpu-steps)', async () => {
    let phases: PhaseTimes = {}
    let reads = 0
    const r = await auditPage(browser, server.url('/f/own-checks/good.html'), {
      ...fullOptions,
      hooks: {
        onPhases: (p) => (phases = p),
        // A counter that goes up by 5 on every read: each step sees it grow by 5 between its two reads.
        stepCounters: async (page) => ({ reads: 5 * ++reads, pageUrlLength: page.url().length }),
      },
    })
    expect(r.ok, summary(r)).toBe(true)
    // Read once the tab is open: before and after every step from "dismiss dialogs" on.
    expect(phases['reads run axe-core in all frames']).toBe(5)
    expect(phases['reads walk the page with the Tab key']).toBe(5)
    expect(phases['reads open a tab (a first visit)']).toBeUndefined()
    expect(phases['pageUrlLength navigate to DOM ready']).toBeGreaterThan(0) // about:blank, then the page
    expect(reads).toBe(2 * 13)
  })

  it('audits page after page in one warm tab with the results of a fresh one, and closes it with the pool', async () => {
    const url = server.url('/f/own-checks/focus-invisible.html')
    const plain = await auditPage(browser, url, fullOptions)
    const contextsBefore = browser.browserContexts().length
    const first = await auditPage(browser, url, { ...fullOptions, reuseTab: true })
    const second = await auditPage(browser, url, { ...fullOptions, reuseTab: true })
    for (const r of [first, second]) {
      expect(r.ok, summary(r)).toBe(true)
      expect(rules(r)).toEqual(rules(plain))
    }
    expect(browser.browserContexts().length).toBe(contextsBefore + 1) // one warm tab for both pages
    await closeTabPool(browser)
    expect(browser.browserContexts().length).toBe(contextsBefore)
  })

  it('hands a pooled tab to the lease that uses it, so a hung page can still be closed', async () => {
    const session = new BrowserSession(async () => browser)
    const warm = await session.acquire()
    await auditPage(warm.browser, server.url('/f/own-checks/good.html'), { ...fullOptions, reuseTab: true })
    session.release(warm)
    const contextsBefore = browser.browserContexts().length
    const lease = await session.acquire()
    const seen: string[] = []
    const r = await auditPage(lease.browser, server.url('/f/own-checks/good.html'), {
      ...fullOptions,
      reuseTab: true,
      hooks: { afterNavigation: (page) => void seen.push(page.url()) },
    })
    expect(r.ok, summary(r)).toBe(true)
    expect(seen).toHaveLength(1)
    expect(browser.browserContexts().length).toBe(contextsBefore) // the warm tab was reused
    // The lease knows the pooled tab's context: closing the lease's contexts closes it.
    expect(await lease.closeContexts(5_000)).toBe(true)
    expect(browser.browserContexts().length).toBe(contextsBefore - 1)
    session.release(lease)
    await closeTabPool(browser)
  })
})
