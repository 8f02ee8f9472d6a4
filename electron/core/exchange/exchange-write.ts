import type { Db } from '../db/open-database'
import { prepared, quoteName, type TableShape, type Value } from './exchange-tables'

/**
 * Writing a record that came from another installation, keeping who made it there. The authorship triggers
 * (global-identity.ts) stamp this installation's inspector on any update that leaves updated_device as it was, so
 * authorship is written in two steps: first with a placeholder device (the trigger stays quiet because the device
 * changed), then with the real one (changed again, quiet again).
 */

const placeholderDevice = '#exchange'

export interface Authorship {
  created_by: Value
  created_device: Value
  updated_by: Value
  updated_device: Value
}

function writeAuthorship(db: Db, table: string, rowid: number, a: Partial<Authorship>): void {
  const columns = Object.keys(a).filter((c) => c !== 'updated_device')
  const sets = [...columns.map((c) => `${quoteName(c)} = ?`), 'updated_device = ?'].join(', ')
  prepared(db, `UPDATE ${quoteName(table)} SET ${sets} WHERE rowid = ?`).run(
    ...columns.map((c) => a[c as keyof Authorship] ?? null),
    placeholderDevice,
    rowid,
  )
  prepared(db, `UPDATE ${quoteName(table)} SET updated_device = ? WHERE rowid = ?`).run(
    a.updated_device ?? null,
    rowid,
  )
}

/** Inserts a record as it came, with its global id and authorship; returns the new rowid. */
export function insertRecord(db: Db, shape: TableShape, values: Record<string, Value>): number {
  const columns = shape.columns
  const sql = `INSERT INTO ${quoteName(shape.name)} (${columns.map(quoteName).join(', ')}) VALUES (${columns
    .map(() => '?')
    .join(', ')})`
  const rowid = Number(prepared(db, sql).run(...columns.map((c) => values[c] ?? null)).lastInsertRowid)
  // Records from before authorship was kept have none: the insert trigger stamped this installation; undo that.
  if (values.created_device === null || values.updated_device === null)
    writeAuthorship(db, shape.name, rowid, {
      created_by: values.created_by ?? null,
      created_device: values.created_device ?? null,
      updated_by: values.updated_by ?? null,
      updated_device: values.updated_device ?? null,
    })
  return rowid
}

/**
 * Replaces what a stored record says with another installation's version of it. Its global id and who first made
 * it stay; the last change is credited to whoever made it there; the edit counter moves on, so a form open on the
 * old version is refused instead of overwriting this one.
 */
export function updateRecord(
  db: Db,
  shape: TableShape,
  rowid: number,
  values: Record<string, Value>,
  currentVersion: unknown,
): void {
  const keep = new Set(['global_id', 'created_by', 'created_device', 'updated_device', 'version'])
  const columns = shape.columns.filter((c) => !keep.has(c))
  const sets = columns.map((c) => `${quoteName(c)} = ?`)
  const params: Value[] = columns.map((c) => values[c] ?? null)
  if (shape.columns.includes('version')) {
    sets.push('version = ?')
    params.push((typeof currentVersion === 'number' ? currentVersion : 0) + 1)
  }
  sets.push('updated_device = ?')
  params.push(placeholderDevice)
  prepared(db, `UPDATE ${quoteName(shape.name)} SET ${sets.join(', ')} WHERE rowid = ?`).run(...params, rowid)
  prepared(db, `UPDATE ${quoteName(shape.name)} SET updated_device = ? WHERE rowid = ?`).run(
    values.updated_device ?? null,
    rowid,
  )
}
