import type { Browser } from 'puppeteer-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BatchRunner, type FarmEndpointOption } from '../../../../electron/core/web-audits/batch/batch-runner'
import { createAuditBatch } from '../../../../electron/core/web-audits/batch/batch-setup'
import type { PageAudit, PageAuditor } from '../../../../electron/core/web-audits/page/page-auditor'
import { openDatabase, type Db } from '../../../../electron/core/db/open-database'
import { makeTempDir } from '../../../support/temp-dir'
import { failedPage, FakeBrowser, pageResult } from '../audit-fakes'

/** The farm's queue logic with fake endpoints and a stub auditor: spread, drop, requeue, bounded, pause. */

let db: Db
let cleanup: () => void
beforeEach(() => {
  const temp = makeTempDir()
  cleanup = temp.cleanup
  db = openDatabase(temp.dir)
})
afterEach(() => {
  db.close()
  cleanup()
})

const origin = 'http://gov.example'

function batchOf(count: number): number {
  const targets = Array.from({ length: count }, (_, i) => ({
    url: `${origin}/p${i + 1}`,
    options: { maxDepth: 0, maxPages: 1, sitemap: false },
  }))
  return createAuditBatch(db, targets, {}, new Date()).batchId
}

interface FakeEndpoint {
  name: string
  browser: FakeBrowser
  option: FarmEndpointOption
  inFlight: number
  peak: number
}

function endpoints(spec: Record<string, number>, unreachable: string[] = []): FakeEndpoint[] {
  return Object.entries(spec).map(([name, concurrency], i) => {
    const browser = new FakeBrowser(i + 1)
    return {
      name,
      browser,
      inFlight: 0,
      peak: 0,
      option: {
        url: `ws://${name}.farm:3000/?token=t`,
        concurrency,
        connect: async () => {
          if (unreachable.includes(name)) throw new Error(`connect ECONNREFUSED ${name}`)
          return browser as unknown as Browser
        },
      },
    }
  })
}

type Special = (farm: FakeEndpoint, url: string) => Promise<PageAudit> | undefined

function stubAuditor(farm: FakeEndpoint[], special?: Special) {
  const calls: Array<{ url: string; on: string }> = []
  const auditor: PageAuditor = async (browser, request) => {
    const on = farm.find((f) => f.browser.id === (browser as unknown as FakeBrowser).id) as FakeEndpoint
    calls.push({ url: request.url, on: on.name })
    on.inFlight++
    on.peak = Math.max(on.peak, on.inFlight)
    try {
      await new Promise((r) => setTimeout(r, 3))
      const audit = await special?.(on, request.url)
      if (audit) return audit
      // A page still in flight when its browser died fails as puppeteer makes it fail.
      if (!on.browser.connected) return { result: failedPage(request.url, 'crash'), links: null }
      return { result: pageResult(request.url, []), links: [] }
    } finally {
      on.inFlight--
    }
  }
  return { auditor, calls }
}

function runner(farm: FakeEndpoint[], auditor: PageAuditor, lost: string[] = []) {
  return new BatchRunner({
    db,
    auditor,
    launchBrowser: () => Promise.reject(new Error('no local browser on a farm')),
    farm: farm.map((f) => f.option),
    minIntervalMs: 0,
    maxPagesPerHost: 16,
    checkDocuments: false,
    onEndpointLost: (url) => lost.push(url),
  })
}

const statuses = (batchId: number) =>
  db
    .prepare(
      `SELECT p.status FROM audit_pages p JOIN audit_runs r ON r.id = p.run_id WHERE r.batch_id = ? ORDER BY p.id`,
    )
    .pluck()
    .all(batchId) as string[]

const perUrl = (calls: Array<{ url: string }>) => {
  const counts = new Map<string, number>()
  for (const c of calls) counts.set(c.url, (counts.get(c.url) ?? 0) + 1)
  return counts
}

