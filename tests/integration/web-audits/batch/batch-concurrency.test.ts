import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BatchRunner, type BatchRunnerOptions } from '../../../../electron/core/web-audits/batch/batch-runner'
import { createAuditBatch } from '../../../../electron/core/web-audits/batch/batch-setup'
import { createDefaultAuditor } from '../../../../electron/core/web-audits/page/default-auditor'
import { registerPortal } from '../../../support/portals'
import { enqueuePages, queueCounts } from '../../../../electron/core/web-audits/store/queue-store'
import { openDatabase, type Db } from '../../../../electron/core/db/open-database'
import { launchTestBrowser } from '../../../support/chromium'
import { makeTempDir } from '../../../support/temp-dir'

/**
 * Adaptive concurrency on the real runner, auditor and browser: pages of a slow server (1 s to answer) wait on
 * the network, so the runner lets more pages in — up to the host's politeness limit and no further; memory
 * pressure holds it at one page. The server counts how many pages it is answering at once (other requests, such as
 * the browser's favicon, are answered at once and not counted).
 */

const GB = 1024 ** 3
const PAGES = 8

interface SlowSite {
  origin: string
  /** The most page requests the server was answering at once. */
  peak(): number
  close(): Promise<void>
}

async function startSlowSite(delayMs: number): Promise<SlowSite> {
  let open = 0
  let peak = 0
  const server = http.createServer((req, res) => {
    // Only pages count: Chromium asks for /favicon.ico after a page has loaded, sometimes while the tab already
    // holds the next page, and a slow answer to it would look like a third page in flight (failed 1 run in 3).
    if (req.url !== '/' && !req.url?.startsWith('/p/')) {
      res.writeHead(404).end()
      return
    }
    open++
    peak = Math.max(peak, open)
    setTimeout(() => {
      open--
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="zh-CN"><head><title>慢页面</title></head><body><main><h1>慢页面</h1><img src="data:,"></main></body></html>`,
        )
    }, delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    peak: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

let site: SlowSite
let db: Db
let cleanup: () => void
const browsers: Array<{ close(): Promise<void> }> = []

beforeEach(async () => {
  const temp = makeTempDir('access-audit-concurrency-')
  cleanup = temp.cleanup
  db = openDatabase(temp.dir)
  site = await startSlowSite(1_000)
})
afterEach(async () => {
  for (const b of browsers.splice(0)) await b.close().catch(() => undefined)
  await site.close()
  db.close()
  cleanup()
})

async function runBatch(extra: Partial<BatchRunnerOptions>) {
  const now = new Date()
  const portal = registerPortal(
    db,
    { name: '慢站', startUrl: `${site.origin}/`, maxPages: 50, maxDepth: 0 },
    now,
  )
  const { batchId, runIds } = createAuditBatch(db, [{ portal, options: { sitemap: false } }], {}, now)
  const urls = Array.from({ length: PAGES - 1 }, (_, i) => ({ url: `${site.origin}/p/${i + 1}`, depth: 0 }))
  enqueuePages(db, runIds[0] as number, urls, 50, now)
  const decisions: string[] = []
  const runner = new BatchRunner({
    db,
    // Light audits: the test is about how many pages are in flight, not about checks.
    auditor: createDefaultAuditor({ tags: ['wcag2a'], isolatedRules: [], ownRules: [], maxTabPresses: 0 }),
    launchBrowser: async () => {
      const browser = await launchTestBrowser()
      browsers.push(browser)
      return browser
    },
    minIntervalMs: 0,
    ...extra,
    adaptive: {
      sampleMs: 50,
      samplesPerDecision: 4,
      onDecision: (limit, why) => void decisions.push(`${why}:${limit}`),
      ...extra.adaptive,
    },
  })
  const outcome = await runner.run(batchId)
  expect(queueCounts(db, batchId)).toMatchObject({ done: PAGES, pending: 0, running: 0 })
  return { outcome, decisions }
}

describe('adaptive concurrency on the batch runner', () => {
  it('lets more pages in while they wait on a slow server, up to the per-host limit', async () => {
    const { outcome, decisions } = await runBatch({
      concurrency: 'auto',
      maxPagesPerHost: 3,
      // Cores are set high so this test is about the wiring, not about the CPU of this machine (unit-tested).
      adaptive: {
        config: { start: 1, cores: 8, max: 6, holdDecisions: 0 },
        memory: () => ({ availableBytes: 64 * GB, ownBytes: null }),
      },
    })
    expect(decisions.slice(0, 2)).toEqual(['raise:2', 'raise:3'])
    expect(decisions.every((d) => Number(d.split(':')[1]) <= 3)).toBe(true)
    expect(outcome.concurrency).toMatchObject({ mode: 'auto', peak: 3 })
    expect(site.peak()).toBeGreaterThanOrEqual(2)
    expect(site.peak()).toBeLessThanOrEqual(3)
  })

  it('keeps a fixed number of pages in flight when asked to', async () => {
    const { outcome, decisions } = await runBatch({ concurrency: 2, maxPagesPerHost: 8 })
    expect(site.peak()).toBeLessThanOrEqual(2)
    expect(decisions).toEqual([])
    expect(outcome.concurrency).toMatchObject({ mode: 'fixed', peak: 2, meanLimit: 2 })
  })

  it('holds at one page when memory is short, however long the pages wait', async () => {
    const { outcome } = await runBatch({
      concurrency: 'auto',
      maxPagesPerHost: 8,
      adaptive: {
        config: { start: 1, cores: 8, max: 6, holdDecisions: 0 },
        memory: () => ({ availableBytes: 0.1 * GB, ownBytes: null }),
      },
    })
    expect(outcome.concurrency.peak).toBe(1)
  })
})
