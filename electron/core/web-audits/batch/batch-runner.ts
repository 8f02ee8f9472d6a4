import { inTransaction } from '../../db/transaction'
import { computeProgress, type BatchProgress } from './batch-progress'
import { BrowserSession, EndpointLostError, type BrowserLease } from './browser-session'
import {
  defaultControllerConfig,
  defaultMaxPagesPerHost,
  type BatchOutcome,
  type BatchRunnerOptions,
  type FarmEndpointOption,
} from './batch-types'
import { ConcurrencyGovernor, PagesInFlight } from './concurrency-governor'
import { createNodeFetchText, type FetchText } from '../crawl/http-fetch'
import { runPageJob, type PageJobDeps } from './page-job'
import {
  claimPage,
  earliestLeaseEnd,
  hasClaimablePage,
  pageHost,
  queueCounts,
  recoverExpiredLeases,
  releasePage,
  setBatchStatus,
  setRunStatus,
  type BatchStatus,
} from '../store/queue-store'
import { HostRateLimiter } from '../crawl/rate-limiter'
import { finishRun, loadRunContexts, type RunContext } from './run-context'
import { discoverRunPages, type DiscoveryDeps } from './run-discovery'
import { checkRunDocuments } from '../linked-docs/check-documents'

export { defaultConcurrency } from './batch-types'
export type { BatchOutcome, BatchRunnerOptions, FarmEndpointOption, PageEvent } from './batch-types'

/**
 * Runs a batch from its persisted queue: named steps over one state object, cleanup in finally (pa11y's shape).
 * Pages in flight: a fixed number, or by default as many as keep the cores busy while pages wait on slow sites
 * (concurrency-governor.ts), never more of one host than politeness allows. Starting it on a batch that was
 * interrupted resumes it: expired leases go back to pending, cancelled runs run again, finished pages are never
 * audited twice.
 */

/** A farm endpoint in this batch: its own browser session (never relaunched) and its own workers. */
interface FarmSlot {
  endpoint: FarmEndpointOption
  session: BrowserSession
  dropped: boolean
}

interface State {
  batchId: number
  runs: Map<number, RunContext>
  /** The local (or single configured) browser; unused when the batch runs on a farm. */
  session: BrowserSession
  /** The farm's endpoints (empty: the local browser). */
  slots: FarmSlot[]
  limiter: HostRateLimiter
  startedAt: number
  recorded: number
  inFlightLeases: Set<BrowserLease>
  busyRuns: Map<number, number>
  discovering: Set<number>
  discoveries: Array<Promise<unknown>>
  stop: 'no' | 'cancel' | 'pause'
  abort: AbortController
  fatal: unknown
  waiters: Array<() => void>
  fetchText: FetchText
  flight: PagesInFlight
  governor: ConcurrencyGovernor | null
  /** Worker loops running (each takes one page at a time); the governor's limit says how many may. */
  running: number
  workers: Set<Promise<void>>
}

export class BatchRunner {
  private state: State | null = null
  private readonly now: () => Date

  constructor(private readonly options: BatchRunnerOptions) {
    this.now = options.now ?? (() => new Date())
  }

  /**
   * Stops claiming pages; status 'cancelled' (resumable). In-flight pages finish and are recorded, unless
   * `abortInFlight`, which closes them and puts them back in the queue.
   */
  cancel(options: { abortInFlight?: boolean } = {}): void {
    const state = this.state
    if (!state || state.stop !== 'no') return
    state.stop = 'cancel'
    if (options.abortInFlight) this.abortInFlight(state)
    this.notify(state)
  }

  async run(batchId: number): Promise<BatchOutcome> {
    const state = this.createState(batchId)
    const onAbort = () => {
      if (state.stop === 'no') state.stop = 'pause'
      this.abortInFlight(state)
      this.notify(state)
    }
    this.options.signal?.addEventListener('abort', onAbort, { once: true })
    try {
      this.prepare(state)
      if (this.options.signal?.aborted) onAbort()
      this.startDiscovery(state)
      await this.runWorkers(state)
      if (state.stop !== 'no') state.abort.abort() // a cancel leaves no reason to finish reading sitemaps
      await Promise.allSettled(state.discoveries)
      if (state.fatal) throw state.fatal
      await this.checkDocuments(state)
      return this.finish(state)
    } catch (error) {
      setBatchStatus(this.options.db, batchId, 'paused', this.now())
      throw error
    } finally {
      this.options.signal?.removeEventListener('abort', onAbort)
      state.abort.abort()
      await Promise.all([state.session, ...state.slots.map((s) => s.session)].map((s) => s.close()))
      this.state = null
    }
  }

