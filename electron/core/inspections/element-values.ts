import { ApiError } from '../../../shared/api/errors'
import { checksForCategory, evaluateCheck } from '../../../shared/catalog/index'
import type { CheckDefinition, CheckResult, InputRecord, InputValue } from '../../../shared/catalog/types'
import type { CategoryId } from '../../../shared/catalog/categories'
import type { MeasurementConflict } from '../../../shared/domain/inspections'
import {
  inputsForCheck,
  isBlankValue,
  ownInputs,
  sameValue,
  sharedInputs,
} from '../../../shared/domain/inspection-measurements'
import type { Db } from '../db/open-database'

/**
 * Measure once, on the server: a facility's shared values live in element_values; every check of the facility
 * that uses one is stored with it (check_values.inputs_json keeps the full record the check was judged with, so
 * findings, records and notices read one place). A change to a shared value re-judges every check that uses it,
 * in the caller's transaction; a value some check refuses is refused for all, and nothing is written.
 */

export interface ElementValueRow {
  element_id: number
  input_id: string
  value_json: string
  carried: number
}

export interface StoredCheckRow {
  element_id: number
  check_id: string
  inputs_json: string
  note: string | null
  confirmed_finding: number
  carried_json: string
}

export interface SharedState {
  /** Resolved shared values (blank ones left out). */
  values: InputRecord
  /** Shared ids the facility holds one value for (stored, or read alike from every check saved before v7). */
  resolved: Set<string>
  carried: Set<string>
  conflicts: MeasurementConflict[]
}

const parse = <T>(json: string): T => JSON.parse(json) as T

/**
 * The facility's shared values: a stored value wins; an id not stored yet (an element saved before v7) is read
 * from its checks' records when they agree, and is a conflict for the inspector to settle when they do not.
 */
export function readSharedState(
  catalogId: string,
  category: CategoryId,
  stored: readonly ElementValueRow[],
  checks: readonly StoredCheckRow[],
): SharedState {
  const state: SharedState = { values: {}, resolved: new Set(), carried: new Set(), conflicts: [] }
  for (const shared of sharedInputs(catalogId, category)) {
    const id = shared.def.id
    const row = stored.find((r) => r.input_id === id)
    if (row) {
      state.resolved.add(id)
      const value = parse<InputValue>(row.value_json)
      if (!isBlankValue(value)) state.values[id] = value
      if (row.carried === 1) state.carried.add(id)
      continue
    }
    const seen = shared.checkIds
      .map((checkId) => checks.find((c) => c.check_id === checkId))
      .filter((c) => c !== undefined)
      .map((c) => ({ checkId: c.check_id, value: parse<InputRecord>(c.inputs_json)[id] ?? null }))
      .filter((s) => !isBlankValue(s.value))
    if (seen.every((s) => sameValue(s.value, seen[0]!.value))) {
      state.resolved.add(id)
      if (seen[0]) state.values[id] = seen[0].value
      const carriedEverywhere =
        seen.length > 0 &&
        checks.every(
          (c) => !seen.some((s) => s.checkId === c.check_id) || parse<string[]>(c.carried_json).includes(id),
        )
      if (carriedEverywhere) state.carried.add(id)
    } else state.conflicts.push({ inputId: id, values: seen })
  }
  return state
}

/** Input ids a check was given that it does not define are ignored, as evaluateCheck does. */
function definedIds(check: CheckDefinition): Set<string> {
  return new Set(check.inputs.map((i) => i.id))
}

export interface CheckEdit {
  checkId: string
  /** The check's inputs as sent: shared ids in it change the facility's value; the rest replace its own. */
  inputs: InputRecord
  note: string | null
  confirmedFinding: boolean
  carried: readonly string[] | undefined
}

export interface ElementChange {
  elementId: number
  /** Shared values to set (null clears); ids left out keep their value. */
  shared?: InputRecord
  /** Which of the shared values sent are copies of the last inspection's; undefined = keep unchanged marks. */
  sharedCarried?: readonly string[] | undefined
  check?: CheckEdit
  /** Re-judge every check that uses a shared value (before submit), not only those whose value changed. */
  recomputeAll?: boolean
}

