import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAuditBatch } from '../../../../electron/core/web-audits/batch/batch-setup'
import { registerPortal } from '../../../support/portals'
import {
  claimPage,
  completePage,
  enqueuePages,
  hasClaimablePage,
  pageHost,
  queueCounts,
  recoverExpiredLeases,
  releasePage,
} from '../../../../electron/core/web-audits/store/queue-store'
import { openDatabase, type Db } from '../../../../electron/core/db/open-database'
import { makeTempDir } from '../../../support/temp-dir'
import { failedPage, pageResult } from '../audit-fakes'

let db: Db
let cleanup: () => void
const t0 = new Date('2026-03-01T08:00:00.000Z')
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000)

beforeEach(() => {
  const temp = makeTempDir()
  cleanup = temp.cleanup
  db = openDatabase(temp.dir)
})
afterEach(() => {
  db.close()
  cleanup()
})

function batchFor(...startUrls: string[]) {
  const portals = startUrls.map((url, i) =>
    registerPortal(db, { name: `门户 ${i}`, startUrl: url, maxPages: 5 }, t0),
  )
  return createAuditBatch(
    db,
    portals.map((portal) => ({ portal })),
    {},
    t0,
  )
}

const pageRow = (id: number) =>
  db
    .prepare(
      'SELECT status, attempts, failure_reason, result_json, lease_until FROM audit_pages WHERE id = ?',
    )
    .get(id) as {
    status: string
    attempts: number
    failure_reason: string | null
    result_json: string | null
    lease_until: string | null
  }

