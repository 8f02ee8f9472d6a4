import type { Db } from '../db/open-database'
import {
  canonicalJson,
  prepared,
  embeddedIds,
  exchangeShapes,
  naturalKey,
  quoteName,
  type GlobalRow,
  type TableShape,
  type Value,
} from './exchange-tables'

/**
 * The one translation between a row as stored here (local integer references) and its global form (references as
 * global ids), both ways. Lookups go to the database, to the aliases other installations' ids have here, and to
 * the records an import has written so far.
 */
export class RecordIndex {
  private readonly toGlobalCache = new Map<string, Map<number, string>>()
  private readonly added = new Map<string, Map<string, number>>()

  private readonly shapes: Map<string, TableShape>

  constructor(private readonly db: Db) {
    this.shapes = new Map(exchangeShapes(db).map((s) => [s.name, s]))
  }

  /** The global id of a local record (integer-keyed tables only), or null if it is not there. */
  globalIdOf(table: string, localId: number): string | null {
    let cache = this.toGlobalCache.get(table)
    if (!cache) {
      cache = new Map()
      this.toGlobalCache.set(table, cache)
    }
    const hit = cache.get(localId)
    if (hit !== undefined) return hit
    const g = prepared(this.db, `SELECT global_id FROM ${quoteName(table)} WHERE id = ?`)
      .pluck()
      .get(localId) as string | undefined
    if (g) cache.set(localId, g)
    return g ?? null
  }

  /** The local record a global id stands for: its own, one written by this import, or an alias of one here. */
  localIdOf(table: string, globalId: string): number | null {
    const added = this.added.get(table)?.get(globalId)
    if (added !== undefined) return added
    const own = prepared(this.db, `SELECT id FROM ${quoteName(table)} WHERE global_id = ?`)
      .pluck()
      .get(globalId) as number | undefined
    if (own !== undefined) return own
    const alias = this.canonicalId(table, globalId)
    if (alias === globalId) return null
    return this.localIdOf(table, alias)
  }

  /** The global id a record has here: the alias' target, or the id itself. */
  canonicalId(table: string, globalId: string): string {
    const target = prepared(
      this.db,
      'SELECT record_id FROM exchange_aliases WHERE table_name = ? AND alias_id = ?',
    )
      .pluck()
      .get(table, globalId) as string | undefined
    return target ?? globalId
  }

  /**
   * How a reference to a record is compared across installations: by its natural key where its table has one
   * (a unit's name, a portal's address, a notice's number), since the same one may carry different global ids on
   * two installations; otherwise by the global id it has here.
   */
  identityOf(table: string, globalId: string): string {
    const shape = this.shapes.get(table)
    const localId = this.localIdOf(table, globalId)
    if (!shape || localId === null) return globalId
    const key = naturalKey(shape)
    if (!key) return this.globalIdOf(table, localId) ?? globalId
    const row = prepared(
      this.db,
      `SELECT ${key.map(quoteName).join(', ')} FROM ${quoteName(table)} WHERE id = ?`,
    )
      .raw()
      .get(localId) as Value[]
    return `${table}:${canonicalJson(row)}`
  }

  /** A record written or found by an import: `globalId` (as the package names it) stands for `localId` here. */
  remember(table: string, globalId: string, localId: number): void {
    let map = this.added.get(table)
    if (!map) {
      map = new Map()
      this.added.set(table, map)
    }
    map.set(globalId, localId)
  }
}

export class UnresolvedReference extends Error {
  constructor(
    readonly shape: TableShape,
    readonly column: string,
    readonly target: string,
    readonly globalId: string,
  ) {
    super(`${shape.name}.${column} → ${target} ${globalId}`)
  }
}

/** A stored row in global form. */
export function toGlobal(shape: TableShape, row: Record<string, unknown>, index: RecordIndex): GlobalRow {
  const out: GlobalRow = {}
  for (const column of shape.columns) out[column] = (row[column] ?? null) as Value
  for (const ref of shape.references) {
    const value = row[ref.column]
    if (ref.to === 'id' && typeof value === 'number') out[ref.column] = index.globalIdOf(ref.table, value)
  }
  for (const [column, codecs] of Object.entries(embeddedIds[shape.name] ?? {})) {
    let text = out[column]
    if (typeof text !== 'string') continue
    for (const codec of codecs) text = codec.globalise(text, (table, id) => index.globalIdOf(table, id))
    out[column] = text
  }
  return out
}

/**
 * A record from another installation with each reference written as the id the referenced record has here (an
 * aliased unit is named by this installation's id), so it compares equal to the same content stored here.
 * A reference to a record not found stays as it is (storing it then fails with UnresolvedReference).
 */
export function withLocalIds(shape: TableShape, row: GlobalRow, index: RecordIndex): GlobalRow {
  const out: GlobalRow = { ...row }
  for (const ref of shape.references) {
    const value = row[ref.column]
    if (ref.to !== 'id' || typeof value !== 'string') continue
    const local = index.localIdOf(ref.table, value)
    const canonical = local === null ? null : index.globalIdOf(ref.table, local)
    if (canonical) out[ref.column] = canonical
  }
  return out
}

/** A record in global form as the values to store here; throws UnresolvedReference for a record not found. */
export function toLocal(shape: TableShape, row: GlobalRow, index: RecordIndex): Record<string, Value> {
  const out: Record<string, Value> = {}
  for (const column of shape.columns) out[column] = row[column] ?? null
  for (const ref of shape.references) {
    const value = row[ref.column]
    if (ref.to !== 'id' || value === null || value === undefined) continue
    const local = index.localIdOf(ref.table, String(value))
    if (local === null) throw new UnresolvedReference(shape, ref.column, ref.table, String(value))
    out[ref.column] = local
  }
  for (const [column, codecs] of Object.entries(embeddedIds[shape.name] ?? {})) {
    let text = out[column]
    if (typeof text !== 'string') continue
    for (const codec of codecs) text = codec.localise(text, (table, g) => index.localIdOf(table, g))
    out[column] = text
  }
  return out
}

/** The stored row a global id stands for here (its own id or an alias), with its rowid. */
export function findLocalRow(
  db: Db,
  shape: TableShape,
  globalId: string,
  index: RecordIndex,
): (Record<string, unknown> & { rowid: number }) | null {
  const select = prepared(db, `SELECT rowid AS rowid, * FROM ${quoteName(shape.name)} WHERE global_id = ?`)
  const own = select.get(globalId) as (Record<string, unknown> & { rowid: number }) | undefined
  if (own) return own
  const canonical = index.canonicalId(shape.name, globalId)
  if (canonical === globalId) return null
  return (select.get(canonical) as (Record<string, unknown> & { rowid: number }) | undefined) ?? null
}

/** A stored row with the same unique key (e.g. the same unit name), for a record whose global id is new here. */
export function findSameKeyRow(
  db: Db,
  shape: TableShape,
  local: Record<string, Value>,
): (Record<string, unknown> & { rowid: number }) | null {
  for (const key of shape.uniqueKeys) {
    if (key.some((c) => local[c] === null || local[c] === undefined)) continue
    const where = key.map((c) => `${quoteName(c)} = ?`).join(' AND ')
    const row = db
      .prepare(`SELECT rowid AS rowid, * FROM ${quoteName(shape.name)} WHERE ${where}`)
      .get(...key.map((c) => local[c])) as (Record<string, unknown> & { rowid: number }) | undefined
    if (row) return row
  }
  return null
}
