import type { Db } from '../../db/open-database'

/**
 * Compares two runs of the same portal: each finding is new (only in the current run), persisting (in both) or
 * fixed (only in the previous run, on a page the current run audited successfully), matched by match key (rule +
 * normalised page URL + the node's fingerprint). A previous finding on a page the current run did not audit —
 * the page failed to load, or fell outside the new limits — is `unchecked`: calling it fixed would close a
 * rectification item nobody verified.
 */

export type FindingChange = 'new' | 'persisting' | 'fixed' | 'unchecked'

export interface ComparedFinding {
  change: FindingChange
  matchKey: string
  /** The current run's finding (new, persisting) or the previous run's (fixed, unchecked). */
  findingId: number
  ruleId: string
  pageUrl: string
  title: string
  severity: string
  needsReview: boolean
}

export interface RunComparison {
  previousRunId: number
  currentRunId: number
  findings: ComparedFinding[]
  counts: Record<FindingChange, number>
}

interface Row {
  id: number
  match_key: string
  check_id: string | null
  title: string
  severity: string
  needs_review: number
  page_url: string | null
}

/** Pure classification of match keys; `auditedPages` holds the pages the current run audited successfully. */
export function classifyKeys(
  previous: ReadonlyMap<string, string>,
  current: Iterable<string>,
  auditedPages: ReadonlySet<string>,
): Map<string, FindingChange> {
  const result = new Map<string, FindingChange>()
  for (const key of current) result.set(key, previous.has(key) ? 'persisting' : 'new')
  for (const [key, pageUrl] of previous) {
    if (!result.has(key)) result.set(key, auditedPages.has(pageUrl) ? 'fixed' : 'unchecked')
  }
  return result
}

function runFindings(db: Db, runId: number): Row[] {
  return db
    .prepare(
      `SELECT id, match_key, check_id, title, severity, needs_review,
              json_extract(evidence_json, '$.pageUrl') AS page_url
       FROM findings WHERE source = 'web' AND audit_run_id = ? ORDER BY id`,
    )
    .all(runId) as Row[]
}

export function compareRuns(db: Db, previousRunId: number, currentRunId: number): RunComparison {
  const runs = db
    .prepare('SELECT id, portal_id FROM audit_runs WHERE id IN (?, ?)')
    .all(previousRunId, currentRunId) as Array<{ id: number; portal_id: number | null }>
  if (runs.length !== (previousRunId === currentRunId ? 1 : 2)) throw new Error('检测记录不存在')
  if (runs[0]?.portal_id !== runs[runs.length - 1]?.portal_id) throw new Error('只能比较同一网站的两次检测')

  const before = runFindings(db, previousRunId)
  const after = runFindings(db, currentRunId)
  const audited = new Set(
    db
      .prepare(`SELECT url FROM audit_pages WHERE run_id = ? AND status = 'done'`)
      .pluck()
      .all(currentRunId) as string[],
  )
  const firstByKey = (rows: Row[]) => {
    const map = new Map<string, Row>()
    for (const r of rows) if (!map.has(r.match_key)) map.set(r.match_key, r)
    return map
  }
  const prevByKey = firstByKey(before)
  const currByKey = firstByKey(after)
  const changes = classifyKeys(
    new Map([...prevByKey].map(([k, r]) => [k, r.page_url ?? ''])),
    currByKey.keys(),
    audited,
  )
  const counts: Record<FindingChange, number> = { new: 0, persisting: 0, fixed: 0, unchecked: 0 }
  const findings: ComparedFinding[] = []
  for (const [key, change] of changes) {
    const row = (currByKey.get(key) ?? prevByKey.get(key)) as Row
    counts[change]++
    findings.push({
      change,
      matchKey: key,
      findingId: row.id,
      ruleId: row.check_id ?? '',
      pageUrl: row.page_url ?? '',
      title: row.title,
      severity: row.severity,
      needsReview: row.needs_review === 1,
    })
  }
  return { previousRunId, currentRunId, findings, counts }
}

/** The latest completed run of the same portal created before `runId`, or null. */
export function previousRunOf(db: Db, runId: number): number | null {
  const id = db
    .prepare(
      `SELECT p.id FROM audit_runs p JOIN audit_runs c ON c.id = ?
       WHERE p.portal_id = c.portal_id AND p.id < c.id AND p.status = 'completed'
       ORDER BY p.id DESC LIMIT 1`,
    )
    .pluck()
    .get(runId) as number | undefined
  return id ?? null
}
