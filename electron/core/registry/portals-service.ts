import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import type { Portal, PortalImportReport } from '../../../shared/domain/portals'
import { firstInvisible, invisibleCharacterMessage } from '../../../shared/domain/text'
import { parseUrlList } from '../../../shared/web/url-normalize'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { inTransaction, isUniqueViolation, likePattern } from '../db/transaction'

interface PortalRow {
  id: number
  name: string
  start_url: string
  unit_id: number | null
  unit_name: string | null
  max_pages: number
  max_depth: number
  include_json: string
  exclude_json: string
  archived: number
  version: number
  created_at: string
  updated_at: string
  run_count: number
  last_run_at: string | null
  last_score: number | null
}

const selectPortals = `SELECT p.*, u.name AS unit_name,
  (SELECT COUNT(*) FROM audit_runs r WHERE r.portal_id = p.id) AS run_count,
  (SELECT MAX(r.created_at) FROM audit_runs r WHERE r.portal_id = p.id) AS last_run_at,
  (SELECT r.score FROM audit_runs r WHERE r.portal_id = p.id AND r.status = 'completed'
     ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS last_score
  FROM portals p LEFT JOIN units u ON u.id = p.unit_id`

function toPortal(row: PortalRow): Portal {
  return {
    id: row.id,
    name: row.name,
    startUrl: row.start_url,
    unitId: row.unit_id,
    unitName: row.unit_name,
    maxPages: row.max_pages,
    maxDepth: row.max_depth,
    include: JSON.parse(row.include_json) as string[],
    exclude: JSON.parse(row.exclude_json) as string[],
    archived: row.archived === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    runCount: row.run_count,
    lastRunAt: row.last_run_at,
    lastScore: row.last_score,
  }
}

const sortColumns = {
  name: 'p.name',
  unitName: 'unit_name',
  lastRunAt: 'last_run_at',
  lastScore: 'last_score',
} as const

export function listPortals(ctx: CoreContext, input: ParsedInputOf<'portals:list'>): Portal[] {
  const where: string[] = []
  const params: unknown[] = []
  if (!input.includeArchived) where.push('p.archived = 0')
  if (input.unitId) {
    where.push('p.unit_id = ?')
    params.push(input.unitId)
  }
  if (input.search) {
    where.push("(p.name LIKE ? ESCAPE '\\' OR p.start_url LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\')")
    const like = likePattern(input.search)
    params.push(like, like, like)
  }
  const column = sortColumns[input.sortBy ?? 'name']
  const direction = input.sortDirection === 'desc' ? 'DESC' : 'ASC'
  const sql = `${selectPortals} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${column} ${direction}, p.id`
  return (ctx.db.prepare(sql).all(...params) as PortalRow[]).map(toPortal)
}

export function getPortal(db: Db, id: number): Portal {
  const row = db.prepare(`${selectPortals} WHERE p.id = ?`).get(id) as PortalRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', `网站（编号 ${id}）不存在`)
  return toPortal(row)
}

/** The portal registered with this (normalised) start URL, archived ones included, or null. */
export function findPortalByStartUrl(db: Db, startUrl: string): Portal | null {
  const row = db.prepare(`${selectPortals} WHERE p.start_url = ?`).get(startUrl) as PortalRow | undefined
  return row ? toPortal(row) : null
}

function assertUnit(db: Db, unitId: number | null): void {
  if (unitId !== null && !db.prepare('SELECT 1 FROM units WHERE id = ?').get(unitId)) {
    throw new ApiError('NOT_FOUND', `责任单位（编号 ${unitId}）不存在`, [
      { path: 'unitId', message: '责任单位：所选单位不存在' },
    ])
  }
}

function duplicate(url: string): ApiError {
  return new ApiError('DUPLICATE', `起始网址 ${url} 已登记`, [
    { path: 'startUrl', message: `起始网址：${url} 已登记` },
  ])
}

