import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import { getCatalog, DEFAULT_CATALOG_ID } from '../../../shared/catalog/index'
import type { Inspection } from '../../../shared/domain/inspections'
import type { CoreContext } from '../context'
import { inTransaction } from '../db/transaction'
import type { Db } from '../db/open-database'
import { getPlace } from '../registry/places-service'
import { applyElementChange } from './element-values'
import { createFindingsForInspection } from './findings-service'
import { refuseImpossibleInspectionDate } from './inspection-dates'
import { checkOfElement, inspectionIdOfElement, loadInspection } from './inspection-rows'

export interface InspectionDeps {
  ctx: CoreContext
  photoExists: (sha256: string) => boolean
  /** Runs after a submit wrote findings (the composition root wires the rectification sync here). */
  afterFindings?: () => void
}

const load = (deps: InspectionDeps, id: number): Inspection =>
  loadInspection(deps.ctx.db, id, deps.photoExists)

/**
 * Every edit of a draft goes through here: it must be based on the current version (two windows never overwrite
 * each other silently) and the inspection must still be a draft (submitted = read-only).
 */
export function claimVersion(db: Db, inspectionId: number, baseVersion: number, now: string): void {
  const row = db.prepare('SELECT status, version FROM inspections WHERE id = ?').get(inspectionId) as
    { status: string; version: number } | undefined
  if (!row) throw new ApiError('NOT_FOUND', `现场检查（编号 ${inspectionId}）不存在`)
  if (row.status !== 'draft') {
    throw new ApiError('CONFLICT', '该检查已提交，不能再修改。如需更正，请生成新修订。')
  }
  if (row.version !== baseVersion) {
    throw new ApiError(
      'CONFLICT',
      '此检查已在其他窗口中被修改。为避免覆盖他人的修改，本次未保存，请重新载入后再改。',
    )
  }
  db.prepare('UPDATE inspections SET version = version + 1, updated_at = ? WHERE id = ?').run(
    now,
    inspectionId,
  )
}

/**
 * One edit of an element of a draft: in one transaction, the inspection's version is claimed (see claimVersion)
 * and `work` runs; returns the inspection as it now stands.
 */
export function editElement(
  deps: InspectionDeps,
  input: { elementId: number; baseVersion: number },
  work: (now: string) => void,
): Inspection {
  const { db } = deps.ctx
  const now = deps.ctx.now().toISOString()
  const inspectionId = inspectionIdOfElement(db, input.elementId)
  inTransaction(db, () => {
    claimVersion(db, inspectionId, input.baseVersion, now)
    work(now)
  })
  return load(deps, inspectionId)
}

/** What a new inspection of the place is compared with: the latest submitted one (a submitted revision replaces its original). */
function lastSubmittedInspection(db: Db, placeId: number): { id: number; inspectedOn: string } | null {
  const row = db
    .prepare(
      `SELECT i.id, i.inspected_on AS inspectedOn FROM inspections i WHERE i.place_id = ? AND i.status = 'submitted'
         AND NOT EXISTS (SELECT 1 FROM inspections r WHERE r.revision_of = i.id AND r.status = 'submitted')
       ORDER BY i.inspected_on DESC, i.id DESC LIMIT 1`,
    )
    .get(placeId) as { id: number; inspectedOn: string } | undefined
  return row ?? null
}

export function createInspection(
  deps: InspectionDeps,
  input: ParsedInputOf<'inspections:create'>,
): Inspection {
  const { db } = deps.ctx
  const clock = deps.ctx.now()
  const now = clock.toISOString()
  const catalog = getCatalog(DEFAULT_CATALOG_ID)
  if (!catalog) throw new ApiError('INTERNAL', '检查目录缺失')
  const id = inTransaction(db, () => {
    const place = getPlace(db, input.placeId)
    if (place.archived) throw new ApiError('VALIDATION', `场所“${place.name}”已归档，请先恢复后再检查`)
    const previous = lastSubmittedInspection(db, input.placeId)
    refuseImpossibleInspectionDate(input.inspectedOn, {
      now: clock,
      previousInspectedOn: previous?.inspectedOn ?? null,
    })
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO inspections (place_id, inspected_on, inspectors, notes, catalog_id, catalog_version,
           previous_inspection_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.placeId,
        input.inspectedOn,
        input.inspectors,
        input.notes,
        catalog.id,
        catalog.version,
        previous?.id ?? null,
        now,
        now,
      )
    const newId = Number(lastInsertRowid)
    // A re-inspection starts from the same elements, linked to their previous selves, with blank measurements.
    if (previous !== null) {
      db.prepare(
        `INSERT INTO inspection_elements (inspection_id, category, label, position, previous_element_id)
         SELECT ?, category, label, position, id FROM inspection_elements WHERE inspection_id = ? ORDER BY position`,
      ).run(newId, previous.id)
    }
    return newId
  })
  return load(deps, id)
}

