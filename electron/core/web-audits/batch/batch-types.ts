import os from 'node:os'
import type { PageResult } from '../../../../shared/web/audit-result'
import type { Db } from '../../db/open-database'
import type { BatchProgress } from './batch-progress'
import type { BrowserFactory } from './browser-session'
import type { ControllerConfig } from './concurrency-controller'
import type { FetchText } from '../crawl/http-fetch'
import type { FetchBytes } from '../linked-docs/check-documents'
import type { PageAuditor } from '../page/page-auditor'
import type { BatchStatus, QueueCounts } from '../store/queue-store'

/** The batch runner's options, events and outcome. */

export interface BatchRunnerOptions {
  db: Db
  auditor: PageAuditor
  launchBrowser: BrowserFactory
  now?: () => Date
  /**
   * Pages audited at once: a number fixes it; 'auto' (the default) starts at `defaultConcurrency()` and adapts
   * (concurrency-controller.ts): more pages while they wait on slow sites, never more than the cores can work on,
   * within `maxPagesPerHost` and a memory ceiling.
   */
  concurrency?: number | 'auto'
  /** Politeness: pages of one host audited at once, at most; default 4. */
  maxPagesPerHost?: number
  /** Tuning and tests of 'auto': controller settings, the memory probe, how often it decides. */
  adaptive?: AdaptiveOptions
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
  /** The documents check of finished runs (linked PDF / Office files); default true. */
  checkDocuments?: boolean
  /** Downloads a linked document (tests pass a fake); default Node's fetch with the size and time limits. */
  fetchDocument?: FetchBytes
  /**
   * A browser farm: remote endpoints, each with its own pages at once, instead of `launchBrowser` (then unused).
   * Pages are spread over them from the one queue; an endpoint that dies is dropped for the rest of the batch and
   * its pages go back to the queue; with none left the batch pauses. `concurrency` is then their sum.
   */
  farm?: readonly FarmEndpointOption[]
  /** An endpoint was dropped (disconnected, unreachable, or no longer answering CDP). */
  onEndpointLost?: (url: string, reason: string) => void
}

export interface FarmEndpointOption {
  url: string
  concurrency: number
  /** Connects to the endpoint (puppeteer.connect); the runner disconnects, never closes, the browser. */
  connect: BrowserFactory
}

export interface AdaptiveOptions {
  config?: Partial<ControllerConfig>
  /** Memory now: the system's available memory and Node + browser (null when unknown). */
  memory?: () => { availableBytes: number; ownBytes: number | null }
  /** Milliseconds between two samples of what the pages in flight do; default 250. */
  sampleMs?: number
  /** Samples per decision; default 8 (a decision every 2 s). */
  samplesPerDecision?: number
  /** Sees each decision (diagnostics, tests). */
  onDecision?: (limit: number, why: string) => void
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
  /** Pages in flight: 'auto' or fixed, the most at once, and the time-weighted mean of the limit. */
  concurrency: { mode: 'auto' | 'fixed'; peak: number; meanLimit: number }
}

/** Workers for the cores available: one per core, at most 4 (each page keeps a renderer and axe busy). */
export function defaultConcurrency(cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, cores))
}

export const defaultMaxPagesPerHost = 4

/** The controller's defaults for this machine: start at one page per core, at most 4 per core and 16. */
export function defaultControllerConfig(
  cores: number = os.availableParallelism(),
  totalMemory: number = os.totalmem(),
): ControllerConfig {
  const gb = 1024 ** 3
  return {
    start: defaultConcurrency(cores),
    min: 1,
    max: Math.min(16, Math.max(2, cores * 4)),
    cores,
    memoryReserveBytes: Math.max(1 * gb, totalMemory * 0.1),
    memoryFloorBytes: Math.max(0.5 * gb, totalMemory * 0.05),
    memoryCeilingBytes: totalMemory * 0.5,
    holdDecisions: 1,
  }
}
