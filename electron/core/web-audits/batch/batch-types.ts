import os from 'node:os'
import type { PageResult } from '../../../../shared/web/audit-result'
import type { Db } from '../../db/open-database'
import type { BatchProgress } from './batch-progress'
import type { BrowserFactory } from './browser-session'
import type { FetchText } from '../crawl/http-fetch'
import type { PageAuditor } from '../page/page-auditor'
import type { BatchStatus, QueueCounts } from '../store/queue-store'

/** The batch runner's options, events and outcome. */

export interface BatchRunnerOptions {
  db: Db
  auditor: PageAuditor
  launchBrowser: BrowserFactory
  now?: () => Date
  /** Pages audited at once; default `defaultConcurrency()`. */
  concurrency?: number
  /** Hard limit per page, beyond the auditor's own limits (a hung browser); default 200 s. */
  pageTimeoutMs?: number
  /**
   * Lease of a claimed page, renewed every third of it while the page is audited; a runner that stopped without
   * finishing (crash, power cut) leaves leases that expire after this and are then taken over. Default 60 s.
   */
  leaseMs?: number
  /** Claims per page before a page that keeps losing its browser is failed as a crash; default 2. */
  maxAttempts?: number
  /** Minimum milliseconds between two requests to one host (page loads, sitemaps); default 250. */
  minIntervalMs?: number
  fetchText?: FetchText
  screenshotRoot?: string | null
  /** Replace the browser after this many pages (0 never); default 300. */
  recycleBrowserAfter?: number
  /** Abort = pause (the app is closing): pages in flight are stopped and requeued; status 'paused'. */
  signal?: AbortSignal
  onProgress?: (progress: BatchProgress) => void
  onPage?: (event: PageEvent) => void
  onBrowserLaunch?: (generation: number, reason: string) => void
}

export interface PageEvent {
  runId: number
  pageId: number
  url: string
  result: PageResult
  /** New pages queued from this page's links. */
  discovered: number
  /** The batch's progress just after this page was recorded. */
  progress: BatchProgress
}

export interface BatchOutcome {
  batchId: number
  status: BatchStatus
  counts: QueueCounts
  runs: Array<{ runId: number; status: string }>
  browserLaunches: number
  /** Pages recorded by this runner (a resumed batch counts only its own). */
  pagesRecorded: number
  elapsedMs: number
}

/** Workers for the cores available: one per core, at most 4 (each page keeps a renderer and axe busy). */
export function defaultConcurrency(cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, cores))
}
