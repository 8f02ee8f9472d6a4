import path from 'node:path'
import type { Browser } from 'puppeteer-core'
import type { AuditPageOptions } from '../electron/core/web-audits/page/audit-page'
import { normalizeUrlOrNull } from '../shared/web/url-normalize'
import { BatchRunner, type BatchOutcome } from '../electron/core/web-audits/batch/batch-runner'
import { createAuditBatch } from '../electron/core/web-audits/batch/batch-setup'
import { createDefaultAuditor } from '../electron/core/web-audits/page/default-auditor'
import { createPortal } from '../electron/core/registry/portals-service'
import { enqueuePages, iterateRunResults } from '../electron/core/web-audits/store/queue-store'
import { openDatabase } from '../electron/core/db/open-database'
import { makeTempDir } from '../tests/support/temp-dir'
import type { RuleKeys } from './baseline-audit'

/**
 * The real audit path, as the app and the CLI run it: a batch in a (temporary) database, the persisted queue,
 * the batch runner's workers and browser session, and the project's page auditor with its default options.
 */

export interface RealOutcome {
  results: Map<string, RuleKeys | { error: string }>
  elapsedMs: number
  browserLaunches: number
  concurrency: BatchOutcome['concurrency']
}

export interface RealPathOptions {
  /** 'auto' (the default of the app and the CLI) or a fixed number. */
  concurrency: number | 'auto'
  launchBrowser: () => Promise<Browser>
  auditorOptions?: AuditPageOptions
  /** Take element screenshots (as the app does) into a temporary folder. */
  screenshots?: boolean
}

export async function runRealPath(urls: readonly string[], options: RealPathOptions): Promise<RealOutcome> {
  const temp = makeTempDir('access-audit-bench-')
  const db = openDatabase(temp.dir)
  try {
    const now = new Date()
    const start = normalizeUrlOrNull(urls[0] as string) as string
    const portal = createPortal(
      { db, dataDir: '', appVersion: 'bench', now: () => now },
      {
        name: 'bench',
        startUrl: start,
        unitId: null,
        maxPages: urls.length,
        maxDepth: 0,
        include: [],
        exclude: [],
      },
    )
    const { batchId, runIds } = createAuditBatch(db, [{ portal, options: { sitemap: false } }], {}, now)
    const runId = runIds[0] as number
    enqueuePages(
      db,
      runId,
      urls.map((url) => ({ url: normalizeUrlOrNull(url) as string, depth: 0 })),
      urls.length,
      now,
    )
    const started = Date.now()
    const runner = new BatchRunner({
      db,
      auditor: createDefaultAuditor(options.auditorOptions),
      launchBrowser: options.launchBrowser,
      concurrency: options.concurrency,
      screenshotRoot: options.screenshots ? path.join(temp.dir, 'screenshots') : null,
    })
    const outcome = await runner.run(batchId)
    const elapsedMs = Date.now() - started
    const results = new Map<string, RuleKeys | { error: string }>()
    for (const page of iterateRunResults(db, runId)) {
      results.set(
        page.url,
        page.ok
          ? page.results
              .filter((r) => r.source === 'axe')
              .map((r) => `${r.needsReview ? 'r' : 'v'}:${r.ruleId}:${r.nodeCount}`)
              .sort()
          : { error: `${page.failureReason}: ${page.failureMessage ?? ''}` },
      )
    }
    return { results, elapsedMs, browserLaunches: outcome.browserLaunches, concurrency: outcome.concurrency }
  } finally {
    db.close()
    temp.cleanup()
  }
}
