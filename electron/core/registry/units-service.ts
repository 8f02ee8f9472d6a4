import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import type { Unit, UnitKind } from '../../../shared/domain/units'
import seeds from '../../../resources/seeds/responsible-units.json'
import type { CoreContext } from '../context'
import { inTransaction, isUniqueViolation, likePattern } from '../db/transaction'
import type { Db } from '../db/open-database'

interface UnitRow {
  id: number
  name: string
  kind: string
  contact_person: string | null
  phone: string | null
  note: string | null
  archived: number
  version: number
  created_at: string
  updated_at: string
  place_count: number
}

const selectUnits = `SELECT u.*, (SELECT COUNT(*) FROM places p WHERE p.unit_id = u.id AND p.archived = 0) AS place_count
  FROM units u`

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as UnitKind,
    contactPerson: row.contact_person,
    phone: row.phone,
    note: row.note,
    archived: row.archived === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    placeCount: row.place_count,
  }
}

const sortColumns = {
  name: 'u.name',
  kind: 'u.kind',
  updatedAt: 'u.updated_at',
  placeCount: 'place_count',
} as const

export function listUnits(ctx: CoreContext, input: ParsedInputOf<'units:list'>): Unit[] {
  const where: string[] = []
  const params: unknown[] = []
  if (!input.includeArchived) where.push('u.archived = 0')
  if (input.kind) {
    where.push('u.kind = ?')
    params.push(input.kind)
  }
  if (input.search) {
    where.push(
      "(u.name LIKE ? ESCAPE '\\' OR u.contact_person LIKE ? ESCAPE '\\' OR u.phone LIKE ? ESCAPE '\\')",
    )
    const p = likePattern(input.search)
    params.push(p, p, p)
  }
  const column = sortColumns[input.sortBy ?? 'name']
  const direction = input.sortDirection === 'desc' ? 'DESC' : 'ASC'
  const sql = `${selectUnits} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${column} ${direction}, u.id`
  return (ctx.db.prepare(sql).all(...params) as UnitRow[]).map(toUnit)
}

export function getUnit(db: Db, id: number): Unit {
  const row = db.prepare(`${selectUnits} WHERE u.id = ?`).get(id) as UnitRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', `责任单位（编号 ${id}）不存在`)
  return toUnit(row)
}

function duplicate(name: string): ApiError {
  return new ApiError('DUPLICATE', `已存在名为“${name}”的责任单位`, [
    { path: 'name', message: `单位名称：已存在名为“${name}”的责任单位` },
  ])
}

export function createUnit(ctx: CoreContext, input: ParsedInputOf<'units:create'>): Unit {
  const now = ctx.now().toISOString()
  try {
    return inTransaction(ctx.db, () => {
      const { lastInsertRowid } = ctx.db
        .prepare(
          `INSERT INTO units (name, kind, contact_person, phone, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.name, input.kind, input.contactPerson, input.phone, input.note, now, now)
      return getUnit(ctx.db, Number(lastInsertRowid))
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.name)
    throw error
  }
}

export function updateUnit(ctx: CoreContext, input: ParsedInputOf<'units:update'>): Unit {
  const now = ctx.now().toISOString()
  try {
    return inTransaction(ctx.db, () => {
      const current = getUnit(ctx.db, input.id)
      if (current.version !== input.version) {
        throw new ApiError(
          'CONFLICT',
          `责任单位“${current.name}”已在别处被修改（${current.updatedAt}），请刷新后再改`,
        )
      }
      ctx.db
        .prepare(
          `UPDATE units SET name = ?, kind = ?, contact_person = ?, phone = ?, note = ?,
             version = version + 1, updated_at = ? WHERE id = ?`,
        )
        .run(input.name, input.kind, input.contactPerson, input.phone, input.note, now, input.id)
      return getUnit(ctx.db, input.id)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.name)
    throw error
  }
}

export function setUnitArchived(ctx: CoreContext, input: ParsedInputOf<'units:setArchived'>): Unit {
  return inTransaction(ctx.db, () => {
    getUnit(ctx.db, input.id)
    ctx.db
      .prepare('UPDATE units SET archived = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(input.archived ? 1 : 0, ctx.now().toISOString(), input.id)
    return getUnit(ctx.db, input.id)
  })
}

/** First run only: the departments the district plan names as responsible for accessibility work. */
export function seedUnitsOnce(ctx: CoreContext): number {
  return inTransaction(ctx.db, () => {
    const done = ctx.db.prepare("SELECT value FROM app_meta WHERE key = 'seeded_units'").get()
    if (done) return 0
    const now = ctx.now().toISOString()
    const insert = ctx.db.prepare(
      'INSERT OR IGNORE INTO units (name, kind, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    )
    let count = 0
    for (const unit of seeds.units)
      count += insert.run(unit.name, unit.kind, unit.note ?? null, now, now).changes
    ctx.db.prepare("INSERT INTO app_meta (key, value) VALUES ('seeded_units', ?)").run(now)
    return count
  })
}
