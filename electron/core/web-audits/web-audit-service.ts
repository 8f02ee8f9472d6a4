import { ApiError } from '../../../shared/api/errors'
import type { AuditBatchView } from '../../../shared/domain/audits'
import type { FarmEndpoint, FarmSettings } from '../../../shared/web/browser-farm'
import { connectBrowser, launchBrowser, type BrowserConfig } from '../browser/browser-provider'
import type { CoreContext } from '../context'
import { dataLayout } from '../data-layout'
import { getPortal } from '../registry/portals-service'
import {
  assertAuditable,
  prepareTargets,
  targetUrl,
  type AuditTarget,
  type TargetSource,
} from './audit-targets'
import type { BatchProgress } from './batch/batch-progress'
import { BatchRunner, type BatchOutcome, type PageEvent } from './batch/batch-runner'
import { createAuditBatch, findResumableBatch, type BatchTarget, type RunOptions } from './batch/batch-setup'
import { batchView, recentBatchIds } from './batch-view'
import { loadFarmSettings, saveFarmSettings } from './farm-settings'
import { createDefaultAuditor } from './page/default-auditor'
import { auditReportSource } from './report/report-source'
import type { ReportSource } from './report/report-types'
import { setBatchStatus } from './store/queue-store'

/**
 * The one front door of website audits: the app (IPC), the browser door (HTTP) and the CLI all come here. It owns
 * the browser launch (one BrowserConfig, the run's own flags on top), where screenshots go (dataLayout), the rules
 * of what may be audited (archived portals refused, a run's options never saved to its portal) and what happens
 * when a batch ends (`afterFindings`, wired by the composition root to the rectification sync — so the items exist
 * the moment a batch returns, whichever door started it).
 *
 * Two ways to run: in the background of a long-lived process (desktop main, browser door), one BatchRunner per
 * batch, answering progress from memory while it runs; or in the foreground for the CLI, awaited. The queue is in
 * SQLite either way, so an interrupted batch resumes without auditing a page twice.
 */

export interface WebAuditServiceOptions {
  browser?: BrowserConfig
  /** After a batch's runner returns: findings were written (the composition root syncs rectification). */
  afterFindings?: () => void
}

/** How one batch is run: workers, politeness, page timeout, screenshots, its own browser, and events. */
export interface RunSettings {
  /** Pages at once: a number fixes it; none adapts to what the pages do (the batch runner's 'auto'). */
  concurrency?: number
  /** Minimum milliseconds between two requests to one host. */
  minIntervalMs?: number
  navigationTimeoutMs?: number
  /** Element screenshots into the data folder's screenshots/ (the app always takes them). */
  screenshots: boolean
  /** This run's browser: its path or endpoint replace the service's, its flags are added to them. */
  browser?: BrowserConfig
  /**
   * A browser farm for this run (the CLI's repeatable --browser-ws), replacing the list saved in 设置; none: the
   * saved list; an empty list anywhere: the local browser.
   */
  farm?: readonly FarmEndpoint[]
  /** A farm endpoint was dropped for the rest of the batch (its label hides any token). */
  onEndpointLost?: (url: string, reason: string) => void
  signal?: AbortSignal
  onProgress?: (progress: BatchProgress) => void
  onPage?: (event: PageEvent) => void
}

/** Options given for one run (CLI flags, the app's start dialog): they override the portal's, never change them. */
export type RunOverrides = Partial<
  Pick<RunOptions, 'maxPages' | 'maxDepth' | 'include' | 'exclude' | 'sitemap'>
>

export interface ForegroundRequest extends RunSettings {
  targets: readonly AuditTarget[]
  overrides: RunOverrides
  /** Continue the most recent unfinished batch of exactly these URLs, if there is one. */
  resume: boolean
  /** Told the batch id before the first page (the CLI prints it). */
  onBatch?: (batchId: number, resumed: boolean) => void
}

interface ActiveBatch {
  runner: BatchRunner
  progress: BatchProgress | null
  done: Promise<void>
  error: string | null
}

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>

