import { classifyKeys } from '../web-audits/runs/run-compare'
import type { Db } from '../db/open-database'
import type { LinkedFinding } from './item-content'

/**
 * A web item keeps the findings of every run that reported it, but a notice must list only what is still wrong.
 * The portal's latest completed run decides, with the run comparison's own classification: an element the run
 * no longer reports on a page it audited is fixed and left out; one on a page the run could not audit
 * (unchecked) stays, since nobody saw it fixed.
 */

interface LatestRun {
  id: number
  keys: Set<string>
  auditedPages: Set<string>
}

function pageUrlOf(evidenceJson: string): string {
  try {
    const value = JSON.parse(evidenceJson) as { pageUrl?: unknown }
    return typeof value.pageUrl === 'string' ? value.pageUrl : ''
  } catch {
    return ''
  }
}

/** Reads each portal's latest completed run once per batch of items. */
export function latestRunReader(db: Db): (portalId: number) => LatestRun | null {
  const cache = new Map<number, LatestRun | null>()
  const runQuery = db
    .prepare(
      `SELECT id FROM audit_runs WHERE portal_id = ? AND status = 'completed' ORDER BY id DESC LIMIT 1`,
    )
    .pluck()
  const keysQuery = db.prepare('SELECT DISTINCT match_key FROM findings WHERE audit_run_id = ?').pluck()
  const pagesQuery = db.prepare(`SELECT url FROM audit_pages WHERE run_id = ? AND status = 'done'`).pluck()
  return (portalId) => {
    if (cache.has(portalId)) return cache.get(portalId)!
    const runId = runQuery.get(portalId) as number | undefined
    const run =
      runId === undefined
        ? null
        : {
            id: runId,
            keys: new Set(keysQuery.all(runId) as string[]),
            auditedPages: new Set(pagesQuery.all(runId) as string[]),
          }
    cache.set(portalId, run)
    return run
  }
}

/**
 * The match keys of an item's elements that the latest run shows fixed. Only elements last reported before that
 * run are compared: a finding of a newer run that did not complete (or of that very run) is still current.
 */
export function fixedElementKeys(findings: readonly LinkedFinding[], run: LatestRun | null): Set<string> {
  const fixed = new Set<string>()
  if (run === null) return fixed
  const newest = new Map<string, LinkedFinding>()
  for (const finding of findings) newest.set(finding.matchKey, finding)
  const previous = new Map<string, string>()
  for (const [key, finding] of newest) {
    if (finding.auditRunId !== null && finding.auditRunId < run.id) {
      previous.set(key, pageUrlOf(finding.evidenceJson))
    }
  }
  if (previous.size === 0) return fixed
  for (const [key, change] of classifyKeys(previous, run.keys, run.auditedPages)) {
    if (change === 'fixed') fixed.add(key)
  }
  return fixed
}
