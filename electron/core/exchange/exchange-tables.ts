import { createHash } from 'node:crypto'
import { exchangeTableLabels } from '../../../shared/domain/exchange'
import { travellingTables } from '../db/global-identity'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open-database'

/**
 * The shape of each travelling table as an exchange package sees it, read from the database's own schema
 * (columns, foreign keys, unique keys), so a column added by a later migration travels without code here.
 *
 * A record in a package is its row in "global form": the local integer key left out, every reference to another
 * travelling record written as that record's global id (photos are referred to by their hash, which is global
 * already), references to local tables (the batch queue) left out, and evidence paths that carry a local run
 * number written with the run's global id instead.
 */

export type Value = string | number | null
export type GlobalRow = Record<string, Value>

export interface Reference {
  column: string
  table: string
  /** The referenced column: 'id' (written as the target's global id) or a global key such as photos.sha256. */
  to: string
}

export interface TableShape {
  name: string
  label: string
  columns: string[]
  /** The table's key is an INTEGER id that stays local (never written in a package). */
  integerKey: boolean
  references: Reference[]
  /** Columns referring to local tables (audit_runs.batch_id): not exported, left empty on import. */
  localColumns: string[]
  /** Unique keys other than the global id, in global form: a record here with the same key is the same record. */
  uniqueKeys: string[][]
}

/** Authorship columns: carried, but not part of what a record says. */
export const authorshipColumns = ['created_by', 'created_device', 'updated_by', 'updated_device'] as const
/** Left out of the comparison: identity, authorship, the edit counter and the time of the last edit. */
const notCompared = new Set<string>([
  'global_id',
  ...authorshipColumns,
  'version',
  'created_at',
  'updated_at',
  'lease_until',
])

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
export { quote as quoteName }

interface ColumnInfo {
  name: string
  pk: number
}
interface ForeignKeyInfo {
  table: string
  from: string
  to: string | null
}
interface IndexInfo {
  name: string
  unique: number
  origin: string
}

function readShape(db: Db, name: string): TableShape {
  const columnInfo = db.pragma(`table_info(${quote(name)})`) as ColumnInfo[]
  const columns = columnInfo.map((c) => c.name)
  const pk = columnInfo.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
  const integerKey = pk.length === 1 && pk[0]!.name === 'id'
  const travelling = new Set<string>(travellingTables)
  const references: Reference[] = []
  const localColumns: string[] = []
  for (const fk of db.pragma(`foreign_key_list(${quote(name)})`) as ForeignKeyInfo[]) {
    if (travelling.has(fk.table)) references.push({ column: fk.from, table: fk.table, to: fk.to ?? 'id' })
    else localColumns.push(fk.from)
  }
  const uniqueKeys: string[][] = []
  if (!integerKey) uniqueKeys.push(pk.map((c) => c.name))
  for (const index of db.pragma(`index_list(${quote(name)})`) as IndexInfo[]) {
    if (!index.unique || index.origin === 'pk') continue
    const keyColumns = (db.pragma(`index_info(${quote(index.name)})`) as Array<{ name: string | null }>).map(
      (c) => c.name,
    )
    if (keyColumns.some((c) => c === null) || keyColumns.includes('global_id')) continue
    uniqueKeys.push(keyColumns as string[])
  }
  return {
    name,
    label: exchangeTableLabels[name] ?? name,
    columns: columns.filter((c) => !(integerKey && c === 'id') && !localColumns.includes(c)),
    integerKey,
    references,
    localColumns,
    uniqueKeys,
  }
}

/** Tables in an order where every record comes after the records it refers to (self references aside). */
export function orderTables(shapes: TableShape[]): TableShape[] {
  const byName = new Map(shapes.map((s) => [s.name, s]))
  const done = new Set<string>()
  const ordered: TableShape[] = []
  const visit = (shape: TableShape, path: string[]) => {
    if (done.has(shape.name)) return
    if (path.includes(shape.name))
      throw new Error(`travelling tables refer to each other in a cycle: ${path.join(' → ')}`)
    for (const ref of shape.references) {
      const target = byName.get(ref.table)
      if (target && target.name !== shape.name) visit(target, [...path, shape.name])
    }
    done.add(shape.name)
    ordered.push(shape)
  }
  for (const shape of shapes) visit(shape, [])
  return ordered
}

const statementCache = new WeakMap<Db, Map<string, Statement>>()

