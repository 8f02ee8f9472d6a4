import type { PageResult } from '../../../../shared/web/audit-result'
import type { Db } from '../../db/open-database'
import { inTransaction } from '../../db/transaction'

/**
 * The persisted page queue (audit_pages). A page is claimed with a lease inside a transaction; its result is
 * written in the transaction that marks it done; leases left by a closed or crashed app expire and go back to
 * pending on the next start. UNIQUE(run_id, url) + INSERT OR IGNORE keeps each page in a run once. A claim is
 * identified by (id, attempts), so a late answer for a lease that expired and was claimed again is dropped.
 */

export type BatchStatus = 'queued' | 'running' | 'paused' | 'completed' | 'cancelled'
export type RunStatus = 'queued' | 'crawling' | 'running' | 'completed' | 'cancelled' | 'failed'
export type PageStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped'

export interface ClaimedPage {
  id: number
  runId: number
  url: string
  depth: number
  /** Claims so far, this one included: with `id`, the lease token. */
  attempts: number
}

export interface NewPage {
  url: string
  depth: number
}

export interface QueueCounts {
  pending: number
  running: number
  done: number
  failed: number
  skipped: number
  total: number
}

const iso = (d: Date): string => d.toISOString()

export function createBatch(db: Db, options: unknown, now: Date): number {
  return Number(
    db
      .prepare(`INSERT INTO audit_batches (status, options_json, created_at) VALUES ('queued', ?, ?)`)
      .run(JSON.stringify(options ?? {}), iso(now)).lastInsertRowid,
  )
}