/**
 * 修改基本信息 judges a changed date as creation does, against the inspection this one was linked to when it was
 * created. An unchanged date is not judged again, so correcting the inspectors is never blocked by a date that was
 * possible when it was entered (the clock or time zone of the laptop has moved back since, or an older record).
 */
function refuseImpossibleDateChange(db: Db, inspectionId: number, inspectedOn: string, now: Date): void {
  const row = db
    .prepare(
      `SELECT i.inspected_on, p.inspected_on AS previous_on FROM inspections i
       LEFT JOIN inspections p ON p.id = i.previous_inspection_id WHERE i.id = ?`,
    )
    .get(inspectionId) as { inspected_on: string; previous_on: string | null } | undefined
  if (!row || row.inspected_on === inspectedOn) return
  refuseImpossibleInspectionDate(inspectedOn, { now, previousInspectedOn: row.previous_on })
}

export function updateInspection(
  deps: InspectionDeps,
  input: ParsedInputOf<'inspections:update'>,
): Inspection {
  const { db } = deps.ctx
  const clock = deps.ctx.now()
  const now = clock.toISOString()
  inTransaction(db, () => {
    claimVersion(db, input.id, input.baseVersion, now)
    refuseImpossibleDateChange(db, input.id, input.inspectedOn, clock)
    db.prepare('UPDATE inspections SET inspected_on = ?, inspectors = ?, notes = ? WHERE id = ?').run(
      input.inspectedOn,
      input.inspectors,
      input.notes,
      input.id,
    )
  })
  return load(deps, input.id)
}

export function addElement(deps: InspectionDeps, input: ParsedInputOf<'inspections:addElement'>): Inspection {
  const { db } = deps.ctx
  const now = deps.ctx.now().toISOString()
  inTransaction(db, () => {
    claimVersion(db, input.inspectionId, input.baseVersion, now)
    const next = db
      .prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM inspection_elements WHERE inspection_id = ?')
      .get(input.inspectionId) as { p: number }
    db.prepare(
      'INSERT INTO inspection_elements (inspection_id, category, label, position) VALUES (?, ?, ?, ?)',
    ).run(input.inspectionId, input.category, input.label, next.p)
  })
  return load(deps, input.inspectionId)
}

export function updateElement(
  deps: InspectionDeps,
  input: ParsedInputOf<'inspections:updateElement'>,
): Inspection {
  return editElement(deps, input, () => {
    deps.ctx.db
      .prepare('UPDATE inspection_elements SET label = ?, notes = ? WHERE id = ?')
      .run(input.label, input.notes, input.elementId)
  })
}

export function removeElement(
  deps: InspectionDeps,
  input: ParsedInputOf<'inspections:removeElement'>,
): Inspection {
  return editElement(deps, input, () => {
    deps.ctx.db.prepare('DELETE FROM inspection_elements WHERE id = ?').run(input.elementId)
  })
}

/** Autosave of one check: validated and judged by the shared catalog, stored with its result. */
export function saveCheck(deps: InspectionDeps, input: ParsedInputOf<'inspections:saveCheck'>): Inspection {
  checkOfElement(deps.ctx.db, input.elementId, input.checkId)
  return editElement(deps, input, (now) =>
    applyElementChange(
      deps.ctx.db,
      {
        elementId: input.elementId,
        check: {
          checkId: input.checkId,
          inputs: input.inputs,
          note: input.note,
          confirmedFinding: input.confirmedFinding ?? false,
          carried: input.carried,
        },
      },
      now,
    ),
  )
}

/** Measure once: the facility's shared values, typed once; every check that uses one is judged again with it. */
export function saveMeasurements(
  deps: InspectionDeps,
  input: ParsedInputOf<'inspections:saveMeasurements'>,
): Inspection {
  return editElement(deps, input, (now) =>
    applyElementChange(
      deps.ctx.db,
      { elementId: input.elementId, shared: input.values, sharedCarried: input.carried },
      now,
    ),
  )
}

