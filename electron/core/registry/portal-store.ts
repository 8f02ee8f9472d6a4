import type { Db } from '../db/open-database'

/**
 * Portals (门户网站) as the batch runner needs them: found or registered by start URL, with their responsible unit
 * and crawl limits. Each portal keeps all its runs (audit_runs.portal_id) for comparison over time.
 */

export interface PortalInput {
  name: string
  /** Normalised start URL (the portals table's unique key). */
  startUrl: string
  unitId?: number | null
  maxPages?: number
  maxDepth?: number
  include?: readonly string[]
  exclude?: readonly string[]
}

export interface PortalRow {
  id: number
  name: string
  startUrl: string
  unitId: number | null
  maxPages: number
  maxDepth: number
  include: string[]
  exclude: string[]
}

interface RawPortal {
  id: number
  name: string
  start_url: string
  unit_id: number | null
  max_pages: number
  max_depth: number
  include_json: string
  exclude_json: string
}

function toPortal(r: RawPortal): PortalRow {
  return {
    id: r.id,
    name: r.name,
    startUrl: r.start_url,
    unitId: r.unit_id,
    maxPages: r.max_pages,
    maxDepth: r.max_depth,
    include: JSON.parse(r.include_json) as string[],
    exclude: JSON.parse(r.exclude_json) as string[],
  }
}

function portalById(db: Db, id: number): PortalRow | null {
  const row = db.prepare('SELECT * FROM portals WHERE id = ?').get(id) as RawPortal | undefined
  return row ? toPortal(row) : null
}

/**
 * The portal with this start URL, created when missing. Given fields update an existing portal (the CLI passes
 * its limits); fields left out keep their stored values.
 */
export function ensurePortal(db: Db, input: PortalInput, now: Date): PortalRow {
  const stamp = now.toISOString()
  const existing = db.prepare('SELECT * FROM portals WHERE start_url = ?').get(input.startUrl) as
    RawPortal | undefined
  if (!existing) {
    const id = db
      .prepare(
        `INSERT INTO portals (name, start_url, unit_id, max_pages, max_depth, include_json, exclude_json, created_at,
           updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.name,
        input.startUrl,
        input.unitId ?? null,
        input.maxPages ?? 50,
        input.maxDepth ?? 3,
        JSON.stringify(input.include ?? []),
        JSON.stringify(input.exclude ?? []),
        stamp,
        stamp,
      ).lastInsertRowid
    return portalById(db, Number(id)) as PortalRow
  }
  const current = toPortal(existing)
  const next = {
    unitId: input.unitId === undefined ? current.unitId : input.unitId,
    maxPages: input.maxPages ?? current.maxPages,
    maxDepth: input.maxDepth ?? current.maxDepth,
    include: input.include ? [...input.include] : current.include,
    exclude: input.exclude ? [...input.exclude] : current.exclude,
  }
  const values = [
    next.unitId,
    next.maxPages,
    next.maxDepth,
    JSON.stringify(next.include),
    JSON.stringify(next.exclude),
  ]
  // Only a real change bumps the version and the timestamp.
  db.prepare(
    `UPDATE portals SET unit_id = ?, max_pages = ?, max_depth = ?, include_json = ?, exclude_json = ?,
       updated_at = ?, version = version + 1
     WHERE id = ? AND (unit_id IS NOT ? OR max_pages != ? OR max_depth != ? OR include_json != ? OR exclude_json != ?)`,
  ).run(...values, stamp, current.id, ...values)
  return portalById(db, current.id) as PortalRow
}

/** A responsible unit by its exact name (URL lists name the unit in words), or null. */
export function findUnitIdByName(db: Db, name: string): number | null {
  const id = db
    .prepare('SELECT id FROM units WHERE name = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(name.trim()) as number | undefined
  return id ?? null
}