  private createState(batchId: number): State {
    const o = this.options
    const state: State = {
      batchId,
      runs: new Map(),
      session: new BrowserSession(o.launchBrowser, {
        recycleAfterPages: o.recycleBrowserAfter ?? 300,
        onLaunch: o.onBrowserLaunch,
      }),
      slots: (o.farm ?? []).map((endpoint) => ({
        endpoint,
        session: new BrowserSession(endpoint.connect, { recycleAfterPages: 0, relaunch: false }),
        dropped: false,
      })),
      limiter: new HostRateLimiter(o.minIntervalMs ?? 250),
      startedAt: Date.now(),
      recorded: 0,
      inFlightLeases: new Set(),
      busyRuns: new Map(),
      discovering: new Set(),
      discoveries: [],
      stop: 'no',
      abort: new AbortController(),
      fatal: null,
      waiters: [],
      fetchText: o.fetchText ?? createNodeFetchText(),
      flight: new PagesInFlight(),
      governor: null,
      running: 0,
      workers: new Set(),
    }
    this.state = state
    return state
  }

  /** Step 1: take back expired leases, reopen cancelled runs, mark the batch running. */
  private prepare(state: State): void {
    const { db } = this.options
    const now = this.now()
    const exists = db.prepare('SELECT 1 FROM audit_batches WHERE id = ?').get(state.batchId)
    if (!exists) throw new Error(`检测批次 ${state.batchId} 不存在`)
    recoverExpiredLeases(db, state.batchId, now, this.maxAttempts(state))
    inTransaction(db, () => {
      db.prepare(
        // Reopened runs read their sitemap again (INSERT OR IGNORE): a cancel may have cut discovery short.
        `UPDATE audit_runs SET status = 'crawling', finished_at = NULL WHERE batch_id = ? AND status = 'cancelled'`,
      ).run(state.batchId)
      setBatchStatus(db, state.batchId, 'running', now)
    })
    state.runs = loadRunContexts(db, state.batchId)
  }

  /** Step 2: sitemaps (or the whole prefetch crawl) of runs not yet past crawling, in the background. */
  private startDiscovery(state: State): void {
    for (const run of state.runs.values()) {
      if (run.status !== 'queued' && run.status !== 'crawling') continue
      setRunStatus(this.options.db, run.runId, 'crawling', this.now())
      run.status = 'crawling'
      state.discovering.add(run.runId)
      state.discoveries.push(
        discoverRunPages(this.discoveryDeps(state), run)
          .catch(() => undefined) // a broken sitemap never fails a run: its start page is queued already
          .finally(() => {
            state.discovering.delete(run.runId)
            if (state.stop === 'no' && run.status === 'crawling') {
              setRunStatus(this.options.db, run.runId, 'running', this.now())
              run.status = 'running'
            }
            this.notify(state)
          }),
      )
    }
  }

  private discoveryDeps(state: State): DiscoveryDeps {
    return {
      db: this.options.db,
      now: this.now,
      fetchText: state.fetchText,
      limiter: state.limiter,
      signal: state.abort.signal,
      nextChange: () => new Promise<void>((resolve) => state.waiters.push(resolve)),
      stopped: () => state.stop !== 'no',
    }
  }

  /** Step 3: the workers, as many as the governor allows at each moment (on a farm: each endpoint's own). */
  private async runWorkers(state: State): Promise<void> {
    const o = this.options
    if (state.slots.length > 0) return this.runFarmWorkers(state)
    const governor = new ConcurrencyGovernor({
      concurrency: o.concurrency ?? 'auto',
      config: { ...defaultControllerConfig(), ...o.adaptive?.config },
      adaptive: o.adaptive ?? {},
      flight: state.flight,
      claimable: () => hasClaimablePage(o.db, state.batchId, this.hostsAtLimit(state)),
      raised: () => this.spawnWorkers(state),
    })
    state.governor = governor
    governor.start()
    try {
      this.spawnWorkers(state)
      while (state.workers.size > 0) await Promise.race(state.workers)
    } finally {
      governor.stop()
    }
  }

  /**
   * A farm: every endpoint runs as many workers as its concurrency, all pulling from the batch's one queue. A
   * worker of an endpoint that died ends; the pages in flight there go back to the queue (page-job.ts).
   */
  private async runFarmWorkers(state: State): Promise<void> {
    for (const slot of state.slots) {
      for (let i = 0; i < slot.endpoint.concurrency; i++) {
        state.running++
        const worker: Promise<void> = this.worker(state, slot).finally(() => state.workers.delete(worker))
        state.workers.add(worker)
      }
    }
    while (state.workers.size > 0) await Promise.race(state.workers)
  }

