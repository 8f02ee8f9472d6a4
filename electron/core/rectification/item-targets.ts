import { findCheck } from '../../../shared/catalog/index'
import type { Severity } from '../../../shared/catalog/types'
import type { ItemStatus } from '../../../shared/domain/rectification'
import {
  siteCategoryIdOf,
  webCategoryIdOf,
  type RectificationCategoryId,
} from '../../../shared/domain/rectification-categories'
import { dayOf } from '../../../shared/domain/local-dates'
import type { Db } from '../db/open-database'
import { itemTitleOf } from './item-content'
import { recordEvent } from './item-transitions'

/**
 * Filing a finding: the item of its group it joins (targetItem) or the item it starts (createItem). Shared by the
 * sync and by the re-filing of items when the overlap table changes (item-overlaps.ts).
 */

export interface CandidateRow {
  id: number
  source: 'site' | 'web'
  severity: Severity
  title: string
  detail: string
  check_id: string | null
  match_key: string
  place_id: number | null
  portal_id: number | null
  unit_id: number | null
  inspection_id: number | null
  element_id: number | null
  audit_run_id: number | null
  created_at: string
  inspected_on: string | null
  /** The inspection this finding's inspection corrects, when it is a revision. */
  revision_of: number | null
  catalog_id: string | null
  element_category: string | null
  owner_unit_id: number | null
}

/** A finding with what filing it needs (its place's or portal's unit, its inspection, its element). */
export const candidateSelect = `SELECT f.id, f.source, f.severity, f.title, f.detail, f.check_id, f.match_key, f.place_id, f.portal_id, f.unit_id,
              f.inspection_id, f.element_id, f.audit_run_id, f.created_at, ins.inspected_on, ins.revision_of, ins.catalog_id,
              e.category AS element_category,
              COALESCE((SELECT unit_id FROM places WHERE id = f.place_id),
                       (SELECT unit_id FROM portals WHERE id = f.portal_id)) AS owner_unit_id
       FROM findings f
       LEFT JOIN inspections ins ON ins.id = f.inspection_id
       LEFT JOIN inspection_elements e ON e.id = f.element_id`

export interface Target {
  id: number
  status: ItemStatus
  severity: Severity
}

/**
 * The item a finding of `groupKey` joins: the newest active item of the key, following merges to the surviving
 * item; else a dropped item that already holds this very element (a false positive is not raised again on each
 * re-run); else none (a new item is made — a verified problem found again is a new problem).
 */
export function targetItem(db: Db, groupKey: string, matchKey: string): Target | null {
  const candidates = db
    .prepare(
      'SELECT id, status, severity, merged_into_id FROM rectification_items WHERE group_key = ? ORDER BY id DESC',
    )
    .all(groupKey) as Array<Target & { merged_into_id: number | null }>
  const byId = db.prepare('SELECT id, status, severity, merged_into_id FROM rectification_items WHERE id = ?')
  for (const candidate of candidates) {
    let current: (Target & { merged_into_id: number | null }) | undefined = candidate
    for (
      let hops = 0;
      current && current.status === 'merged' && current.merged_into_id !== null && hops < 100;
      hops++
    ) {
      current = byId.get(current.merged_into_id) as typeof current
    }
    if (current && ['open', 'notified', 'claimed', 'reopened'].includes(current.status)) return current
  }
  const dropped = db
    .prepare(
      `SELECT i.id, i.status, i.severity FROM rectification_items i
       JOIN rectification_item_findings l ON l.item_id = i.id JOIN findings f ON f.id = l.finding_id
       WHERE i.group_key = ? AND i.status = 'dropped' AND f.match_key = ? ORDER BY i.id DESC LIMIT 1`,
    )
    .get(groupKey, matchKey) as Target | undefined
  return dropped ?? null
}

/** The stored category is an id; its zh-CN label comes from `categoryLabel` wherever it is shown. */
function categoryOf(finding: CandidateRow): RectificationCategoryId {
  if (finding.source === 'site') {
    const check = finding.check_id ? findCheck(finding.check_id, finding.catalog_id ?? undefined) : undefined
    return siteCategoryIdOf(check?.category, finding.element_category)
  }
  return webCategoryIdOf(finding.check_id ?? finding.match_key)
}

export function createItem(db: Db, finding: CandidateRow, groupKey: string, now: string): number {
  const firstFound = finding.inspected_on ?? dayOf(finding.created_at)
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO rectification_items (source, group_key, unit_id, place_id, portal_id, title, category, severity,
         first_found_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      finding.source,
      groupKey,
      finding.unit_id ?? finding.owner_unit_id,
      finding.place_id,
      finding.portal_id,
      itemTitleOf(finding.source, groupKey, finding.title),
      categoryOf(finding),
      finding.severity,
      firstFound,
      now,
      now,
    )
  const id = Number(lastInsertRowid)
  recordEvent(
    db,
    id,
    'create',
    null,
    'open',
    finding.source === 'site' ? '由现场检查发现' : '由网站检测发现',
    now,
  )
  return id
}