/** An element's inspection, category and the catalog its checks come from. */
export function elementMeta(
  db: Db,
  elementId: number,
): { inspectionId: number; category: CategoryId; catalogId: string } {
  const row = db
    .prepare(
      `SELECT e.inspection_id, e.category, i.catalog_id FROM inspection_elements e
       JOIN inspections i ON i.id = e.inspection_id WHERE e.id = ?`,
    )
    .get(elementId) as { inspection_id: number; category: CategoryId; catalog_id: string } | undefined
  if (!row) throw new ApiError('NOT_FOUND', `设施（编号 ${elementId}）不存在`)
  return { inspectionId: row.inspection_id, category: row.category, catalogId: row.catalog_id }
}

function validationError(messages: Array<{ path: string; message: string }>): ApiError {
  return new ApiError('VALIDATION', messages.map((m) => m.message).join('；'), messages)
}

/**
 * The ids that stay marked 沿用上次 after a save: those the request names as copies, or (when it names none) those
 * already marked whose value did not change. A blank value is never carried.
 */
function carriedAfter(
  ids: Iterable<string>,
  value: { before: (id: string) => InputValue | undefined; after: (id: string) => InputValue | undefined },
  wasCarried: (id: string) => boolean,
  sent: { ids: ReadonlySet<string>; carried: readonly string[] | undefined },
): Set<string> {
  const out = new Set<string>()
  for (const id of ids) {
    if (isBlankValue(value.after(id))) continue
    const keep =
      sent.ids.has(id) && sent.carried !== undefined
        ? sent.carried.includes(id)
        : wasCarried(id) && sameValue(value.before(id), value.after(id))
    if (keep) out.add(id)
  }
  return out
}

interface CheckWrite {
  checkId: string
  inputs: InputRecord
  result: CheckResult | null
  note: string | null
  confirmed: boolean
  carried: Set<string>
}

/**
 * Applies one edit of a facility (its shared values and/or one check) and re-judges the checks it touches.
 * Call inside the save's transaction, after claiming the inspection's version.
 */
export function applyElementChange(db: Db, change: ElementChange, now: string): void {
  const { category, catalogId } = elementMeta(db, change.elementId)
  const checks = checksForCategory(catalogId, category)
  const sharedIds = new Set(sharedInputs(catalogId, category).map((s) => s.def.id))
  const storedValues = db
    .prepare('SELECT * FROM element_values WHERE element_id = ?')
    .all(change.elementId) as ElementValueRow[]
  const rows = db
    .prepare('SELECT * FROM check_values WHERE element_id = ?')
    .all(change.elementId) as StoredCheckRow[]
  const before = readSharedState(catalogId, category, storedValues, rows)

  // The shared values sent: by the shared-values form, or inside one check's inputs.
  const sentShared: InputRecord = { ...change.shared }
  const edit = change.check
  if (edit) {
    const defined = definedIds(checks.find((c) => c.id === edit.checkId)!)
    for (const [id, value] of Object.entries(edit.inputs))
      if (sharedIds.has(id) && defined.has(id)) sentShared[id] = value
  }
  for (const id of Object.keys(sentShared))
    if (!sharedIds.has(id))
      throw validationError([{ path: `values.${id}`, message: `“${id}”不是该设施的共用测量值` }])

  const after: InputRecord = { ...before.values }
  const changed = new Set<string>()
  for (const [id, value] of Object.entries(sentShared)) {
    if (!before.resolved.has(id) || !sameValue(before.values[id], value)) changed.add(id)
    if (isBlankValue(value)) delete after[id]
    else after[id] = value
  }
  const resolved = new Set([...before.resolved, ...Object.keys(sentShared)])
  const sharedCarried = carriedAfter(
    sharedIds,
    { before: (id) => before.values[id], after: (id) => after[id] },
    (id) => before.carried.has(id),
    { ids: new Set(Object.keys(sentShared)), carried: change.sharedCarried ?? edit?.carried },
  )

  // Every check to judge again, with the full record it will be stored with.
  const writes: CheckWrite[] = []
  const errors: Array<{ path: string; message: string }> = []
  for (const check of checks) {
    const row = rows.find((r) => r.check_id === check.id)
    const edited = edit?.checkId === check.id
    const usesShared = check.inputs.some((i) => sharedIds.has(i.id))
    if (!edited && !check.inputs.some((i) => changed.has(i.id)) && !(change.recomputeAll && usesShared))
      continue
    const stored = row ? parse<InputRecord>(row.inputs_json) : {}
    const own = edited ? ownInputs(edit.inputs, sharedIds) : ownInputs(stored, sharedIds)
    // An unsettled conflict keeps each check's own old value until the inspector types the one value.
    const shared: InputRecord = { ...after }
    for (const id of sharedIds) if (!resolved.has(id) && !isBlankValue(stored[id])) shared[id] = stored[id]!
    const inputs = inputsForCheck(check, own, shared, sharedIds)
    if (!edited && row === undefined && Object.keys(inputs).length === 0) continue
    const evaluated = evaluateCheck(check.id, inputs, { catalogId })
    if (!evaluated.ok) {
      for (const e of evaluated.errors) {
        const sentInCheck = edited && e.inputId !== null && e.inputId in edit.inputs
        const where = e.inputId !== null && sharedIds.has(e.inputId) && !sentInCheck ? 'values' : 'inputs'
        errors.push({
          path: e.inputId ? `${where}.${e.inputId}` : 'inputs',
          message: edited ? e.message : `${check.title}：${e.message}`,
        })
      }
      continue
    }
    const ownIds = check.inputs.map((i) => i.id).filter((id) => !sharedIds.has(id))
    writes.push({
      checkId: check.id,
      inputs,
      result: Object.keys(inputs).length ? evaluated.result : null,
      note: edited ? edit.note : (row?.note ?? null),
      confirmed: edited ? edit.confirmedFinding : row?.confirmed_finding === 1,
      carried: carriedAfter(
        ownIds,
        { before: (id) => stored[id], after: (id) => inputs[id] },
        (id) => (row ? parse<string[]>(row.carried_json).includes(id) : false),
        { ids: new Set(edited ? ownIds : []), carried: edited ? edit.carried : undefined },
      ),
    })
  }
  if (errors.length)
    throw validationError(errors.filter((e, i) => errors.findIndex((o) => o.message === e.message) === i))

  writeSharedValues(db, change.elementId, sentShared, after, sharedCarried, storedValues, now)
  for (const write of writes) writeCheckRow(db, change.elementId, write, now)
}

