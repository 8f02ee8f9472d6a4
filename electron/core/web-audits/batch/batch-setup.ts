import { defaultPortalLimits, type Portal } from '../../../../shared/domain/portals'
import type { SameOriginOptions } from '../../../../shared/web/url-normalize'
import type { Db } from '../../db/open-database'
import { inTransaction } from '../../db/transaction'
import { createBatch, createRun, enqueuePages } from '../store/queue-store'

/**
 * Creating a batch: one run per target, each with the options it is crawled with (copied into the run, so a
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
  /** The name a URL list gave an unregistered URL (a registered portal's name is the portal's). */
  name?: string
}

/** What a run needs of a registered portal: its identity and its saved crawl settings. */
export type PortalSettings = Pick<Portal, 'id' | 'startUrl' | 'maxPages' | 'maxDepth' | 'include' | 'exclude'>

/**
 * One run of a batch: a registered portal (its saved settings, with `options` overriding them for this run only),
 * or a URL audited without a registered portal (the default limits, then `options`).
 */
export type BatchTarget =
  | { portal: PortalSettings; options?: Partial<RunOptions> }
  | { url: string; name?: string; options?: Partial<RunOptions> }

export interface CreatedBatch {
  batchId: number
  runIds: number[]
}

export function runOptionsFor(
  portal: PortalSettings | null,
  overrides: Partial<RunOptions> = {},
): RunOptions {
  return {
    maxPages: portal?.maxPages ?? defaultPortalLimits.maxPages,
    maxDepth: portal?.maxDepth ?? defaultPortalLimits.maxDepth,
    include: portal?.include ?? [],
    exclude: portal?.exclude ?? [],
    sitemap: true,
    discovery: 'audit',
    ...overrides,
  }
}

export function createAuditBatch(
  db: Db,
  targets: readonly BatchTarget[],
  batchOptions: Record<string, unknown>,
  now: Date,
): CreatedBatch {
  return inTransaction(db, () => {
    const batchId = createBatch(db, batchOptions, now)
    const runIds = targets.map((target) => {
      const portal = 'portal' in target ? target.portal : null
      const startUrl = portal ? portal.startUrl : (target as { url: string }).url
      const name = 'url' in target && target.name ? { name: target.name } : {}
      const runOptions = runOptionsFor(portal, { ...name, ...target.options })
      const runId = createRun(
        db,
        { batchId, portalId: portal?.id ?? null, startUrl, options: runOptions },
        now,
      )
      enqueuePages(db, runId, [{ url: startUrl, depth: 0 }], runOptions.maxPages, now)
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
