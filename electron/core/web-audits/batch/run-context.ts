import type { PageResult } from '../../../../shared/web/audit-result'
import type { Db } from '../../db/open-database'
import type { RunOptions } from './batch-setup'
import { CrawlScope } from '../crawl/crawl-scope'
import { setRunStatus, type RunStatus } from '../store/queue-store'
import { summarizeRun, type PortalSummary } from '../runs/run-summary'
import type { PortalRef } from '../runs/web-findings'

/** What a worker needs to know about the run a page belongs to; loaded once per run and batch session. */
export interface RunContext {
  runId: number
  startUrl: string
  status: RunStatus
  /** Null for a URL audited without a registered portal. */
  portal: PortalRef | null
  options: RunOptions
  scope: CrawlScope
}

interface RunRow {
  id: number
  start_url: string
  status: RunStatus
  options_json: string
  portal_id: number | null
  unit_id: number | null
}

export function loadRunContexts(db: Db, batchId: number): Map<number, RunContext> {
  const rows = db
    .prepare(
      `SELECT r.id, r.start_url, r.status, r.options_json, r.portal_id, p.unit_id
       FROM audit_runs r LEFT JOIN portals p ON p.id = r.portal_id WHERE r.batch_id = ? ORDER BY r.id`,
    )
    .all(batchId) as RunRow[]
  const map = new Map<number, RunContext>()
  for (const row of rows) {
    const options = JSON.parse(row.options_json) as RunOptions
    const scope = new CrawlScope({
      startUrl: row.start_url,
      include: options.include,
      exclude: options.exclude,
      sameOrigin: options.sameOrigin,
    })
    // On resume, the start page's redirect target is already known.
    const start = db
      .prepare(
        `SELECT result_json FROM audit_pages WHERE run_id = ? AND depth = 0 AND result_json IS NOT NULL`,
      )
      .pluck()
      .get(row.id) as string | undefined
    const finalUrl = start ? (JSON.parse(start) as PageResult).finalUrl : null
    if (finalUrl) scope.allowOriginOf(finalUrl)
    map.set(row.id, {
      runId: row.id,
      startUrl: row.start_url,
      status: row.status,
      portal: row.portal_id === null ? null : { id: row.portal_id, unitId: row.unit_id },
      options,
      scope,
    })
  }
  return map
}

/** Closes a run whose queue is empty: score and summary stored; 'failed' when not one page could be audited. */
export function finishRun(db: Db, run: RunContext, now: Date): PortalSummary {
  const summary = summarizeRun(db, run.runId)
  const status: RunStatus = summary.pages.audited === 0 ? 'failed' : 'completed'
  db.prepare(`UPDATE audit_runs SET score = ?, summary_json = ? WHERE id = ?`).run(
    summary.score,
    JSON.stringify(summary),
    run.runId,
  )
  setRunStatus(db, run.runId, status, now)
  run.status = status
  return summary
}
