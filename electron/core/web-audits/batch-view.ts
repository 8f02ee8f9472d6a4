import { ApiError } from '../../../shared/api/errors'
import type { AuditBatchView } from '../../../shared/domain/audits'
import type { Db } from '../db/open-database'
import type { BatchProgress } from './batch/batch-progress'
import { queueCounts } from './store/queue-store'

/** What the process running a batch knows of it that the database does not. */
export interface LiveBatches {
  isActive: (batchId: number) => boolean
  lastProgress: (batchId: number) => BatchProgress | null
  errorOf: (batchId: number) => string | null
}

/** The batch view: live numbers while running, stored counts afterwards. */
export function batchView(db: Db, live: LiveBatches, batchId: number): AuditBatchView {
  const batch = db.prepare('SELECT * FROM audit_batches WHERE id = ?').get(batchId) as
    { id: number; status: AuditBatchView['status']; created_at: string } | undefined
  if (!batch) throw new ApiError('NOT_FOUND', `检测批次（编号 ${batchId}）不存在`)
  const counts = queueCounts(db, batchId)
  const progress = live.lastProgress(batchId)
  const runs = db
    .prepare(
      `SELECT r.id AS run_id, r.portal_id, COALESCE(p.name, json_extract(r.options_json, '$.name'), r.start_url)
         AS portal_name, r.status, r.score
       FROM audit_runs r LEFT JOIN portals p ON p.id = r.portal_id WHERE r.batch_id = ? ORDER BY r.id`,
    )
    .all(batchId) as Array<{
    run_id: number
    portal_id: number | null
    portal_name: string
    status: string
    score: number | null
  }>
  return {
    batchId,
    status: batch.status,
    active: live.isActive(batchId),
    done: counts.done,
    skipped: counts.skipped,
    failed: counts.failed,
    remaining: counts.pending + counts.running,
    total: counts.total,
    elapsedMs: progress?.elapsedMs ?? 0,
    etaMs: progress?.etaMs ?? null,
    pagesPerMinute: progress?.pagesPerMinute ?? null,
    createdAt: batch.created_at,
    error: live.errorOf(batchId),
    runs: runs.map((r) => ({
      runId: r.run_id,
      portalId: r.portal_id,
      portalName: r.portal_name,
      status: r.status,
      score: r.score,
    })),
  }
}

/** The most recent batches, newest first. */
export function recentBatchIds(db: Db, limit = 20): number[] {
  return db.prepare('SELECT id FROM audit_batches ORDER BY id DESC LIMIT ?').pluck().all(limit) as number[]
}
