import fs from 'node:fs/promises'
import path from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import { dataLayout } from '../data-layout'
import type { CoreServices, Handlers } from '../handler-types'
import { answerManualCheck } from './manual/manual-answers'
import { manualChecklist } from './manual/manual-checklist'
import { compareRunViews, listRuns, runDetail } from './runs/run-reads'
import { exportRunClauses } from './report/clause-export'

type WebAuditOps = Extract<keyof Handlers, `audits:${string}`>

/** An element screenshot of a run as a data: URL; a file gone from the data folder is `missing`, never an error. */
async function screenshot(ctx: CoreContext, runId: number, file: string) {
  if (!ctx.db.prepare('SELECT 1 FROM audit_runs WHERE id = ?').get(runId)) {
    throw new ApiError('NOT_FOUND', `检测记录（编号 ${runId}）不存在`)
  }
  // The name is validated by the contract (no path separators); the folder is the run's own.
  const full = path.join(dataLayout(ctx.dataDir).runScreenshots(runId), file)
  try {
    return {
      dataUrl: `data:image/png;base64,${(await fs.readFile(full)).toString('base64')}`,
      missing: false,
    }
  } catch {
    return { dataUrl: '', missing: true }
  }
}

/** The website-audit operations of the contract: every one through the WebAuditService or its read models. */
export function webAuditHandlers(ctx: CoreContext, services: CoreServices): Pick<Handlers, WebAuditOps> {
  const audits = services.webAudits
  return {
    'audits:start': (input) => audits.start(input.portalIds, input),
    'audits:batch': (input) => audits.batch(input.batchId),
    'audits:batches': () => audits.recentBatches(),
    'audits:cancel': (input) => audits.cancel(input.batchId),
    'audits:resume': (input) => audits.resume(input.batchId),
    'audits:runs': (input) => listRuns(ctx.db, input.portalId),
    'audits:run': (input) => runDetail(ctx.db, input.runId),
    'audits:compare': (input) => compareRunViews(ctx.db, input.runId, input.previousRunId),
    'audits:screenshot': (input) => screenshot(ctx, input.runId, input.file),
    'audits:manualChecklist': (input) => manualChecklist(ctx.db, input.portalId),
    'audits:answerManual': (input) => answerManualCheck(ctx, input, services.afterFindings),
    'audits:exportClauses': (input) => exportRunClauses(ctx.db, input.runId),
    'audits:farmSettings': () => audits.farmSettings(),
    'audits:saveFarmSettings': (input) => audits.saveFarmSettings(input),
  }
}