describe('page queue', () => {
  it('queues the start page on creation and never a page twice, nor past the page limit', () => {
    const { runIds } = batchFor('http://a.example/')
    const runId = runIds[0] as number
    const urls = ['http://a.example/1', 'http://a.example/2', 'http://a.example/1', 'http://a.example/']
    expect(
      enqueuePages(
        db,
        runId,
        urls.map((url) => ({ url, depth: 1 })),
        5,
        t0,
      ),
    ).toBe(2)
    const more = ['3', '4', '5', '6'].map((n) => ({ url: `http://a.example/${n}`, depth: 2 }))
    expect(enqueuePages(db, runId, more, 5, t0)).toBe(2)
    expect(queueCounts(db, 1).pending).toBe(5)
  })

  it('claims breadth-first with a lease and prefers portals no other worker is on', () => {
    const { batchId, runIds } = batchFor('http://a.example/', 'http://b.example/')
    db.prepare(`UPDATE audit_runs SET status = 'running'`).run()
    enqueuePages(db, runIds[0] as number, [{ url: 'http://a.example/x', depth: 1 }], 5, t0)
    const first = claimPage(db, batchId, t0, 60_000)
    expect(first).toMatchObject({ url: 'http://a.example/', depth: 0, attempts: 1 })
    expect(pageRow(first!.id)).toMatchObject({ status: 'running', lease_until: at(60).toISOString() })
    // Another worker is on portal a: b's start page comes next, then a's deeper page.
    expect(claimPage(db, batchId, t0, 60_000, [runIds[0] as number])?.url).toBe('http://b.example/')
    expect(claimPage(db, batchId, t0, 60_000)?.url).toBe('http://a.example/x')
    expect(claimPage(db, batchId, t0, 60_000)).toBeNull()
  })

  it('claims no page of a host at its politeness limit, and says whether a page could be claimed', () => {
    const { batchId, runIds } = batchFor('http://a.example:8080/', 'http://b.example/')
    db.prepare(`UPDATE audit_runs SET status = 'running'`).run()
    enqueuePages(db, runIds[0] as number, [{ url: 'http://a.example:8080/x?q=1', depth: 1 }], 5, t0)
    expect(pageHost('http://a.example:8080/x?q=1')).toBe('a.example:8080')
    expect(claimPage(db, batchId, t0, 1000, [], ['a.example:8080'])?.url).toBe('http://b.example/')
    expect(hasClaimablePage(db, batchId, ['a.example:8080'])).toBe(false)
    expect(claimPage(db, batchId, t0, 1000, [], ['a.example:8080'])).toBeNull()
    expect(hasClaimablePage(db, batchId, ['a.example'])).toBe(true) // another port is another host
    expect(claimPage(db, batchId, t0, 1000, [], ['b.example'])?.url).toBe('http://a.example:8080/')
  })

  it('claims nothing from runs that are not running (queued, cancelled, completed)', () => {
    const { batchId } = batchFor('http://a.example/')
    expect(claimPage(db, batchId, t0, 1000)).toBeNull()
    db.prepare(`UPDATE audit_runs SET status = 'crawling'`).run()
    expect(claimPage(db, batchId, t0, 1000)).not.toBeNull()
  })

  it('writes the result in the transaction that marks the page done, with the extra writes', () => {
    const { batchId, runIds } = batchFor('http://a.example/')
    db.prepare(`UPDATE audit_runs SET status = 'running'`).run()
    const page = claimPage(db, batchId, t0, 1000)!
    const ok = completePage(db, page, pageResult(page.url), at(1), () =>
      enqueuePages(db, runIds[0] as number, [{ url: 'http://a.example/next', depth: 1 }], 5, at(1)),
    )
    expect(ok).toBe(true)
    expect(pageRow(page.id)).toMatchObject({ status: 'done', failure_reason: null, lease_until: null })
    expect(JSON.parse(pageRow(page.id).result_json!)).toMatchObject({ url: 'http://a.example/', ok: true })
    expect(queueCounts(db, batchId)).toMatchObject({ pending: 1, done: 1, total: 2 })
  })

  it('rolls back the result when a write alongside it fails', () => {
    const { batchId } = batchFor('http://a.example/')
    db.prepare(`UPDATE audit_runs SET status = 'running'`).run()
    const page = claimPage(db, batchId, t0, 1000)!
    expect(() =>
      completePage(db, page, pageResult(page.url), t0, () => {
        throw new Error('disk full')
      }),
    ).toThrow('disk full')
    expect(pageRow(page.id)).toMatchObject({ status: 'running', result_json: null })
  })

  it('records failures with their reason, and a link that is no page as skipped', () => {
    const { batchId, runIds } = batchFor('http://a.example/')
    db.prepare(`UPDATE audit_runs SET status = 'running'`).run()
    enqueuePages(db, runIds[0] as number, [{ url: 'http://a.example/f.jsp', depth: 1 }], 5, t0)
    const a = claimPage(db, batchId, t0, 1000)!
    const b = claimPage(db, batchId, t0, 1000)!
    completePage(db, a, failedPage(a.url, 'http-status', '服务器返回错误状态码 500'), t0)
    completePage(db, b, failedPage(b.url, 'not-html'), t0)
    expect(pageRow(a.id)).toMatchObject({ status: 'failed', failure_reason: 'http-status' })
    expect(pageRow(b.id)).toMatchObject({ status: 'skipped', failure_reason: 'not-html' })
  })

  it('drops a late answer for a lease that expired and was claimed again (no result twice)', () => {
    const { batchId } = batchFor('http://a.example/')
    db.prepare(`UPDATE audit_runs SET status = 'running'`).run()
    const stale = claimPage(db, batchId, t0, 1000)!
    expect(recoverExpiredLeases(db, batchId, at(5), 3)).toEqual([1, 0])
    const fresh = claimPage(db, batchId, at(5), 1000)!
    expect(fresh).toMatchObject({ id: stale.id, attempts: 2 })
    expect(completePage(db, stale, pageResult(stale.url, [], { title: 'stale' }), at(6))).toBe(false)
    expect(completePage(db, fresh, pageResult(fresh.url, [], { title: 'fresh' }), at(6))).toBe(true)
    expect(JSON.parse(pageRow(fresh.id).result_json!).title).toBe('fresh')
    releasePage(db, stale, at(7)) // a stale release is a no-op too
    expect(pageRow(fresh.id).status).toBe('done')
  })

  it('on restart, puts expired leases back to pending, keeps live ones, and fails pages that keep dying', () => {
    const { batchId, runIds } = batchFor('http://a.example/')
    db.prepare(`UPDATE audit_runs SET status = 'running'`).run()
    enqueuePages(
      db,
      runIds[0] as number,
      [1, 2].map((n) => ({ url: `http://a.example/${n}`, depth: 1 })),
      5,
      t0,
    )
    const a = claimPage(db, batchId, t0, 10_000)! // lease until t0 + 10 s
    const b = claimPage(db, batchId, t0, 60_000)! // still leased at t0 + 30 s
    const c = claimPage(db, batchId, t0, 10_000)!
    db.prepare('UPDATE audit_pages SET attempts = 2 WHERE id = ?').run(c.id) // died under two runners already
    expect(recoverExpiredLeases(db, batchId, at(30), 2)).toEqual([1, 1])
    expect(pageRow(a.id)).toMatchObject({ status: 'pending', lease_until: null, attempts: 1 })
    expect(pageRow(b.id).status).toBe('running')
    expect(pageRow(c.id)).toMatchObject({ status: 'failed', failure_reason: 'crash' })
    expect(JSON.parse(pageRow(c.id).result_json!)).toMatchObject({ ok: false, failureReason: 'crash' })
  })
})
