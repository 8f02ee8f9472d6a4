import type { SameOriginOptions } from '../../../../shared/web/url-normalize'
import type { Db } from '../../db/open-database'
import { inTransaction } from '../../db/transaction'
import type { PortalRow } from '../../registry/portal-store'
import { createBatch, createRun, enqueuePages } from '../store/queue-store'

/**
 * Creating a batch: one run per portal, each with the options it is crawled with (copied into the run, so a
 * later change to the portal does not change what an unfinished run does on resume), and the start page queued.
 */

export interface RunOptions {
  maxPages: number
  maxDepth: number
  include: string[]
  exclude: string[]
  /** Read sitemap.xml / robots.txt sitemaps (pages at depth 1). */
  sitemap: boolean
  /**
   * 'audit': links are gathered during each page's audit (one page load per page).
   * 'prefetch': the portal is crawled over HTTP first (crawlPortal), then audited; no links read during audits.
   */
  discovery: 'audit' | 'prefetch'
  sameOrigin?: SameOriginOptions
}

export interface BatchPortal {
  portal: PortalRow
  /** Overrides of the portal's stored limits for this run. */
  options?: Partial<RunOptions>
}

export interface CreatedBatch {
  batchId: number
  runIds: number[]
}

export function runOptionsFor(portal: PortalRow, overrides: Partial<RunOptions> = {}): RunOptions {
  return {
    maxPages: portal.maxPages,
    maxDepth: portal.maxDepth,
    include: portal.include,
    exclude: portal.exclude,
    sitemap: true,
    discovery: 'audit',
    ...overrides,
  }
}

export function createAuditBatch(
  db: Db,
  portals: readonly BatchPortal[],
  batchOptions: Record<string, unknown>,
  now: Date,
): CreatedBatch {
  return inTransaction(db, () => {
    const batchId = createBatch(db, batchOptions, now)
    const runIds = portals.map(({ portal, options }) => {
      const runOptions = runOptionsFor(portal, options)
      const runId = createRun(
        db,
        { batchId, portalId: portal.id, startUrl: portal.startUrl, options: runOptions },
        now,
      )
      enqueuePages(db, runId, [{ url: portal.startUrl, depth: 0 }], runOptions.maxPages, now)
      return runId
    })
    return { batchId, runIds }
  })
}

/** The most recent batch that did not complete and audits exactly these start URLs (for `--resume`). */
export function findResumableBatch(db: Db, startUrls: readonly string[]): number | null {
  const wanted = [...startUrls].sort().join('\n')
  const batches = db
    .prepare(`SELECT id FROM audit_batches WHERE status != 'completed' ORDER BY id DESC LIMIT 50`)
    .pluck()
    .all() as number[]
  for (const id of batches) {
    const urls = db.prepare('SELECT start_url FROM audit_runs WHERE batch_id = ?').pluck().all(id) as string[]
    if ([...urls].sort().join('\n') === wanted) return id
  }
  return null
}
