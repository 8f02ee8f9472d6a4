import type { CategoryId } from '../../../shared/catalog/categories'
import type { CheckResult, InputRecord } from '../../../shared/catalog/types'
import { normalizeStoredResult } from '../../../shared/catalog/results'
import type {
  CheckEntry,
  Inspection,
  InspectionElement,
  InspectionStatus,
  InspectionSummary,
  PhotoRef,
} from '../../../shared/domain/inspections'
import { ApiError } from '../../../shared/api/errors'
import { checksForCategory, findCheck } from '../../../shared/catalog/index'
import type { CheckDefinition } from '../../../shared/catalog/types'
import type { Db } from '../db/open-database'
import { elementMeta, readSharedState, type ElementValueRow, type StoredCheckRow } from './element-values'

/** Reading inspections out of SQLite: one place for the row shapes and the joins. */

interface SummaryRow {
  id: number
  place_id: number
  place_name: string
  unit_name: string | null
  inspected_on: string
  inspectors: string
  status: string
  catalog_id: string
  catalog_version: string
  revision_of: number | null
  superseded_by: number | null
  previous_inspection_id: number | null
  element_count: number
  fail_count: number
  review_count: number
  entered_count: number
  categories_json: string
  updated_at: string
  notes: string | null
  version: number
  submitted_at: string | null
  global_id: string
  created_by: string | null
  created_device: string | null
  updated_by: string | null
  updated_device: string | null
}

// Results stored before 未填写 existed said needs-review with the blank inputs in `missing`: those are 未填写
// (shared/domain/inspection-gaps.ts isEntered says the same for one result).
const noneMissing = `COALESCE(json_array_length(c.result_json, '$.missing'), 0) = 0`

const summarySelect = `
SELECT i.*, p.name AS place_name, u.name AS unit_name,
  (SELECT MIN(r.id) FROM inspections r WHERE r.revision_of = i.id) AS superseded_by,
  (SELECT COUNT(*) FROM inspection_elements e WHERE e.inspection_id = i.id) AS element_count,
  (SELECT COUNT(*) FROM check_values c JOIN inspection_elements e ON e.id = c.element_id
     WHERE e.inspection_id = i.id AND c.verdict = 'fail') AS fail_count,
  (SELECT COUNT(*) FROM check_values c JOIN inspection_elements e ON e.id = c.element_id
     WHERE e.inspection_id = i.id AND c.verdict = 'needs-review' AND ${noneMissing}) AS review_count,
  (SELECT COUNT(*) FROM check_values c JOIN inspection_elements e ON e.id = c.element_id
     WHERE e.inspection_id = i.id AND c.verdict IS NOT NULL AND c.verdict <> 'not-entered'
       AND (c.verdict <> 'needs-review' OR ${noneMissing})) AS entered_count,
  (SELECT json_group_array(e.category) FROM inspection_elements e WHERE e.inspection_id = i.id) AS categories_json
FROM inspections i
JOIN places p ON p.id = i.place_id
LEFT JOIN units u ON u.id = p.unit_id`

/** Every check of every facility (the catalog's checks of its category) less those with a decided result. */
function notEntered(row: SummaryRow): number {
  const categories = JSON.parse(row.categories_json) as string[]
  const checks = categories.reduce((n, c) => n + checksForCategory(row.catalog_id, c).length, 0)
  return Math.max(0, checks - row.entered_count)
}

function toSummary(row: SummaryRow): InspectionSummary {
  return {
    id: row.id,
    placeId: row.place_id,
    placeName: row.place_name,
    unitName: row.unit_name,
    inspectedOn: row.inspected_on,
    inspectors: row.inspectors,
    status: row.status as InspectionStatus,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    revisionOf: row.revision_of,
    supersededBy: row.superseded_by,
    previousInspectionId: row.previous_inspection_id,
    elementCount: row.element_count,
    failCount: row.fail_count,
    reviewCount: row.review_count,
    notEnteredCount: notEntered(row),
    updatedAt: row.updated_at,
  }
}

export function listInspectionSummaries(
  db: Db,
  filter: {
    placeId?: number | undefined
    status?: InspectionStatus | undefined
    search?: string | undefined
  },
): InspectionSummary[] {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.placeId) {
    where.push('i.place_id = ?')
    params.push(filter.placeId)
  }
  if (filter.status) {
    where.push('i.status = ?')
    params.push(filter.status)
  }
  if (filter.search) {
    where.push("(p.name LIKE ? ESCAPE '\\' OR i.inspectors LIKE ? ESCAPE '\\')")
    const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    params.push(like, like)
  }
  const sql = `${summarySelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY i.inspected_on DESC, i.id DESC`
  return (db.prepare(sql).all(...params) as SummaryRow[]).map(toSummary)
}

interface ElementRow {
  id: number
  category: string
  label: string
  notes: string | null
  position: number
  previous_element_id: number | null
}

interface CheckRow extends StoredCheckRow {
  result_json: string | null
}

