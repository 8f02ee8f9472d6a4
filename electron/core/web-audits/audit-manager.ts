import path from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import type { AuditBatchView } from '../../../shared/domain/audits'
import { BrowserProviderError, launchBrowser } from '../browser/browser-provider'
import { BatchRunner, defaultConcurrency } from './batch/batch-runner'
import type { BatchProgress } from './batch/batch-progress'
import { createAuditBatch } from './batch/batch-setup'
import { createDefaultAuditor } from './page/default-auditor'
import { getPortal } from '../registry/portals-service'
import { queueCounts } from './store/queue-store'
import type { CoreContext } from '../context'
import { syncRectificationSafely } from '../rectification/item-sync'

export interface AuditManagerOptions {
  /** Extra Chromium flags, e.g. the closed-network proxy in tests (ACCESS_AUDIT_CHROME_ARGS, space separated). */
  extraArgs?: readonly string[]
  configuredBrowserPath?: string | null
  browserWSEndpoint?: string | null
}

interface ActiveBatch {
  runner: BatchRunner
  progress: BatchProgress | null
  done: Promise<void>
  error: string | null
}

/**
 * Runs audit batches in the background of the long-lived process (desktop main or the browser door), one
 * BatchRunner each, and answers progress questions from memory while they run and from the database after.
 * The queue is in SQLite, so a batch interrupted by closing the app is resumed with `resume`.
 */
export class AuditManager {
  private readonly active = new Map<number, ActiveBatch>()
  private readonly errors = new Map<number, string>()

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: AuditManagerOptions = {},
  ) {}

  start(
    portalIds: readonly number[],
    overrides: { maxPages?: number | undefined; concurrency?: number | undefined },
  ) {
    const portals = portalIds.map((id) => {
      const portal = getPortal(this.ctx.db, id) // NOT_FOUND when there is none
      // Archived portals are kept for their history only; auditing one again starts with restoring it.
      if (portal.archived) {
        throw new ApiError(
          'INVALID_STATE',
          `网站“${portal.name}”已归档，不能检测；如需检测，请先在该网站页面点“恢复”`,
        )
      }
      return { portal, options: overrides.maxPages ? { maxPages: overrides.maxPages } : {} }
    })
    const { batchId } = createAuditBatch(
      this.ctx.db,
      portals,
      { concurrency: overrides.concurrency ?? null },
      this.ctx.now(),
    )
    this.launch(batchId, overrides.concurrency)
    return batchId
  }

  resume(batchId: number, concurrency?: number): void {
    if (this.active.has(batchId)) return
    const row = this.ctx.db.prepare('SELECT status FROM audit_batches WHERE id = ?').get(batchId) as
      { status: string } | undefined
    if (!row) throw new ApiError('NOT_FOUND', `检测批次（编号 ${batchId}）不存在`)
    if (row.status === 'completed') throw new ApiError('CONFLICT', '该批次已完成，无需继续')
    this.launch(batchId, concurrency)
  }

  cancel(batchId: number): void {
    const batch = this.active.get(batchId)
    if (!batch) throw new ApiError('CONFLICT', '该批次当前没有在运行')
    batch.runner.cancel({ abortInFlight: true })
  }

  isActive(batchId: number): boolean {
    return this.active.has(batchId)
  }

  lastProgress(batchId: number): BatchProgress | null {
    return this.active.get(batchId)?.progress ?? null
  }

  errorOf(batchId: number): string | null {
    return this.active.get(batchId)?.error ?? this.errors.get(batchId) ?? null
  }

  /** Waits for every running batch (tests, and the app before it quits after a cancel). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.active.values()].map((b) => b.done))
  }

  async shutdown(): Promise<void> {
    for (const batch of this.active.values()) batch.runner.cancel({ abortInFlight: true })
    await this.settle()
  }

  private launch(batchId: number, concurrency: number | undefined): void {
    this.errors.delete(batchId)
    const runner = new BatchRunner({
      db: this.ctx.db,
      auditor: createDefaultAuditor(),
      launchBrowser: async () =>
        (
          await launchBrowser({
            configuredPath: this.options.configuredBrowserPath ?? null,
            browserWSEndpoint: this.options.browserWSEndpoint ?? null,
            extraArgs: this.options.extraArgs ?? [],
          })
        ).browser,
      now: this.ctx.now,
      concurrency: concurrency ?? defaultConcurrency(),
      screenshotRoot: path.join(this.ctx.dataDir, 'screenshots'),
      onProgress: (progress) => {
        const entry = this.active.get(batchId)
        if (entry) entry.progress = progress
      },
    })
    const entry: ActiveBatch = { runner, progress: null, done: Promise.resolve(), error: null }
    entry.done = runner
      .run(batchId)
      // The batch's findings become rectification items (and re-runs propose verifications); a failure of that
      // is logged and leaves the audit as it is (`rectification:sync` re-runs it).
      .then(() => syncRectificationSafely(this.ctx))
      .catch((error: unknown) => {
        const message =
          error instanceof BrowserProviderError || error instanceof ApiError || error instanceof Error
            ? error.message
            : String(error)
        this.errors.set(batchId, message)
      })
      .finally(() => this.active.delete(batchId))
    this.active.set(batchId, entry)
  }
}

/** The batch view: live numbers while running, stored counts afterwards. */
export function batchView(ctx: CoreContext, manager: AuditManager, batchId: number): AuditBatchView {
  const batch = ctx.db.prepare('SELECT * FROM audit_batches WHERE id = ?').get(batchId) as
    { id: number; status: AuditBatchView['status']; created_at: string } | undefined
  if (!batch) throw new ApiError('NOT_FOUND', `检测批次（编号 ${batchId}）不存在`)
  const counts = queueCounts(ctx.db, batchId)
  const live = manager.lastProgress(batchId)
  const runs = ctx.db
    .prepare(
      `SELECT r.id AS run_id, r.portal_id, COALESCE(p.name, r.start_url) AS portal_name, r.status, r.score
       FROM audit_runs r LEFT JOIN portals p ON p.id = r.portal_id WHERE r.batch_id = ? ORDER BY r.id`,
    )
    .all(batchId) as Array<{
    run_id: number
    portal_id: number | null
    portal_name: string
    status: string
    score: number | null
  }>
  return {
    batchId,
    status: batch.status,
    active: manager.isActive(batchId),
    done: counts.done,
    skipped: counts.skipped,
    failed: counts.failed,
    remaining: counts.pending + counts.running,
    total: counts.total,
    elapsedMs: live?.elapsedMs ?? 0,
    etaMs: live?.etaMs ?? null,
    pagesPerMinute: live?.pagesPerMinute ?? null,
    createdAt: batch.created_at,
    error: manager.errorOf(batchId),
    runs: runs.map((r) => ({
      runId: r.run_id,
      portalId: r.portal_id,
      portalName: r.portal_name,
      status: r.status,
      score: r.score,
    })),
  }
}
