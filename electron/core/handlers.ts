import type { CoreContext } from './context'
import type { CoreServices, Handlers } from './handler-types'
import { listFindings } from './inspections/findings-service'
import { compareWithPrevious, gapsOf } from './inspections/inspection-compare'
import { copyPrevious } from './inspections/copy-previous'
import { attachPhoto, detachPhoto, getPhoto, updatePhoto } from './inspections/inspection-photos'
import { listInspectionSummaries, loadInspection } from './inspections/inspection-rows'
import {
  addElement,
  createInspection,
  discardInspection,
  removeElement,
  reviseInspection,
  saveCheck,
  saveMeasurements,
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
import { commitRegistryImport, previewRegistryImport } from './registry/registry-import'
import { createUnit, getUnit, listUnits, setUnitArchived, updateUnit } from './registry/units-service'
import { loadInstallation, saveTeamProfile } from './db/installation'
import { rectificationHandlers } from './rectification/rectification-handlers'
import { reportHandlers } from './reports/report-handlers'
import { todaySummary } from './today/today-service'
import { webAuditHandlers } from './web-audits/web-audit-handlers'
import { exchangeHandlers } from './exchange/exchange-handlers'

export function createHandlers(ctx: CoreContext, services: CoreServices): Handlers {
  const photoExists = (sha: string) => services.photos.exists(sha)
  const deps = {
    ctx,
    photoExists,
    photos: services.photos,
    readFile: services.readFile,
    afterFindings: services.afterFindings,
  }
  return {
    ...rectificationHandlers(ctx, services),
    ...reportHandlers(ctx, services),
    ...webAuditHandlers(ctx, services),
    ...exchangeHandlers(ctx, services),
    'app:info': (_input, door) => ({
      version: ctx.appVersion,
      schemaVersion: Number(ctx.db.pragma('user_version', { simple: true })),
      dataDir: ctx.dataDir,
      door,
    }),
    'team:profile': () => loadInstallation(ctx.db),
    'team:saveProfile': (input) => saveTeamProfile(ctx.db, input, ctx.now()),
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
    'registry:importPreview': (input) => previewRegistryImport(ctx, input),
    'registry:importCommit': (input) => commitRegistryImport(ctx, input),
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
    'inspections:saveMeasurements': (input) => saveMeasurements(deps, input),
    'inspections:copyPrevious': (input) => copyPrevious(deps, input),
    'inspections:updatePhoto': (input) => updatePhoto(deps, input),
    'inspections:gaps': (input) => gapsOf(ctx.db, input.id, photoExists),
    'inspections:discard': (input) => discardInspection(deps, input),
    'findings:list': (input) => listFindings(ctx.db, input),
    'photos:get': (input) => getPhoto(deps, input),
    'today:summary': () => todaySummary(ctx, { recentBatches: () => services.webAudits.recentBatches() }),
  }
}
