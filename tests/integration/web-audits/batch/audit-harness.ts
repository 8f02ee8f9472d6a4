import type { Browser } from 'puppeteer-core'
import { BatchRunner, type BatchRunnerOptions } from '../../../../electron/core/web-audits/batch/batch-runner'
import { createAuditBatch, type RunOptions } from '../../../../electron/core/web-audits/batch/batch-setup'
import { createDefaultAuditor } from '../../../../electron/core/web-audits/page/default-auditor'
import type { PageAuditor } from '../../../../electron/core/web-audits/page/page-auditor'
import { registerPortal } from '../../../support/portals'
import { openDatabase, type Db } from '../../../../electron/core/db/open-database'
import { launchTestBrowser } from '../../../support/chromium'
import { makeTempDir } from '../../../support/temp-dir'

/** A temp database, the real auditor (short navigation timeout) with call counts, and Chromium launches. */
export interface Harness {
  db: Db
  dir: string
  auditor: PageAuditor
  /** Audits started per URL, over the harness's life (all runners). */
  calls: Map<string, number>
  browsers: Browser[]
  batch(startUrls: string[], options?: Partial<RunOptions>): { batchId: number; runIds: number[] }
  runner(extra?: Partial<BatchRunnerOptions>): BatchRunner
  close(): Promise<void>
}

export function openHarness(): Harness {
  const { dir, cleanup } = makeTempDir('access-audit-batch-')
  const db = openDatabase(dir)
  const calls = new Map<string, number>()
  const browsers: Browser[] = []
  const real = createDefaultAuditor({ navigationTimeoutMs: 4000, settleMs: 300, pageTimeoutMs: 30_000 })
  const auditor: PageAuditor = (browser, request) => {
    calls.set(request.url, (calls.get(request.url) ?? 0) + 1)
    return real(browser, request)
  }
  return {
    db,
    dir,
    auditor,
    calls,
    browsers,
    batch(startUrls, options = {}) {
      const now = new Date()
      const portals = startUrls.map((url) => registerPortal(db, { name: url, startUrl: url }, now))
      return createAuditBatch(
        db,
        portals.map((portal) => ({ portal, options })),
        {},
        now,
      )
    },
    runner(extra = {}) {
      return new BatchRunner({
        db,
        auditor,
        launchBrowser: async () => {
          const browser = await launchTestBrowser()
          browsers.push(browser)
          return browser
        },
        concurrency: 2,
        minIntervalMs: 0,
        pageTimeoutMs: 45_000,
        ...extra,
      })
    },
    async close() {
      for (const b of browsers) await b.close().catch(() => undefined)
      db.close()
      cleanup()
    },
  }
}

export function pageRows(db: Db, batchId: number) {
  return db
    .prepare(
      `SELECT p.url, p.depth, p.status, p.failure_reason AS reason, p.result_json AS json FROM audit_pages p
       JOIN audit_runs r ON r.id = p.run_id WHERE r.batch_id = ? ORDER BY p.id`,
    )
    .all(batchId) as Array<{
    url: string
    depth: number
    status: string
    reason: string | null
    json: string | null
  }>
}