export function createRun(
  db: Db,
  run: { batchId: number; portalId: number | null; startUrl: string; options: unknown },
  now: Date,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO audit_runs (batch_id, portal_id, start_url, status, options_json, created_at)
         VALUES (?, ?, ?, 'queued', ?, ?)`,
      )
      .run(run.batchId, run.portalId, run.startUrl, JSON.stringify(run.options ?? {}), iso(now))
      .lastInsertRowid,
  )
}

/**
 * Adds pages to a run's queue, never past `maxPages` pages in the run and never twice (INSERT OR IGNORE on
 * (run_id, url)). Returns how many were added. Call inside the transaction that records where they came from.
 */
export function enqueuePages(
  db: Db,
  runId: number,
  pages: readonly NewPage[],
  maxPages: number,
  now: Date,
): number {
  if (pages.length === 0) return 0
  const count = db.prepare('SELECT COUNT(*) FROM audit_pages WHERE run_id = ?').pluck()
  let room = maxPages - (count.get(runId) as number)
  if (room <= 0) return 0
  const insert = db.prepare(
    `INSERT OR IGNORE INTO audit_pages (run_id, url, depth, status, updated_at) VALUES (?, ?, ?, 'pending', ?)`,
  )
  let added = 0
  for (const page of pages) {
    if (room <= 0) break
    if (insert.run(runId, page.url, page.depth, iso(now)).changes === 1) {
      added++
      room--
    }
  }
  return added
}

/**
 * Pages left `running` by an app that stopped without finishing them (closed, crashed, power cut) whose lease
 * has expired go back to `pending`; those already claimed `maxAttempts` times are failed as crashes instead, so
 * a page that kills the app every time cannot stall the batch. Returns [requeued, failed].
 */
export function recoverExpiredLeases(
  db: Db,
  batchId: number,
  now: Date,
  maxAttempts: number,
): [number, number] {
  return inTransaction(db, () => {
    const expired = db
      .prepare(
        `SELECT p.id, p.url, p.attempts FROM audit_pages p JOIN audit_runs r ON r.id = p.run_id
         WHERE r.batch_id = ? AND p.status = 'running' AND (p.lease_until IS NULL OR p.lease_until < ?)`,
      )
      .all(batchId, iso(now)) as Array<{ id: number; url: string; attempts: number }>
    let failed = 0
    for (const page of expired) {
      if (page.attempts >= maxAttempts) {
        failed++
        writeOutcome(db, page.id, crashResult(page.url, now), now)
      } else {
        db.prepare(
          `UPDATE audit_pages SET status = 'pending', lease_until = NULL, updated_at = ? WHERE id = ?`,
        ).run(iso(now), page.id)
      }
    }
    return [expired.length - failed, failed]
  })
}

/** A result for a page whose audit never came back (the app or browser died each time it was tried). */
export function crashResult(
  url: string,
  now: Date,
  message = '多次检测时浏览器或程序中断，已放弃该页面',
): PageResult {
  return {
    url,
    finalUrl: null,
    status: null,
    title: null,
    ok: false,
    failureReason: 'crash',
    failureMessage: message,
    startedAt: iso(now),
    durationMs: 0,
    results: [],
    framesNotTested: [],
  }
}

/** The host (with port) of a stored, normalised page URL: what lies between "://" and the next "/". */
export function pageHost(url: string): string {
  const start = url.indexOf('://') + 3
  const end = url.indexOf('/', start)
  return url.slice(start, end < 0 ? undefined : end)
}

/** pageHost in SQL, for the same test inside a query. */
const HOST_SQL = `substr(p.url, instr(p.url, '://') + 3, instr(substr(p.url, instr(p.url, '://') + 3) || '/', '/') - 1)`

/** The pending pages of the batch's running runs, minus those on `excludeHosts` (hosts at their politeness limit). */
function pendingWhere(excludeHosts: readonly string[]): string {
  const hosts =
    excludeHosts.length > 0 ? ` AND ${HOST_SQL} NOT IN (${excludeHosts.map(() => '?').join(',')})` : ''
  return `p.status = 'pending'
           AND p.run_id IN (SELECT id FROM audit_runs WHERE batch_id = ? AND status IN ('crawling', 'running'))${hosts}`
}

/**
 * Claims the next pending page of the batch's running runs: shallower pages first (breadth-first), preferring
 * runs not in `busyRunIds` (another worker is already on that portal: be polite, spread the load), never a page
 * on one of `excludeHosts` (hosts with as many pages in flight as politeness allows).
 */
export function claimPage(
  db: Db,
  batchId: number,
  now: Date,
  leaseMs: number,
  busyRunIds: readonly number[] = [],
  excludeHosts: readonly string[] = [],
): ClaimedPage | null {
  return inTransaction(db, () => {
    const busy = busyRunIds.length > 0 ? `p.run_id IN (${busyRunIds.map(Number).join(',')}), ` : ''
    const row = db
      .prepare(
        `SELECT p.id, p.run_id AS runId, p.url, p.depth, p.attempts FROM audit_pages p
         WHERE ${pendingWhere(excludeHosts)}
         ORDER BY ${busy}p.depth, p.id LIMIT 1`,
      )
      .get(batchId, ...excludeHosts) as ClaimedPage | undefined
    if (!row) return null
    db.prepare(
      `UPDATE audit_pages SET status = 'running', attempts = attempts + 1, lease_until = ?, updated_at = ?
       WHERE id = ?`,
    ).run(iso(new Date(now.getTime() + leaseMs)), iso(now), row.id)
    return { ...row, attempts: row.attempts + 1 }
  })
}

/** Whether claimPage would find a page now (without claiming it). */
export function hasClaimablePage(db: Db, batchId: number, excludeHosts: readonly string[] = []): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM audit_pages p WHERE ${pendingWhere(excludeHosts)} LIMIT 1`)
      .get(batchId, ...excludeHosts) !== undefined
  )
}

/** A link that turned out not to be a page (a download, a PDF) is skipped, not failed: the site did nothing wrong. */
export function pageStatusOf(result: PageResult): PageStatus {
  if (result.ok) return 'done'
  return result.failureReason === 'not-html' ? 'skipped' : 'failed'
}

function writeOutcome(db: Db, pageId: number, result: PageResult, now: Date): void {
  db.prepare(
    `UPDATE audit_pages SET status = ?, failure_reason = ?, result_json = ?, lease_until = NULL, updated_at = ?
     WHERE id = ?`,
  ).run(
    pageStatusOf(result),
    result.ok ? null : (result.failureReason ?? 'internal'),
    JSON.stringify(result),
    iso(now),
    pageId,
  )
}

/**
 * Records a page's result — and, through `alongside`, its findings and the links it led to — in one
 * transaction. Returns false (and writes nothing) when this claim is no longer the page's current one.
 */