interface PhotoRow {
  element_id: number
  sha256: string
  check_id: string | null
  caption: string | null
  original_name: string
  taken_at: string | null
  latitude: number | null
  longitude: number | null
  width: number
  height: number
}

/** `sharedCarried`: the facility's shared values marked 沿用上次 (a check using one is carried too). */
export function toCheckEntry(row: CheckRow, sharedCarried: ReadonlySet<string> = new Set()): CheckEntry {
  const inputs = JSON.parse(row.inputs_json) as InputRecord
  const own = JSON.parse(row.carried_json) as string[]
  const shared = Object.keys(inputs).filter((id) => sharedCarried.has(id) && !own.includes(id))
  return {
    checkId: row.check_id,
    inputs,
    result: row.result_json ? normalizeStoredResult(JSON.parse(row.result_json) as CheckResult) : null,
    confirmedFinding: row.confirmed_finding === 1,
    note: row.note,
    carried: [...own, ...shared].sort(),
  }
}

/** Loads elements with their checks and photos; `photoExists` marks files gone from the data folder. */
export function loadElements(
  db: Db,
  inspectionId: number,
  photoExists: (sha: string) => boolean,
): InspectionElement[] {
  const elements = db
    .prepare('SELECT * FROM inspection_elements WHERE inspection_id = ? ORDER BY position, id')
    .all(inspectionId) as ElementRow[]
  const checks = db
    .prepare(
      `SELECT c.* FROM check_values c JOIN inspection_elements e ON e.id = c.element_id
       WHERE e.inspection_id = ? ORDER BY c.check_id`,
    )
    .all(inspectionId) as CheckRow[]
  const photos = db
    .prepare(
      `SELECT ep.element_id, ep.caption, ep.check_id, p.* FROM element_photos ep JOIN photos p ON p.sha256 = ep.sha256
       JOIN inspection_elements e ON e.id = ep.element_id WHERE e.inspection_id = ? ORDER BY ep.position`,
    )
    .all(inspectionId) as PhotoRow[]
  const values = db
    .prepare(
      `SELECT v.* FROM element_values v JOIN inspection_elements e ON e.id = v.element_id
       WHERE e.inspection_id = ?`,
    )
    .all(inspectionId) as ElementValueRow[]
  const catalogId = (
    db.prepare('SELECT catalog_id FROM inspections WHERE id = ?').get(inspectionId) as
      { catalog_id: string } | undefined
  )?.catalog_id
  return elements.map((e) => {
    const own = checks.filter((c) => c.element_id === e.id)
    const shared = readSharedState(
      catalogId ?? '',
      e.category as CategoryId,
      values.filter((v) => v.element_id === e.id),
      own,
    )
    return {
      id: e.id,
      category: e.category as CategoryId,
      label: e.label,
      notes: e.notes,
      position: e.position,
      previousElementId: e.previous_element_id,
      checks: Object.fromEntries(own.map((c) => [c.check_id, toCheckEntry(c, shared.carried)])),
      measurements: shared.values,
      carriedMeasurements: [...shared.carried].sort(),
      measurementConflicts: shared.conflicts,
      photos: photos
        .filter((p) => p.element_id === e.id)
        .map((p): PhotoRef => ({
          sha256: p.sha256,
          originalName: p.original_name,
          caption: p.caption,
          takenAt: p.taken_at,
          latitude: p.latitude,
          longitude: p.longitude,
          width: p.width,
          height: p.height,
          missing: !photoExists(p.sha256),
          checkId: p.check_id,
        })),
    }
  })
}

export function loadInspection(db: Db, id: number, photoExists: (sha: string) => boolean): Inspection {
  const row = db.prepare(`${summarySelect} WHERE i.id = ?`).get(id) as SummaryRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', `现场检查（编号 ${id}）不存在`)
  return {
    ...toSummary(row),
    globalId: row.global_id,
    authorship: {
      createdBy: row.created_by,
      createdDevice: row.created_device,
      updatedBy: row.updated_by,
      updatedDevice: row.updated_device,
    },
    notes: row.notes,
    version: row.version,
    submittedAt: row.submitted_at,
    elements: loadElements(db, id, photoExists),
  }
}

export function inspectionIdOfElement(db: Db, elementId: number): number {
  const row = db.prepare('SELECT inspection_id FROM inspection_elements WHERE id = ?').get(elementId) as
    { inspection_id: number } | undefined
  if (!row) throw new ApiError('NOT_FOUND', `设施（编号 ${elementId}）不存在`)
  return row.inspection_id
}

/** A check of the element's own category, or a refusal on the request's `checkId` (named by `field`). */
export function checkOfElement(
  db: Db,
  elementId: number,
  checkId: string,
  field = '检查项',
): CheckDefinition {
  const meta = elementMeta(db, elementId)
  const check = findCheck(checkId, meta.catalogId)
  if (!check || check.category !== meta.category)
    throw new ApiError('VALIDATION', `检查项“${checkId}”不属于该设施类别`, [
      { path: 'checkId', message: `${field}：“${checkId}”不属于该设施类别` },
    ])
  return check
}