  /** An endpoint is dropped for the rest of the batch; with none left, the batch pauses (its pages stay pending). */
  private dropEndpoint(state: State, slot: FarmSlot, error: unknown): void {
    if (slot.dropped) return
    slot.dropped = true
    const reason = error instanceof Error ? error.message : String(error)
    this.options.onEndpointLost?.(slot.endpoint.url, reason)
    const counts = queueCounts(this.options.db, state.batchId)
    const left = counts.pending + counts.running > 0
    if (left && state.slots.every((s) => s.session.lostForGood) && state.stop === 'no') {
      state.fatal ??= new Error(
        `远程浏览器（共 ${state.slots.length} 个）都已断开或无法连接，批次已暂停；` +
          '未检测的页面保留在队列中，恢复远程浏览器后可继续检测（命令行加 --resume）',
      )
      state.stop = 'pause'
    }
  }

  private spawnWorkers(state: State): void {
    const limit = state.governor?.limit ?? 1
    while (state.running < limit && state.stop === 'no') {
      state.running++
      const worker: Promise<void> = this.worker(state).finally(() => state.workers.delete(worker))
      state.workers.add(worker)
    }
  }

  private hostsAtLimit(state: State): string[] {
    return state.flight.hostsAtLimit(this.options.maxPagesPerHost ?? defaultMaxPagesPerHost)
  }

  private async worker(state: State, slot?: FarmSlot): Promise<void> {
    try {
      await this.workerLoop(state, slot)
    } finally {
      state.running--
      this.notify(state)
    }
  }

  private async workerLoop(state: State, slot?: FarmSlot): Promise<void> {
    const { db } = this.options
    const deps = this.jobDeps(state, slot)
    while (state.stop === 'no') {
      if (slot?.session.lostForGood)
        return this.dropEndpoint(state, slot, new EndpointLostError('远程浏览器已断开'))
      // The limit went down: this worker stops after its page (the others carry on).
      if (!slot && state.running > (state.governor?.limit ?? 1)) return
      const page = claimPage(
        db,
        state.batchId,
        this.now(),
        deps.leaseMs,
        [...state.busyRuns.keys()],
        this.hostsAtLimit(state),
      )
      if (!page) {
        this.finishIdleRuns(state)
        if (state.busyRuns.size > 0 || state.discovering.size > 0) {
          await new Promise<void>((resolve) => state.waiters.push(resolve))
          continue
        }
        // Nothing of ours in flight: pages still `running` were left by a runner that stopped (or is still
        // working on them elsewhere). Wait for their leases to end, then take them over.
        const leaseEnd = earliestLeaseEnd(db, state.batchId)
        if (!leaseEnd) break
        await this.nextChangeOrDelay(state, leaseEnd.getTime() - this.now().getTime() + 50)
        recoverExpiredLeases(db, state.batchId, this.now(), deps.maxAttempts)
        continue
      }
      const run = state.runs.get(page.runId) as RunContext
      state.busyRuns.set(run.runId, (state.busyRuns.get(run.runId) ?? 0) + 1)
      state.flight.add(page.id, pageHost(page.url))
      try {
        const outcome = await runPageJob(deps, run, page)
        if (outcome.kind === 'recorded') state.recorded++
        const progress = this.emitProgress(state)
        if (outcome.kind === 'recorded')
          this.options.onPage?.({ runId: run.runId, pageId: page.id, url: page.url, ...outcome, progress })
      } catch (error) {
        releasePage(db, page, this.now())
        // A farm endpoint that cannot be reached: this endpoint's workers end, the others take its pages.
        if (slot && error instanceof EndpointLostError) {
          this.dropEndpoint(state, slot, error)
          continue
        }
        // Only the browser failing to start (or the database) gets here: nothing more can be audited.
        state.fatal ??= error
        state.stop = 'pause'
        this.abortInFlight(state)
      } finally {
        state.flight.remove(page.id)
        const left = (state.busyRuns.get(run.runId) ?? 1) - 1
        if (left > 0) state.busyRuns.set(run.runId, left)
        else state.busyRuns.delete(run.runId)
        this.notify(state)
      }
    }
  }