export function completePage(
  db: Db,
  page: ClaimedPage,
  result: PageResult,
  now: Date,
  alongside?: () => void,
): boolean {
  return inTransaction(db, () => {
    const current = db
      .prepare(`SELECT 1 FROM audit_pages WHERE id = ? AND status = 'running' AND attempts = ?`)
      .get(page.id, page.attempts)
    if (!current) return false
    writeOutcome(db, page.id, result, now)
    alongside?.()
    return true
  })
}

/** Extends the lease of a page still being audited (a live runner's leases never expire under it). */
export function renewLease(db: Db, page: ClaimedPage, now: Date, leaseMs: number): void {
  db.prepare(
    `UPDATE audit_pages SET lease_until = ? WHERE id = ? AND status = 'running' AND attempts = ?`,
  ).run(iso(new Date(now.getTime() + leaseMs)), page.id, page.attempts)
}

/** When the earliest lease among the batch's pages in flight ends (null when none is in flight). */
export function earliestLeaseEnd(db: Db, batchId: number): Date | null {
  const until = db
    .prepare(
      `SELECT MIN(p.lease_until) FROM audit_pages p JOIN audit_runs r ON r.id = p.run_id
       WHERE r.batch_id = ? AND p.status = 'running'`,
    )
    .pluck()
    .get(batchId) as string | null
  return until ? new Date(until) : null
}

/** Gives a claimed page back (cancel, abort, or an audit cut short by a browser crash) without recording a result. */
export function releasePage(db: Db, page: ClaimedPage, now: Date): void {
  db.prepare(
    `UPDATE audit_pages SET status = 'pending', lease_until = NULL, updated_at = ?
     WHERE id = ? AND status = 'running' AND attempts = ?`,
  ).run(iso(now), page.id, page.attempts)
}

export function queueCounts(db: Db, batchId: number, runId?: number): QueueCounts {
  const rows = db
    .prepare(
      `SELECT p.status, COUNT(*) AS n FROM audit_pages p JOIN audit_runs r ON r.id = p.run_id
       WHERE r.batch_id = ? AND (? IS NULL OR r.id = ?) GROUP BY p.status`,
    )
    .all(batchId, runId ?? null, runId ?? null) as Array<{ status: PageStatus; n: number }>
  const counts: QueueCounts = { pending: 0, running: 0, done: 0, failed: 0, skipped: 0, total: 0 }
  for (const r of rows) {
    counts[r.status] = r.n
    counts.total += r.n
  }
  return counts
}

export function setBatchStatus(db: Db, batchId: number, status: BatchStatus, now: Date): void {
  if (status === 'running')
    db.prepare(
      `UPDATE audit_batches SET status = ?, started_at = COALESCE(started_at, ?), finished_at = NULL WHERE id = ?`,
    ).run(status, iso(now), batchId)
  else if (status === 'queued')
    db.prepare(`UPDATE audit_batches SET status = ? WHERE id = ?`).run(status, batchId)
  else
    db.prepare(`UPDATE audit_batches SET status = ?, finished_at = ? WHERE id = ?`).run(
      status,
      iso(now),
      batchId,
    )
}

export function setRunStatus(db: Db, runId: number, status: RunStatus, now: Date): void {
  if (status === 'running' || status === 'crawling')
    db.prepare(
      `UPDATE audit_runs SET status = ?, started_at = COALESCE(started_at, ?), finished_at = NULL WHERE id = ?`,
    ).run(status, iso(now), runId)
  else
    db.prepare(`UPDATE audit_runs SET status = ?, finished_at = ? WHERE id = ?`).run(status, iso(now), runId)
}

/** The page results of a run in queue order, one at a time (a 10 000-page run is never held in memory). */
export function* iterateRunResults(db: Db, runId: number): Generator<PageResult> {
  const rows = db
    .prepare(
      `SELECT result_json FROM audit_pages WHERE run_id = ? AND result_json IS NOT NULL ORDER BY depth, id`,
    )
    .pluck()
    .iterate(runId) as IterableIterator<string>
  for (const json of rows) yield JSON.parse(json) as PageResult
}