export class WebAuditService {
  private readonly active = new Map<number, ActiveBatch>()
  private readonly errors = new Map<number, string>()
  private readonly afterFindings: () => void

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: WebAuditServiceOptions = {},
  ) {
    this.afterFindings = options.afterFindings ?? (() => undefined)
  }

  // ── Background batches (the app, the browser door) ──

  start(
    portalIds: readonly number[],
    overrides: { maxPages?: number; concurrency?: number },
  ): AuditBatchView {
    const targets: BatchTarget[] = portalIds.map((id) => {
      const portal = getPortal(this.ctx.db, id) // NOT_FOUND when there is none
      assertAuditable(portal)
      return { portal, options: defined({ maxPages: overrides.maxPages }) }
    })
    const { batchId } = createAuditBatch(
      this.ctx.db,
      targets,
      { concurrency: overrides.concurrency ?? null },
      this.ctx.now(),
    )
    this.launch(batchId, { concurrency: overrides.concurrency, screenshots: true })
    return this.batch(batchId)
  }

  resume(batchId: number, concurrency?: number): AuditBatchView {
    if (!this.active.has(batchId)) {
      const row = this.ctx.db.prepare('SELECT status FROM audit_batches WHERE id = ?').get(batchId) as
        { status: string } | undefined
      if (!row) throw new ApiError('NOT_FOUND', `检测批次（编号 ${batchId}）不存在`)
      if (row.status === 'completed') throw new ApiError('CONFLICT', '该批次已完成，无需继续')
      this.launch(batchId, { concurrency, screenshots: true })
    }
    return this.batch(batchId)
  }

  cancel(batchId: number): AuditBatchView {
    const batch = this.active.get(batchId)
    if (!batch) throw new ApiError('CONFLICT', '该批次当前没有在运行')
    batch.runner.cancel({ abortInFlight: true })
    return this.batch(batchId)
  }

  batch(batchId: number): AuditBatchView {
    return batchView(this.ctx.db, this.live, batchId)
  }

  recentBatches(): AuditBatchView[] {
    return recentBatchIds(this.ctx.db).map((id) => this.batch(id))
  }

  /**
   * At the start of a long-lived process: batches the database still calls running, with no runner here, were
   * interrupted (a crash, `kill -9`, a power cut). They become paused, so the screens offer 继续检测; their
   * pages' leases still keep a page from being audited twice when they resume.
   */
  recoverInterrupted(): number[] {
    const ids = (
      this.ctx.db.prepare(`SELECT id FROM audit_batches WHERE status = 'running'`).pluck().all() as number[]
    ).filter((id) => !this.active.has(id))
    for (const id of ids) setBatchStatus(this.ctx.db, id, 'paused', this.ctx.now())
    return ids
  }

  /** Waits for every running batch (tests, and the app before it quits after a cancel). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.active.values()].map((b) => b.done))
  }

  /** Stops the running batches (they stay resumable) and waits for them. */
  async shutdown(): Promise<void> {
    for (const batch of this.active.values()) batch.runner.cancel({ abortInFlight: true })
    await this.settle()
  }

  // ── The command line: URL lists and batches in the foreground ──

  /** A URL or a URL list → what to audit, by the app's rules (see audit-targets.ts). */
  prepareTargets(source: TargetSource) {
    return prepareTargets(this.ctx, source)
  }

  /** Runs (or resumes) a batch of these targets and returns when it ends; `afterFindings` has run by then. */
  async runInForeground(request: ForegroundRequest): Promise<{ batchId: number; outcome: BatchOutcome }> {
    const { db } = this.ctx
    const resumed = request.resume ? findResumableBatch(db, request.targets.map(targetUrl)) : null
    const batchId =
      resumed ??
      createAuditBatch(
        db,
        request.targets.map((target) => batchTarget(target, request.overrides)),
        { source: 'cli', concurrency: request.concurrency ?? null },
        this.ctx.now(),
      ).batchId
    request.onBatch?.(batchId, resumed !== null)
    const outcome = await this.runner(request).run(batchId)
    this.afterFindings()
    return { batchId, outcome }
  }

  // ── The browser farm list of 设置 ──

  farmSettings(): FarmSettings {
    return loadFarmSettings(this.ctx.db)
  }

  saveFarmSettings(input: FarmSettings): FarmSettings {
    return saveFarmSettings(this.ctx, input)
  }

  /** A batch's runs as a report source (JSON, CSV, JUnit reporters). */
  reportSource(batchId: number, header: ReportSource['header']): ReportSource {
    return auditReportSource(this.ctx.db, batchId, header)
  }

  // ── Internals ──

  private readonly live = {
    isActive: (batchId: number) => this.active.has(batchId),
    lastProgress: (batchId: number) => this.active.get(batchId)?.progress ?? null,
    errorOf: (batchId: number) => this.active.get(batchId)?.error ?? this.errors.get(batchId) ?? null,
  }

  private runner(settings: RunSettings): BatchRunner {
    const base = this.options.browser ?? {}
    const browser: BrowserConfig = {
      configuredPath: settings.browser?.configuredPath ?? base.configuredPath ?? null,
      browserWSEndpoint: settings.browser?.browserWSEndpoint ?? base.browserWSEndpoint ?? null,
      extraArgs: [...(base.extraArgs ?? []), ...(settings.browser?.extraArgs ?? [])],
    }
    const farm = settings.farm ?? loadFarmSettings(this.ctx.db).endpoints
    return new BatchRunner({
      db: this.ctx.db,
      ...(farm.length > 0 ? { farm: farm.map((e) => ({ ...e, connect: () => connectBrowser(e.url) })) } : {}),
      auditor: createDefaultAuditor(defined({ navigationTimeoutMs: settings.navigationTimeoutMs })),
      launchBrowser: async () => (await launchBrowser(browser)).browser,
      now: this.ctx.now,
      concurrency: settings.concurrency ?? 'auto',
      ...defined({ minIntervalMs: settings.minIntervalMs }),
      screenshotRoot: settings.screenshots ? dataLayout(this.ctx.dataDir).screenshots : null,
      ...defined({ signal: settings.signal, onPage: settings.onPage, onProgress: settings.onProgress }),
      ...defined({ onEndpointLost: settings.onEndpointLost }),
    })
  }

  private launch(batchId: number, settings: RunSettings): void {
    this.errors.delete(batchId)
    const runner = this.runner({
      ...settings,
      onProgress: (progress) => {
        const entry = this.active.get(batchId)
        if (entry) entry.progress = progress
      },
    })
    const entry: ActiveBatch = { runner, progress: null, done: Promise.resolve(), error: null }
    entry.done = runner
      .run(batchId)
      // Findings become rectification items (and re-runs propose verifications); a failure there is the
      // composition root's to log and leaves the audit as it is (`rectification:sync` re-runs it).
      .then(() => this.afterFindings())
      .catch((error: unknown) => {
        this.errors.set(batchId, error instanceof Error ? error.message : String(error))
      })
      .finally(() => this.active.delete(batchId))
    this.active.set(batchId, entry)
  }
}

/** A target as a batch run: the portal's saved settings, or the defaults, with this run's overrides on top. */
function batchTarget(target: AuditTarget, overrides: RunOverrides): BatchTarget {
  const options = defined(overrides)
  return target.kind === 'portal'
    ? { portal: target.portal, options }
    : { url: target.url, ...(target.name ? { name: target.name } : {}), options }
}