function writeSharedValues(
  db: Db,
  elementId: number,
  sent: InputRecord,
  after: InputRecord,
  carried: Set<string>,
  stored: readonly ElementValueRow[],
  now: string,
): void {
  const upsert = db.prepare(
    `INSERT INTO element_values (element_id, input_id, value_json, carried, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (element_id, input_id) DO UPDATE SET value_json = excluded.value_json, carried = excluded.carried,
       updated_at = excluded.updated_at`,
  )
  // A cleared value is stored as null: settled as blank, unlike an id never stored (read from older records).
  for (const id of Object.keys(sent))
    upsert.run(elementId, id, JSON.stringify(after[id] ?? null), carried.has(id) ? 1 : 0, now)
  const mark = db.prepare('UPDATE element_values SET carried = ? WHERE element_id = ? AND input_id = ?')
  for (const row of stored)
    if (!(row.input_id in sent)) mark.run(carried.has(row.input_id) ? 1 : 0, elementId, row.input_id)
}

function writeCheckRow(db: Db, elementId: number, write: CheckWrite, now: string): void {
  if (write.result === null && Object.keys(write.inputs).length === 0 && !write.note && !write.confirmed) {
    db.prepare('DELETE FROM check_values WHERE element_id = ? AND check_id = ?').run(elementId, write.checkId)
    return
  }
  db.prepare(
    `INSERT INTO check_values (element_id, check_id, inputs_json, result_json, verdict, confirmed_finding, note,
       updated_at, carried_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (element_id, check_id) DO UPDATE SET inputs_json = excluded.inputs_json,
       result_json = excluded.result_json, verdict = excluded.verdict,
       confirmed_finding = excluded.confirmed_finding, note = excluded.note, updated_at = excluded.updated_at,
       carried_json = excluded.carried_json`,
  ).run(
    elementId,
    write.checkId,
    JSON.stringify(write.inputs),
    write.result ? JSON.stringify(write.result) : null,
    write.result?.verdict ?? null,
    write.confirmed ? 1 : 0,
    write.note,
    now,
    JSON.stringify([...write.carried].sort()),
  )
}
