import type { Db } from '../../db/open-database'
import { iterateRunResults } from '../store/queue-store'
import { compareRuns, previousRunOf } from '../runs/run-compare'
import { summarizeRun, type PortalSummary } from '../runs/run-summary'
import type { ReportSource } from './report-types'
import { readRunDocuments } from '../linked-docs/check-documents'
import { readRunOverlays } from '../runs/run-overlays'

/**
 * A batch's runs as a report source: portal, status, stored summary, comparison with the portal's previous run,
 * and the pages streamed from audit_pages when the reporter asks for them.
 */
export function auditReportSource(db: Db, batchId: number, header: ReportSource['header']): ReportSource {
  const runs = db
    .prepare(
      `SELECT r.id, r.start_url, r.status, r.summary_json,
         COALESCE(p.name, json_extract(r.options_json, '$.name')) AS name
       FROM audit_runs r LEFT JOIN portals p ON p.id = r.portal_id WHERE r.batch_id = ? ORDER BY r.id`,
    )
    .all(batchId) as Array<{
    id: number
    start_url: string
    status: string
    summary_json: string | null
    name: string | null
  }>
  return {
    header,
    portals: runs.map((run) => {
      const previous = previousRunOf(db, run.id)
      const summary = run.summary_json
        ? (JSON.parse(run.summary_json) as PortalSummary)
        : summarizeRun(db, run.id)
      const documents = readRunDocuments(db, run.id)
      const overlays = readRunOverlays(db, run.id)
      return {
        startUrl: run.start_url,
        ...(run.name ? { name: run.name } : {}),
        runId: run.id,
        status: run.status,
        summary,
        ...(previous !== null
          ? { comparison: { previousRunId: previous, counts: compareRuns(db, previous, run.id).counts } }
          : {}),
        ...(documents.length > 0 ? { documents } : {}),
        ...(overlays.length > 0 ? { overlays } : {}),
        pages: () => iterateRunResults(db, run.id),
      }
    }),
  }
}
