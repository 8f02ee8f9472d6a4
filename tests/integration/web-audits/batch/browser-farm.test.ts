import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'puppeteer-core'
import { connectBrowser } from '../../../../electron/core/browser/browser-provider'
import { openDatabase, type Db } from '../../../../electron/core/db/open-database'
import { BatchRunner, type FarmEndpointOption } from '../../../../electron/core/web-audits/batch/batch-runner'
import { createAuditBatch } from '../../../../electron/core/web-audits/batch/batch-setup'
import { createDefaultAuditor } from '../../../../electron/core/web-audits/page/default-auditor'
import type { PageAuditor } from '../../../../electron/core/web-audits/page/page-auditor'
import { startRemoteChromium, type RemoteChromium } from '../../../support/chromium'
import { makeTempDir } from '../../../support/temp-dir'
import { pageRows } from './audit-harness'
import { startTestSite, type TestSite } from './test-site'

/**
 * A batch over a browser farm of two real Chromium endpoints (remote debugging on 127.0.0.1), one of them killed
 * with SIGKILL while it audits a page: its pages go back to the queue and the other endpoint audits them; every
 * page is recorded exactly once. Then a farm whose every endpoint dies: the batch pauses with its pages pending,
 * and resumes on a new endpoint.
 */

// Real browsers on a shared, often loaded machine: generous limits (the farm starts 2–3 Chromium processes).
let site: TestSite
let db: Db
let cleanup: () => void
const endpoints: RemoteChromium[] = []
beforeAll(async () => {
  site = await startTestSite()
  const temp = makeTempDir('access-audit-farm-db-')
  cleanup = temp.cleanup
  db = openDatabase(temp.dir)
})
afterAll(async () => {
  await Promise.all(endpoints.map((e) => e.close()))
  db.close()
  cleanup()
  await site.close()
})

async function endpoint(): Promise<RemoteChromium> {
  const e = await startRemoteChromium()
  endpoints.push(e)
  return e
}

// Time limits far above a page of the local site, so a loaded machine cannot turn a page into a timeout failure.
const real = createDefaultAuditor({ navigationTimeoutMs: 20_000, settleMs: 100, pageTimeoutMs: 60_000 })

/** Audits in order, with the endpoint each ran on; `before` may act as an audit starts (kill its endpoint). */
function recordingAuditor(
  calls: Array<{ url: string; on: string }>,
  before?: (on: string, browser: Browser) => Promise<void> | void,
): PageAuditor {
  return async (browser, request) => {
    const on = browser.wsEndpoint()
    calls.push({ url: request.url, on })
    const audit = real(browser, request)
    await before?.(on, browser)
    return audit
  }
}

function farm(...list: Array<{ e: RemoteChromium; concurrency: number }>): FarmEndpointOption[] {
  return list.map(({ e, concurrency }) => ({
    url: e.wsUrl,
    concurrency,
    connect: () => connectBrowser(e.wsUrl),
  }))
}

function newsBatch(count: number, from: number): number {
  const targets = Array.from({ length: count }, (_, i) => ({
    url: `${site.origin}/news/${from + i}`,
    options: { maxDepth: 0, maxPages: 1, sitemap: false },
  }))
  return createAuditBatch(db, targets, {}, new Date()).batchId
}

const disconnected = (browser: Browser) =>
  browser.connected ? new Promise<void>((r) => browser.once('disconnected', () => r())) : Promise.resolve()