  private jobDeps(state: State, slot?: FarmSlot): PageJobDeps {
    return {
      db: this.options.db,
      now: this.now,
      auditor: this.options.auditor,
      session: slot?.session ?? state.session,
      verifyBrowser: Boolean(slot),
      limiter: state.limiter,
      fetchText: state.fetchText,
      screenshotRoot: this.options.screenshotRoot ?? null,
      pageTimeoutMs: this.options.pageTimeoutMs ?? 200_000,
      leaseMs: this.options.leaseMs ?? 60_000,
      maxAttempts: this.maxAttempts(state),
      aborting: () => state.abort.signal.aborted,
      abortSignal: state.abort.signal,
      inFlight: state.inFlightLeases,
      doing: (pageId, doing) => state.flight.doing(pageId, doing),
    }
  }

  /** Runs whose queue is empty, with no page in flight and no discovery pending, are scored and closed. */
  private finishIdleRuns(state: State): void {
    for (const run of state.runs.values()) {
      if (run.status !== 'running' || state.busyRuns.has(run.runId) || state.discovering.has(run.runId))
        continue
      const counts = queueCounts(this.options.db, state.batchId, run.runId)
      if (counts.pending + counts.running === 0) finishRun(this.options.db, run, this.now())
    }
  }

  /**
   * Step 3b: the documents the finished runs' pages link to, checked once per run (a paused batch continues with
   * the ones not yet stored). A document's failure is its stored result, never the batch's.
   */
  private async checkDocuments(state: State): Promise<void> {
    if (state.stop !== 'no' || this.options.checkDocuments === false) return
    this.finishIdleRuns(state)
    const deps = {
      db: this.options.db,
      now: this.now,
      limiter: state.limiter,
      signal: state.abort.signal,
      fetchBytes: this.options.fetchDocument,
    }
    for (const run of state.runs.values())
      if (run.status === 'completed' && state.stop === 'no') await checkRunDocuments(deps, run.runId)
  }

  /** Step 4: batch status from how it ended. */
  private finish(state: State): BatchOutcome {
    const { db } = this.options
    const now = this.now()
    if (state.stop === 'no') this.finishIdleRuns(state)
    const open = [...state.runs.values()].filter((r) => r.status === 'running' || r.status === 'crawling')
    let status: BatchStatus =
      state.stop === 'pause' ? 'paused' : state.stop === 'cancel' ? 'cancelled' : 'completed'
    if (status === 'completed' && open.length > 0) status = 'paused'
    inTransaction(db, () => {
      if (status === 'cancelled') for (const run of open) setRunStatus(db, run.runId, 'cancelled', now)
      setBatchStatus(db, state.batchId, status, now)
    })
    if (status === 'cancelled') for (const run of open) run.status = 'cancelled'
    return {
      batchId: state.batchId,
      status,
      counts: queueCounts(db, state.batchId),
      runs: [...state.runs.values()].map((r) => ({ runId: r.runId, status: r.status })),
      browserLaunches: state.slots.reduce((n, s) => n + s.session.launches, state.session.launches),
      pagesRecorded: state.recorded,
      elapsedMs: Date.now() - state.startedAt,
      concurrency: state.governor?.stats() ?? this.farmConcurrency(state),
    }
  }

  /**
   * Claims per page before a page whose browser keeps dying is recorded as a crash: 2 by default; on a farm one
   * more than its endpoints, so each endpoint may die under a page once, but no page is requeued forever.
   */
  private maxAttempts(state: State): number {
    return this.options.maxAttempts ?? (state.slots.length > 0 ? state.slots.length + 1 : 2)
  }

  /** A farm's pages at once: the sum of its endpoints' (fixed). */
  private farmConcurrency(state: State): BatchOutcome['concurrency'] {
    const total = state.slots.reduce((n, s) => n + s.endpoint.concurrency, 0)
    return { mode: 'fixed', peak: total, meanLimit: total }
  }

  private abortInFlight(state: State): void {
    state.abort.abort()
    for (const lease of state.inFlightLeases) void lease.closeContexts()
  }

  private nextChangeOrDelay(state: State, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms))
      state.waiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  private notify(state: State): void {
    const waiters = state.waiters
    state.waiters = []
    for (const wake of waiters) wake()
  }

  private emitProgress(state: State): BatchProgress {
    const counts = queueCounts(this.options.db, state.batchId)
    const session = { startedAt: state.startedAt, finished: state.recorded }
    const progress = computeProgress(state.batchId, counts, session, Date.now())
    this.options.onProgress?.(progress)
    return progress
  }
}
