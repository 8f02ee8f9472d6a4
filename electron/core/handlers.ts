import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api/contract'
import type { AppInfo } from '../../shared/api/contract'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ApiError } from '../../shared/api/errors'
import { type AuditManager, batchView } from './audit-jobs/audit-manager'
import { compareRunViews, listRuns, manualChecklist, runDetail } from './audit-jobs/audit-reads'
import { answerManualCheck } from './audit-jobs/manual-answers'
import type { CoreContext } from './context'
import { listFindings } from './inspections/findings-service'
import { compareWithPrevious } from './inspections/inspection-compare'
import { attachPhoto, detachPhoto, getPhoto, type PhotoStorePort } from './inspections/inspection-photos'
import { listInspectionSummaries, loadInspection } from './inspections/inspection-rows'
import {
  addElement,
  createInspection,
  removeElement,
  reviseInspection,
  saveCheck,
  submitInspection,
  updateElement,
  updateInspection,
} from './inspections/inspection-service'
import { createPlace, getPlace, listPlaces, setPlaceArchived, updatePlace } from './registry/places-service'
import {
  createPortal,
  getPortal,
  importPortals,
  listPortals,
  setPortalArchived,
  updatePortal,
} from './registry/portals-service'
import { createUnit, getUnit, listUnits, setUnitArchived, updateUnit } from './registry/units-service'
import type { PdfRenderer } from './documents/pdf-port'
import { rectificationHandlers } from './rectification/rectification-handlers'
import { reportHandlers } from './reports/report-handlers'
import { todaySummary } from './today/today-service'

export type Door = AppInfo['door']

/** One handler per operation of the contract; the compiler refuses a missing or mistyped one. */
export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>, door: Door) => OutputOf<N> | Promise<OutputOf<N>>
}

export interface CoreServices {
  photos: PhotoStorePort
  readFile: (absolutePath: string) => Promise<Buffer>
  audits: AuditManager
  /** Chromium print-to-PDF for notices and reports (launched on first use). */
  pdf: PdfRenderer
}

async function screenshot(ctx: CoreContext, runId: number, file: string) {
  // The name is validated by the contract (no path separators); the folder is the runner's per-run folder.
  const full = path.join(ctx.dataDir, 'screenshots', `run-${runId}`, file)
  try {
    return {
      dataUrl: `data:image/png;base64,${(await fs.readFile(full)).toString('base64')}`,
      missing: false,
    }
  } catch {
    return { dataUrl: '', missing: true }
  }
}

export function createHandlers(ctx: CoreContext, services: CoreServices): Handlers {
  const photoExists = (sha: string) => services.photos.exists(sha)
  const deps = { ctx, photoExists, photos: services.photos, readFile: services.readFile }
  const recentBatches = () =>
    (ctx.db.prepare('SELECT id FROM audit_batches ORDER BY id DESC LIMIT 20').pluck().all() as number[]).map(
      (id) => batchView(ctx, services.audits, id),
    )
  return {
    ...rectificationHandlers(ctx, services),
    ...reportHandlers(ctx, services),
    'app:info': (_input, door) => ({
      version: ctx.appVersion,
      schemaVersion: Number(ctx.db.pragma('user_version', { simple: true })),
      dataDir: ctx.dataDir,
      door,
    }),
    'units:list': (input) => listUnits(ctx, input),
    'units:get': (input) => getUnit(ctx.db, input.id),
    'units:create': (input) => createUnit(ctx, input),
    'units:update': (input) => updateUnit(ctx, input),
    'units:setArchived': (input) => setUnitArchived(ctx, input),
    'places:list': (input) => listPlaces(ctx, input),
    'places:get': (input) => getPlace(ctx.db, input.id),
    'places:create': (input) => createPlace(ctx, input),
    'places:update': (input) => updatePlace(ctx, input),
    'places:setArchived': (input) => setPlaceArchived(ctx, input),
    'portals:list': (input) => listPortals(ctx, input),
    'portals:get': (input) => getPortal(ctx.db, input.id),
    'portals:create': (input) => createPortal(ctx, input),
    'portals:update': (input) => updatePortal(ctx, input),
    'portals:setArchived': (input) => setPortalArchived(ctx, input),
    'portals:import': (input) => importPortals(ctx, input),
    'audits:start': (input) => batchView(ctx, services.audits, services.audits.start(input.portalIds, input)),
    'audits:batch': (input) => batchView(ctx, services.audits, input.batchId),
    'audits:batches': () => recentBatches(),
    'audits:cancel': (input) => {
      services.audits.cancel(input.batchId)
      return batchView(ctx, services.audits, input.batchId)
    },
    'audits:resume': (input) => {
      services.audits.resume(input.batchId)
      return batchView(ctx, services.audits, input.batchId)
    },
    'audits:runs': (input) => listRuns(ctx.db, input.portalId),
    'audits:run': (input) => runDetail(ctx.db, input.runId),
    'audits:compare': (input) => compareRunViews(ctx.db, input.runId, input.previousRunId),
    'audits:screenshot': (input) => {
      if (!ctx.db.prepare('SELECT 1 FROM audit_runs WHERE id = ?').get(input.runId)) {
        throw new ApiError('NOT_FOUND', `检测记录（编号 ${input.runId}）不存在`)
      }
      return screenshot(ctx, input.runId, input.file)
    },
    'audits:manualChecklist': (input) => manualChecklist(ctx.db, input.portalId),
    'audits:answerManual': (input) => answerManualCheck(ctx, input),
    'inspections:list': (input) => listInspectionSummaries(ctx.db, input),
    'inspections:get': (input) => loadInspection(ctx.db, input.id, photoExists),
    'inspections:create': (input) => createInspection(deps, input),
    'inspections:update': (input) => updateInspection(deps, input),
    'inspections:addElement': (input) => addElement(deps, input),
    'inspections:updateElement': (input) => updateElement(deps, input),
    'inspections:removeElement': (input) => removeElement(deps, input),
    'inspections:saveCheck': (input) => saveCheck(deps, input),
    'inspections:attachPhoto': (input) => attachPhoto(deps, input),
    'inspections:detachPhoto': (input) => detachPhoto(deps, input),
    'inspections:submit': (input) => submitInspection(deps, input),
    'inspections:revise': (input) => reviseInspection(deps, input),
    'inspections:compare': (input) => compareWithPrevious(ctx.db, input.id, photoExists),
    'findings:list': (input) => listFindings(ctx.db, input),
    'photos:get': (input) => getPhoto(deps, input),
    'today:summary': () => todaySummary(ctx, { recentBatches }),
  }
}
