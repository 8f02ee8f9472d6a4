import { ApiError } from '../../../../shared/api/errors'
import type {
  AuditComparisonView,
  AuditRunDetail,
  AuditRunView,
  RuleDrill,
} from '../../../../shared/domain/audits'
import { iterateRunResults } from '../store/queue-store'
import { readRunDocuments } from '../linked-docs/check-documents'
import { compareRuns, previousRunOf } from './run-compare'
import { readRunOverlays } from './run-overlays'
import type { Db } from '../../db/open-database'

/** Read models of the audit screens: runs, per-rule drill-down, run-to-run comparison. */

interface RunRow {
  id: number
  batch_id: number | null
  portal_id: number | null
  portal_name: string | null
  start_url: string
  status: string
  score: number | null
  summary_json: string | null
  created_at: string
  finished_at: string | null
}

const runSelect = `SELECT r.*, p.name AS portal_name FROM audit_runs r LEFT JOIN portals p ON p.id = r.portal_id`

function toRunView(db: Db, row: RunRow): AuditRunView {
  return {
    runId: row.id,
    batchId: row.batch_id,
    portalId: row.portal_id,
    portalName: row.portal_name ?? row.start_url,
    startUrl: row.start_url,
    status: row.status,
    score: row.score,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    previousRunId: previousRunOf(db, row.id),
    summary: row.summary_json ? (JSON.parse(row.summary_json) as AuditRunView['summary']) : null,
  }
}

export function listRuns(db: Db, portalId: number | undefined): AuditRunView[] {
  const rows = (
    portalId
      ? db.prepare(`${runSelect} WHERE r.portal_id = ? ORDER BY r.created_at DESC, r.id DESC`).all(portalId)
      : db.prepare(`${runSelect} ORDER BY r.created_at DESC, r.id DESC LIMIT 200`).all()
  ) as RunRow[]
  return rows.map((row) => toRunView(db, row))
}

function runRow(db: Db, runId: number): RunRow {
  const row = db.prepare(`${runSelect} WHERE r.id = ?`).get(runId) as RunRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', `检测记录（编号 ${runId}）不存在`)
  return row
}

const impactOrder = { critical: 0, serious: 1, moderate: 2, minor: 3 } as const

/** Groups the run's page results by rule: violations first (by impact), then needs-review items. */
export function runDetail(db: Db, runId: number, nodesPerPage = 20): AuditRunDetail {
  const view = toRunView(db, runRow(db, runId))
  const rules = new Map<string, RuleDrill>()
  const failedPages: AuditRunDetail['failedPages'] = []
  for (const page of iterateRunResults(db, runId)) {
    if (!page.ok) {
      failedPages.push({
        url: page.url,
        reason: page.failureReason ?? null,
        message: page.failureMessage ?? null,
        status: page.status,
      })
      continue
    }
    for (const result of page.results) {
      const key = `${result.ruleId}|${result.needsReview ? 'review' : 'fail'}`
      const drill =
        rules.get(key) ??
        ({
          ruleId: result.ruleId,
          source: result.source,
          impact: result.impact,
          needsReview: result.needsReview,
          reviewReason: result.reviewReason ?? null,
          description: result.description,
          help: result.help,
          helpUrl: result.helpUrl ?? null,
          refs: result.refs,
          level: result.level,
          pageCount: 0,
          nodeCount: 0,
          pages: [],
        } satisfies RuleDrill)
      drill.pageCount++
      drill.nodeCount += result.nodeCount
      drill.pages.push({
        url: page.finalUrl ?? page.url,
        title: page.title,
        nodes: result.nodes.slice(0, nodesPerPage).map((n) => ({
          selector: n.selector,
          html: n.html,
          failureSummary: n.failureSummary ?? null,
          screenshot: n.screenshot ?? null,
        })),
      })
      rules.set(key, drill)
    }
  }
  const sorted = [...rules.values()].sort(
    (a, b) =>
      Number(a.needsReview) - Number(b.needsReview) ||
      (impactOrder[a.impact ?? 'minor'] ?? 4) - (impactOrder[b.impact ?? 'minor'] ?? 4) ||
      b.nodeCount - a.nodeCount,
  )
  return {
    ...view,
    rules: sorted,
    failedPages,
    documents: readRunDocuments(db, runId),
    overlays: readRunOverlays(db, runId),
  }
}

export function compareRunViews(db: Db, runId: number, previousRunId?: number): AuditComparisonView {
  runRow(db, runId)
  const previous = previousRunId ?? previousRunOf(db, runId)
  if (previous === null) {
    return {
      previousRunId: null,
      currentRunId: runId,
      counts: { new: 0, persisting: 0, fixed: 0, unchecked: 0 },
      findings: [],
    }
  }
  const comparison = compareRuns(db, previous, runId)
  return {
    previousRunId: previous,
    currentRunId: runId,
    counts: comparison.counts,
    findings: comparison.findings.map((f) => ({
      change: f.change,
      ruleId: f.ruleId,
      pageUrl: f.pageUrl,
      title: f.title,
      severity: f.severity,
      needsReview: f.needsReview,
    })),
  }
}