/** A prepared statement, compiled once per connection: an import or export runs the same few per record. */
export function prepared(db: Db, sql: string): Statement {
  let cache = statementCache.get(db)
  if (!cache) {
    cache = new Map()
    statementCache.set(db, cache)
  }
  let statement = cache.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    cache.set(sql, statement)
  }
  return statement
}

const shapeCache = new WeakMap<Db, TableShape[]>()

/** Every travelling table's shape, parents before children. Read once per connection. */
export function exchangeShapes(db: Db): TableShape[] {
  let shapes = shapeCache.get(db)
  if (!shapes) {
    shapes = orderTables(travellingTables.map((t) => readShape(db, t)))
    shapeCache.set(db, shapes)
  }
  return shapes
}

/**
 * Local numbers written inside text: the run's folder in evidence paths ('"run-12/p3-1.png'), the place, facility
 * and portal in match and group keys ('site:place:3:element:8:check:…', 'web:portal:2:…'), the items of a notice's
 * snapshot ('"itemId":41'). In a package each is written with the record's global id ('{0190…}') and turned back
 * into this installation's number on import, so keys and paths point at the same records everywhere.
 */
export interface EmbeddedIds {
  globalise(text: string, globalIdOf: (table: string, localId: number) => string | null): string
  localise(text: string, localIdOf: (table: string, globalId: string) => number | null): string
}

const gid = '\\{([0-9a-f-]{36})\\}'

/** One number of `table` inside text: `local` and `global` match it with the same parts around it. */
function embedded(table: string, before: string, after: string, quoted = false): EmbeddedIds {
  const local = new RegExp(`(${before})(\\d+)(${after})`, 'g')
  const global = new RegExp(`(${before})${quoted ? '"' : ''}${gid}${quoted ? '"' : ''}(${after})`, 'g')
  return {
    globalise: (text, globalIdOf) =>
      text.replace(local, (whole, pre: string, id: string, post: string) => {
        const g = globalIdOf(table, Number(id))
        return g ? `${pre}${quoted ? '"' : ''}{${g}}${quoted ? '"' : ''}${post}` : whole
      }),
    localise: (text, localIdOf) =>
      text.replace(global, (whole, pre: string, g: string, post: string) => {
        const id = localIdOf(table, g)
        return id === null ? whole : `${pre}${id}${post}`
      }),
  }
}

const runPaths = embedded('audit_runs', '"run-', '/')
const matchKeyIds = [
  embedded('places', '^site:place:', ':'),
  embedded('inspection_elements', '^site:place:[^:]+:element:', ':'),
  embedded('portals', '^web:portal:', ':'),
]
const noticeItemIds = embedded('rectification_items', '"itemId":', '[,}]', true)

export const embeddedIds: Readonly<Record<string, Readonly<Record<string, readonly EmbeddedIds[]>>>> = {
  findings: { evidence_json: [runPaths], match_key: matchKeyIds },
  rectification_items: { reply_json: [runPaths], group_key: matchKeyIds },
  notices: { snapshot_json: [runPaths, noticeItemIds] },
}

/** Canonical JSON: keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * What a record says, for comparing two versions: its content columns in global form. A reference is compared by
 * `identity` (see RecordIndex.identityOf): the same unit made on two installations has two global ids but one name,
 * and a place of that unit must hash the same on both.
 */
export function contentHash(
  shape: TableShape,
  row: GlobalRow,
  identity: (table: string, globalId: string) => string = (_t, g) => g,
): string {
  const content: Record<string, Value> = {}
  for (const column of shape.columns) if (!notCompared.has(column)) content[column] = row[column] ?? null
  for (const ref of shape.references) {
    const value = content[ref.column]
    if (ref.to === 'id' && typeof value === 'string') content[ref.column] = identity(ref.table, value)
  }
  return sha256Hex(canonicalJson(content))
}

/** The unique key (of plain columns) that names a record across installations, e.g. a unit's name; or null. */
export function naturalKey(shape: TableShape): string[] | null {
  if (!shape.integerKey) return null
  const referenceColumns = new Set(shape.references.map((r) => r.column))
  return shape.uniqueKeys.find((key) => key.every((c) => !referenceColumns.has(c))) ?? null
}

/** The columns a person compares in a conflict. */
export function comparedColumns(shape: TableShape): string[] {
  return shape.columns.filter((c) => !notCompared.has(c))
}