function insertPortal(ctx: CoreContext, input: ParsedInputOf<'portals:create'>, now: string): number {
  assertUnit(ctx.db, input.unitId)
  const { lastInsertRowid } = ctx.db
    .prepare(
      `INSERT INTO portals (name, start_url, unit_id, max_pages, max_depth, include_json, exclude_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.name,
      input.startUrl,
      input.unitId,
      input.maxPages,
      input.maxDepth,
      JSON.stringify(input.include),
      JSON.stringify(input.exclude),
      now,
      now,
    )
  return Number(lastInsertRowid)
}

export function createPortal(ctx: CoreContext, input: ParsedInputOf<'portals:create'>): Portal {
  try {
    const id = inTransaction(ctx.db, () => insertPortal(ctx, input, ctx.now().toISOString()))
    return getPortal(ctx.db, id)
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.startUrl)
    throw error
  }
}

export function updatePortal(ctx: CoreContext, input: ParsedInputOf<'portals:update'>): Portal {
  try {
    inTransaction(ctx.db, () => {
      const current = getPortal(ctx.db, input.id)
      if (current.version !== input.version) {
        throw new ApiError('CONFLICT', `网站“${current.name}”已在别处被修改，请刷新后再改`)
      }
      assertUnit(ctx.db, input.unitId)
      ctx.db
        .prepare(
          `UPDATE portals SET name = ?, start_url = ?, unit_id = ?, max_pages = ?, max_depth = ?, include_json = ?,
             exclude_json = ?, version = version + 1, updated_at = ? WHERE id = ?`,
        )
        .run(
          input.name,
          input.startUrl,
          input.unitId,
          input.maxPages,
          input.maxDepth,
          JSON.stringify(input.include),
          JSON.stringify(input.exclude),
          ctx.now().toISOString(),
          input.id,
        )
    })
    return getPortal(ctx.db, input.id)
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.startUrl)
    throw error
  }
}

export function setPortalArchived(ctx: CoreContext, input: ParsedInputOf<'portals:setArchived'>): Portal {
  inTransaction(ctx.db, () => {
    getPortal(ctx.db, input.id)
    ctx.db
      .prepare('UPDATE portals SET archived = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(input.archived ? 1 : 0, ctx.now().toISOString(), input.id)
  })
  return getPortal(ctx.db, input.id)
}

/** A unit named in a list: its exact name, else the one unit whose name contains it; null when none or several. */
export function findUnitIdByName(db: Db, name: string): number | null {
  const exact = db.prepare('SELECT id FROM units WHERE name = ?').get(name) as { id: number } | undefined
  if (exact) return exact.id
  const partial = db
    .prepare("SELECT id FROM units WHERE name LIKE ? ESCAPE '\\'")
    .all(likePattern(name)) as Array<{ id: number }>
  return partial.length === 1 ? partial[0]!.id : null
}

/**
 * Imports a pasted or loaded list (text or CSV: url / name,url / name,url,unit). One transaction for the whole
 * list; bad lines are reported by number and skipped, never stopping the rest.
 */
export function importPortals(ctx: CoreContext, input: ParsedInputOf<'portals:import'>): PortalImportReport {
  const parsed = parseUrlList(input.text)
  const report: PortalImportReport = { created: [], existing: [], problems: [...parsed.errors] }
  const now = ctx.now().toISOString()
  const createdIds = inTransaction(ctx.db, () => {
    const ids: number[] = []
    for (const entry of parsed.entries) {
      // The same rule as a name typed in the form: no invisible or direction-control characters.
      const invisible = entry.name ? firstInvisible(entry.name) : null
      if (invisible) {
        report.problems.push({
          line: entry.line,
          text: entry.name!,
          message: `第 ${entry.line} 行：网站名称${invisibleCharacterMessage(invisible)}，已跳过`,
        })
        continue
      }
      const known = ctx.db.prepare('SELECT id FROM portals WHERE start_url = ?').get(entry.url) as
        { id: number } | undefined
      if (known) {
        report.existing.push({ line: entry.line, url: entry.url, portalId: known.id })
        continue
      }
      let unitId: number | null = null
      if (entry.unit) {
        unitId = findUnitIdByName(ctx.db, entry.unit)
        if (unitId === null) {
          report.problems.push({
            line: entry.line,
            text: entry.unit,
            message: `未找到责任单位“${entry.unit}”，已导入网站但未指定责任单位，请在网站列表中补充`,
          })
        }
      }
      const name = entry.name ?? new URL(entry.url).hostname
      ids.push(
        insertPortal(
          ctx,
          { name, startUrl: entry.url, unitId, maxPages: 50, maxDepth: 3, include: [], exclude: [] },
          now,
        ),
      )
    }
    return ids
  })
  report.created = createdIds.map((id) => getPortal(ctx.db, id))
  report.problems.sort((a, b) => a.line - b.line)
  return report
}
