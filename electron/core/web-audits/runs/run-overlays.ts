import type { OverlayFinding, RunOverlay } from '../../../../shared/web/audit-result'
import type { Db } from '../../db/open-database'

/**
 * The accessibility overlays found on a run's pages, one entry per overlay with the pages where it was found, in
 * crawl order. Information only: overlays are never a finding and never change the score (shared/web/overlays.ts).
 * Reads only the `overlays` of the stored page results (SQLite's JSON functions), not the whole results.
 */
export function readRunOverlays(db: Db, runId: number): RunOverlay[] {
  const rows = db
    .prepare(
      `SELECT COALESCE(json_extract(result_json, '$.finalUrl'), url) AS page,
         json_extract(result_json, '$.overlays') AS overlays
       FROM audit_pages
       WHERE run_id = ? AND result_json IS NOT NULL AND json_type(result_json, '$.overlays') = 'array'
       ORDER BY depth, id`,
    )
    .all(runId) as Array<{ page: string; overlays: string }>
  const byId = new Map<string, RunOverlay>()
  for (const row of rows) {
    for (const o of JSON.parse(row.overlays) as OverlayFinding[]) {
      const entry = byId.get(o.id) ?? { id: o.id, name: o.name, blocked: false, pages: [] }
      entry.blocked ||= o.blocked
      if (!entry.pages.includes(row.page)) entry.pages.push(row.page)
      byId.set(o.id, entry)
    }
  }
  return [...byId.values()]
}