describe('a batch over a browser farm (two real Chromium endpoints)', () => {
  it('spreads the pages, drops an endpoint killed mid-batch and gives its pages to the other, each page once', async () => {
    const [a, b] = await Promise.all([endpoint(), endpoint()])
    const batchId = newsBatch(20, 1)
    const calls: Array<{ url: string; on: string }> = []
    const recorded: string[] = []
    const lost: string[] = []
    let killedAt = -1
    let lossSeenAt = -1
    const auditor = recordingAuditor(calls, async (on, browser) => {
      // A's audit that starts after 4 pages were recorded: A dies under it (and under its other page in flight).
      if (on === a.wsUrl && killedAt < 0 && recorded.length >= 4) {
        killedAt = calls.length - 1
        a.kill()
        await disconnected(browser)
        lossSeenAt = calls.length
      }
    })
    const outcome = await new BatchRunner({
      db,
      auditor,
      launchBrowser: () => Promise.reject(new Error('a farm batch never launches a local browser')),
      farm: farm({ e: a, concurrency: 2 }, { e: b, concurrency: 2 }),
      minIntervalMs: 0,
      pageTimeoutMs: 45_000,
      checkDocuments: false,
      onPage: (event) => recorded.push(event.url),
      onEndpointLost: (url) => lost.push(url),
    }).run(batchId)

    expect(outcome.status).toBe('completed')
    expect(killedAt).toBeGreaterThanOrEqual(0)
    expect(lost).toEqual([a.wsUrl])
    // Every page recorded exactly once, with its full result.
    const rows = pageRows(db, batchId)
    expect(rows).toHaveLength(20)
    expect(new Set(recorded).size).toBe(20)
    expect(recorded).toHaveLength(20)
    for (const row of rows) {
      expect(row.status).toBe('done')
      const result = JSON.parse(row.json as string) as { ok: boolean; results: unknown[] }
      expect(result.ok).toBe(true)
      expect(result.results.length).toBeGreaterThan(0)
    }
    // Both endpoints worked before the kill; after it, only B.
    const beforeKill = calls.slice(0, killedAt)
    expect(beforeKill.some((c) => c.on === a.wsUrl)).toBe(true)
    expect(calls.some((c) => c.on === b.wsUrl)).toBe(true)
    // A's other worker may start one more audit on A before the disconnect is seen (it fails and goes back to the
    // queue); once it is seen, only B.
    expect(calls.slice(lossSeenAt).every((c) => c.on === b.wsUrl)).toBe(true)
    // The pages A was auditing when it died were audited again, by B, and recorded once.
    const interrupted = calls[killedAt]!.url
    const repeats = [...new Set(calls.map((c) => c.url))].filter(
      (url) => calls.filter((c) => c.url === url).length > 1,
    )
    expect(repeats).toContain(interrupted)
    for (const url of repeats) {
      const audits = calls.filter((c) => c.url === url)
      expect(audits).toHaveLength(2)
      expect(audits[0]!.on).toBe(a.wsUrl)
      expect(audits[1]!.on).toBe(b.wsUrl)
    }
    // The remote browser that lived on was disconnected, not closed: it still serves clients.
    const still = await connectBrowser(b.wsUrl)
    expect(still.connected).toBe(true)
    await still.disconnect()
  }, 300_000)

  it('pauses with a clear message when every endpoint dies; the pages left stay pending and resume elsewhere', async () => {
    const c = await endpoint()
    const batchId = newsBatch(6, 101)
    const calls: Array<{ url: string; on: string }> = []
    let recorded = 0
    const auditor = recordingAuditor(calls, async (on, browser) => {
      if (recorded >= 2 && on === c.wsUrl) {
        c.kill()
        await disconnected(browser)
      }
    })
    const runner = new BatchRunner({
      db,
      auditor,
      launchBrowser: () => Promise.reject(new Error('a farm batch never launches a local browser')),
      farm: farm({ e: c, concurrency: 1 }),
      minIntervalMs: 0,
      checkDocuments: false,
      onPage: () => recorded++,
    })
    await expect(runner.run(batchId)).rejects.toThrow(/远程浏览器（共 1 个）都已断开或无法连接，批次已暂停/)
    const status = db.prepare('SELECT status FROM audit_batches WHERE id = ?').pluck().get(batchId)
    expect(status).toBe('paused')
    const rows = pageRows(db, batchId)
    expect(rows.filter((r) => r.status === 'done')).toHaveLength(2)
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(4)
    expect(rows.some((r) => r.status === 'running' || r.status === 'failed')).toBe(false)
    expect(rows.filter((r) => r.status !== 'done').every((r) => r.json === null)).toBe(true)

    // Resumed on another endpoint: the four pending pages, each audited once; the two done never again.
    const d = await endpoint()
    const done = rows.filter((r) => r.status === 'done').map((r) => r.url)
    calls.length = 0
    const resumed = await new BatchRunner({
      db,
      auditor: recordingAuditor(calls),
      launchBrowser: () => Promise.reject(new Error('a farm batch never launches a local browser')),
      farm: farm({ e: d, concurrency: 2 }),
      minIntervalMs: 0,
      checkDocuments: false,
    }).run(batchId)
    expect(
      resumed.status,
      JSON.stringify({ resumed, rows: pageRows(db, batchId).map((r) => [r.url, r.status]) }),
    ).toBe('completed')
    expect(pageRows(db, batchId).every((r) => r.status === 'done' && r.json !== null)).toBe(true)
    expect(calls).toHaveLength(4)
    expect(calls.some((call) => done.includes(call.url))).toBe(false)
  }, 300_000)
})