describe('BatchRunner on a browser farm', () => {
  it('spreads the pages over the endpoints, each within its own concurrency, each page once', async () => {
    const farm = endpoints({ a: 1, b: 3 })
    const batchId = batchOf(24)
    const { auditor, calls } = stubAuditor(farm)
    const outcome = await runner(farm, auditor).run(batchId)
    expect(outcome.status).toBe('completed')
    expect(outcome.concurrency).toEqual({ mode: 'fixed', peak: 4, meanLimit: 4 })
    expect(statuses(batchId).every((s) => s === 'done')).toBe(true)
    expect([...perUrl(calls).values()].every((n) => n === 1)).toBe(true)
    expect(farm[0]!.peak).toBe(1)
    expect(farm[1]!.peak).toBeLessThanOrEqual(3)
    expect(calls.some((c) => c.on === 'a')).toBe(true)
    expect(calls.filter((c) => c.on === 'b').length).toBeGreaterThan(calls.filter((c) => c.on === 'a').length)
    // Remote browsers are disconnected at the end, never closed (FakeBrowser.process() is null).
    expect(farm.every((f) => !f.browser.connected)).toBe(true)
  })

  it('drops an endpoint that dies under a page and requeues that page to another, recorded once', async () => {
    const farm = endpoints({ a: 2, b: 2 })
    const batchId = batchOf(10)
    let killed = false
    const { auditor, calls } = stubAuditor(farm, (on, url) => {
      if (on.name !== 'a' || killed) return undefined
      killed = true
      on.browser.crash()
      return Promise.resolve({ result: failedPage(url, 'crash'), links: null })
    })
    const lost: string[] = []
    const outcome = await runner(farm, auditor, lost).run(batchId)
    expect(outcome.status).toBe('completed')
    expect(lost).toEqual(['ws://a.farm:3000/?token=t'])
    expect(statuses(batchId).every((s) => s === 'done')).toBe(true)
    const died = calls.find((c) => c.on === 'a' && perUrl(calls).get(c.url) === 2)
    expect(died).toBeDefined()
    expect(calls.filter((c) => c.url === died!.url).map((c) => c.on)).toEqual(['a', 'b'])
    // Whatever else was in flight on A when it died was audited again, on B.
    for (const call of calls.filter((c) => c.on === 'a' && calls.indexOf(c) > calls.indexOf(died!)))
      expect(calls.filter((c) => c.url === call.url).map((c) => c.on)).toEqual(['a', 'b'])
    expect(perUrl(calls).size).toBe(10)
    expect([...perUrl(calls).values()].every((n) => n <= 2)).toBe(true)
    const rows = db.prepare('SELECT COUNT(*) FROM audit_pages WHERE status = ?').pluck().get('done')
    expect(rows).toBe(10)
  })

  it('gives up an endpoint whose connection stays open while CDP fails, and requeues its page', async () => {
    const farm = endpoints({ a: 1, b: 1 })
    const batchId = batchOf(6)
    let broken = false
    const { auditor, calls } = stubAuditor(farm, (on, url) => {
      if (on.name !== 'a' || broken) return undefined
      broken = true
      on.browser.answers = false
      return Promise.resolve({
        result: failedPage(url, 'internal', 'Protocol error: Target closed'),
        links: null,
      })
    })
    const lost: string[] = []
    const outcome = await runner(farm, auditor, lost).run(batchId)
    expect(outcome.status).toBe('completed')
    expect(lost).toEqual(['ws://a.farm:3000/?token=t'])
    expect(statuses(batchId).every((s) => s === 'done')).toBe(true)
    expect(calls.filter((c) => c.on === 'a')).toHaveLength(1)
    expect(perUrl(calls).get(calls.find((c) => c.on === 'a')!.url)).toBe(2)
  })

  it("records a bad page's own failure once, on a live endpoint: no requeue, no endpoint dropped", async () => {
    const farm = endpoints({ a: 1, b: 1 })
    const batchId = batchOf(4)
    const bad = `${origin}/p2`
    const { auditor, calls } = stubAuditor(farm, (_on, url) =>
      url === bad ? Promise.resolve({ result: failedPage(url, 'crash'), links: null }) : undefined,
    )
    const lost: string[] = []
    const outcome = await runner(farm, auditor, lost).run(batchId)
    expect(outcome.status).toBe('completed')
    expect(lost).toEqual([])
    expect(perUrl(calls).get(bad)).toBe(1)
    const row = db.prepare('SELECT status, failure_reason FROM audit_pages WHERE url = ?').get(bad)
    expect(row).toEqual({ status: 'failed', failure_reason: 'crash' })
  })

  it('bounds the requeues of a page that kills every endpoint it runs on', async () => {
    const killer = (on: FakeEndpoint, url: string) => {
      on.browser.crash()
      return Promise.resolve({ result: failedPage(url, 'crash'), links: null })
    }
    const farm = endpoints({ a: 1, b: 1, c: 1 })
    const batchId = batchOf(1)
    const first = stubAuditor(farm, killer)
    // Each death requeues it (attempts 1–3 of 4 on a farm of 3), until no endpoint is left: paused, pending.
    await expect(runner(farm, first.auditor).run(batchId)).rejects.toThrow(/都已断开/)
    expect(first.calls.map((c) => c.on)).toEqual(['a', 'b', 'c'])
    expect(statuses(batchId)).toEqual(['pending'])
    // Resumed on a farm of one (2 claims per page there, this is its 4th): recorded as the crash it is.
    const more = endpoints({ d: 1 })
    const second = stubAuditor(more, killer)
    const outcome = await runner(more, second.auditor).run(batchId)
    expect(outcome.status).toBe('completed')
    expect(second.calls).toHaveLength(1)
    expect(statuses(batchId)).toEqual(['failed'])
  })

  it('drops an endpoint it cannot reach and audits everything on the others', async () => {
    const farm = endpoints({ a: 2, b: 2 }, ['a'])
    const batchId = batchOf(5)
    const { auditor, calls } = stubAuditor(farm)
    const lost: string[] = []
    const outcome = await runner(farm, auditor, lost).run(batchId)
    expect(outcome.status).toBe('completed')
    expect(lost).toEqual(['ws://a.farm:3000/?token=t'])
    expect(calls.every((c) => c.on === 'b')).toBe(true)
    expect(calls).toHaveLength(5)
  })

  it('pauses with a zh-CN message when no endpoint is left; the pages stay pending', async () => {
    const farm = endpoints({ a: 1, b: 1 }, ['a', 'b'])
    const batchId = batchOf(3)
    const { auditor } = stubAuditor(farm)
    await expect(runner(farm, auditor).run(batchId)).rejects.toThrow(
      '远程浏览器（共 2 个）都已断开或无法连接，批次已暂停；未检测的页面保留在队列中，恢复远程浏览器后可继续检测（命令行加 --resume）',
    )
    expect(statuses(batchId)).toEqual(['pending', 'pending', 'pending'])
    expect(db.prepare('SELECT status FROM audit_batches WHERE id = ?').pluck().get(batchId)).toBe('paused')
  })
})
