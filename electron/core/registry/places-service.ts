import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import type { Place, PlaceType } from '../../../shared/domain/places'
import type { CoreContext } from '../context'
import { inTransaction, likePattern } from '../db/transaction'
import type { Db } from '../db/open-database'

interface PlaceRow {
  id: number
  name: string
  type: string
  address: string | null
  latitude: number | null
  longitude: number | null
  unit_id: number | null
  unit_name: string | null
  note: string | null
  archived: number
  version: number
  created_at: string
  updated_at: string
}

const selectPlaces = 'SELECT p.*, u.name AS unit_name FROM places p LEFT JOIN units u ON u.id = p.unit_id'

function toPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    name: row.name,
    type: row.type as PlaceType,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    unitId: row.unit_id,
    unitName: row.unit_name,
    note: row.note,
    archived: row.archived === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const sortColumns = {
  name: 'p.name',
  type: 'p.type',
  unitName: 'unit_name',
  updatedAt: 'p.updated_at',
} as const

export function listPlaces(ctx: CoreContext, input: ParsedInputOf<'places:list'>): Place[] {
  const where: string[] = []
  const params: unknown[] = []
  if (!input.includeArchived) where.push('p.archived = 0')
  if (input.type) {
    where.push('p.type = ?')
    params.push(input.type)
  }
  if (input.unitId) {
    where.push('p.unit_id = ?')
    params.push(input.unitId)
  }
  if (input.search) {
    where.push("(p.name LIKE ? ESCAPE '\\' OR p.address LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\')")
    const p = likePattern(input.search)
    params.push(p, p, p)
  }
  const column = sortColumns[input.sortBy ?? 'name']
  const direction = input.sortDirection === 'desc' ? 'DESC' : 'ASC'
  const sql = `${selectPlaces} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${column} ${direction}, p.id`
  return (ctx.db.prepare(sql).all(...params) as PlaceRow[]).map(toPlace)
}

export function getPlace(db: Db, id: number): Place {
  const row = db.prepare(`${selectPlaces} WHERE p.id = ?`).get(id) as PlaceRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', `场所（编号 ${id}）不存在`)
  return toPlace(row)
}

function assertUnitUsable(db: Db, unitId: number | null): void {
  if (unitId === null) return
  const unit = db.prepare('SELECT archived FROM units WHERE id = ?').get(unitId) as
    { archived: number } | undefined
  if (!unit) {
    throw new ApiError('NOT_FOUND', `责任单位（编号 ${unitId}）不存在`, [
      { path: 'unitId', message: '责任单位：所选单位不存在，请重新选择' },
    ])
  }
}

export function createPlace(ctx: CoreContext, input: ParsedInputOf<'places:create'>): Place {
  const now = ctx.now().toISOString()
  return inTransaction(ctx.db, () => {
    assertUnitUsable(ctx.db, input.unitId)
    const { lastInsertRowid } = ctx.db
      .prepare(
        `INSERT INTO places (name, type, address, latitude, longitude, unit_id, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.name,
        input.type,
        input.address,
        input.latitude,
        input.longitude,
        input.unitId,
        input.note,
        now,
        now,
      )
    return getPlace(ctx.db, Number(lastInsertRowid))
  })
}

export function updatePlace(ctx: CoreContext, input: ParsedInputOf<'places:update'>): Place {
  const now = ctx.now().toISOString()
  return inTransaction(ctx.db, () => {
    const current = getPlace(ctx.db, input.id)
    if (current.version !== input.version) {
      throw new ApiError(
        'CONFLICT',
        `场所“${current.name}”已在别处被修改（${current.updatedAt}），请刷新后再改`,
      )
    }
    assertUnitUsable(ctx.db, input.unitId)
    ctx.db
      .prepare(
        `UPDATE places SET name = ?, type = ?, address = ?, latitude = ?, longitude = ?, unit_id = ?, note = ?,
           version = version + 1, updated_at = ? WHERE id = ?`,
      )
      .run(
        input.name,
        input.type,
        input.address,
        input.latitude,
        input.longitude,
        input.unitId,
        input.note,
        now,
        input.id,
      )
    return getPlace(ctx.db, input.id)
  })
}

export function setPlaceArchived(ctx: CoreContext, input: ParsedInputOf<'places:setArchived'>): Place {
  return inTransaction(ctx.db, () => {
    getPlace(ctx.db, input.id)
    ctx.db
      .prepare('UPDATE places SET archived = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(input.archived ? 1 : 0, ctx.now().toISOString(), input.id)
    return getPlace(ctx.db, input.id)
  })
}
