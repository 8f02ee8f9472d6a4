import type { Db } from '../../db/open-database'
import { inTransaction } from '../../db/transaction'
import { crawlPortal } from '../crawl/crawler'
import type { FetchText } from '../crawl/http-fetch'
import { enqueuePages } from '../store/queue-store'
import type { HostRateLimiter } from '../crawl/rate-limiter'
import type { RunContext } from './run-context'
import { discoverSitemapPages } from '../crawl/sitemap'

/**
 * Pages a run learns about outside its audited pages' links: sitemap.xml pages (depth 1), or, in 'prefetch'
 * mode, the whole HTTP crawl. Runs in the background while the start page is audited.
 */

export interface DiscoveryDeps {
  db: Db
  now: () => Date
  fetchText: FetchText
  limiter: HostRateLimiter
  signal: AbortSignal
  /** Resolves at the runner's next change (a page recorded, a stop). */
  nextChange: () => Promise<void>
  stopped: () => boolean
}

/** Waits until the run's start page is recorded (or the runner stops). */
async function startPageRecorded(deps: DiscoveryDeps, run: RunContext): Promise<void> {
  const open = deps.db
    .prepare(
      `SELECT COUNT(*) FROM audit_pages WHERE run_id = ? AND depth = 0 AND status IN ('pending', 'running')`,
    )
    .pluck()
  while (!deps.stopped() && (open.get(run.runId) as number) > 0) await deps.nextChange()
}

export async function discoverRunPages(deps: DiscoveryDeps, run: RunContext): Promise<number> {
  const { options } = run
  const { fetchText, limiter, signal } = deps
  let pages: Array<{ url: string; depth: number }> = []
  if (options.discovery === 'prefetch') {
    pages = (await crawlPortal({ ...options, startUrl: run.startUrl }, { fetchText, limiter, signal })).pages
  } else if (options.sitemap && options.maxDepth >= 1) {
    const urls = await discoverSitemapPages(run.startUrl, fetchText, {
      signal,
      maxUrls: options.maxPages * 4,
      beforeRequest: (url) => limiter.wait(url, signal),
    })
    pages = run.scope.filter(urls).map((url) => ({ url, depth: 1 }))
    // The start page's own links (its navigation) come first; sitemap pages fill the rest of the page limit.
    await startPageRecorded(deps, run)
  }
  if (pages.length === 0 || signal.aborted) return 0
  return inTransaction(deps.db, () => enqueuePages(deps.db, run.runId, pages, options.maxPages, deps.now()))
}