export function submitInspection(
  deps: InspectionDeps,
  input: ParsedInputOf<'inspections:submit'>,
): Inspection {
  const { db } = deps.ctx
  const now = deps.ctx.now().toISOString()
  inTransaction(db, () => {
    claimVersion(db, input.id, input.baseVersion, now)
    const elementIds = db
      .prepare('SELECT id FROM inspection_elements WHERE inspection_id = ? ORDER BY position, id')
      .pluck()
      .all(input.id) as number[]
    if (elementIds.length === 0) {
      throw new ApiError('VALIDATION', '检查中还没有任何设施，不能提交。请先添加设施并填写测量值。')
    }
    // Every check is stored as judged with the facility's shared values (records saved before v7 included), so
    // the findings are exactly what the screen showed.
    for (const elementId of elementIds) applyElementChange(db, { elementId, recomputeAll: true }, now)
    const inspection = loadInspection(db, input.id, deps.photoExists)
    db.prepare("UPDATE inspections SET status = 'submitted', submitted_at = ? WHERE id = ?").run(
      now,
      input.id,
    )
    createFindingsForInspection(db, inspection, now)
  })
  // Rectification items and verification proposals follow the new findings (wired by the composition root).
  deps.afterFindings?.()
  return load(deps, input.id)
}

/** A correction of a submitted inspection is a new draft revision carrying every value; the original stays as it was. */
export function reviseInspection(
  deps: InspectionDeps,
  input: ParsedInputOf<'inspections:revise'>,
): Inspection {
  const { db } = deps.ctx
  const now = deps.ctx.now().toISOString()
  const id = inTransaction(db, () => {
    const original = loadInspection(db, input.id, deps.photoExists)
    if (original.status !== 'submitted') throw new ApiError('CONFLICT', '只有已提交的检查才能生成修订')
    if (original.supersededBy !== null) {
      throw new ApiError('CONFLICT', `该检查已有修订（编号 ${original.supersededBy}），请在最新修订上更正`)
    }
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO inspections (place_id, inspected_on, inspectors, notes, catalog_id, catalog_version, revision_of,
           previous_inspection_id, created_at, updated_at)
         SELECT place_id, inspected_on, inspectors, notes, catalog_id, catalog_version, id, previous_inspection_id, ?, ?
         FROM inspections WHERE id = ?`,
      )
      .run(now, now, input.id)
    const revisionId = Number(lastInsertRowid)
    const insertElement = db.prepare(
      `INSERT INTO inspection_elements (inspection_id, category, label, notes, position, previous_element_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    for (const element of original.elements) {
      const newElement = Number(
        insertElement.run(
          revisionId,
          element.category,
          element.label,
          element.notes,
          element.position,
          element.previousElementId,
        ).lastInsertRowid,
      )
      db.prepare(
        `INSERT INTO check_values (element_id, check_id, inputs_json, result_json, verdict, confirmed_finding, note,
           updated_at, carried_json)
         SELECT ?, check_id, inputs_json, result_json, verdict, confirmed_finding, note, ?, carried_json
         FROM check_values WHERE element_id = ?`,
      ).run(newElement, now, element.id)
      db.prepare(
        `INSERT INTO element_values (element_id, input_id, value_json, carried, updated_at)
         SELECT ?, input_id, value_json, carried, ? FROM element_values WHERE element_id = ?`,
      ).run(newElement, now, element.id)
      db.prepare(
        `INSERT INTO element_photos (element_id, sha256, caption, position, check_id)
         SELECT ?, sha256, caption, position, check_id FROM element_photos WHERE element_id = ?`,
      ).run(newElement, element.id)
    }
    return revisionId
  })
  return load(deps, id)
}

/**
 * Discards a draft inspection (放弃草稿): its facilities, values and photo links go with it; the photo files, the
 * place and every other inspection stay. A submitted inspection is a record and is never discarded.
 */
export function discardInspection(
  deps: InspectionDeps,
  input: ParsedInputOf<'inspections:discard'>,
): { id: number; placeName: string } {
  const { db } = deps.ctx
  return inTransaction(db, () => {
    claimVersion(db, input.id, input.baseVersion, deps.ctx.now().toISOString())
    const place = db
      .prepare('SELECT p.name FROM inspections i JOIN places p ON p.id = i.place_id WHERE i.id = ?')
      .pluck()
      .get(input.id) as string
    db.prepare("DELETE FROM inspections WHERE id = ? AND status = 'draft'").run(input.id)
    return { id: input.id, placeName: place }
  })
}
