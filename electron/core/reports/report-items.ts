import type { ClauseRef, ItemStatus } from '../../../shared/domain/rectification'
import {
  categoryLabel,
  isRectificationCategoryId,
  rectificationCategoryIds,
} from '../../../shared/domain/rectification-categories'
import type { Db } from '../db/open-database'
import { dayOf } from './report-dates'

/** One rectification item as the reports see it: its dates as local calendar days, its history and clauses. */
export interface ReportItem {
  id: number
  source: 'site' | 'web'
  unitId: number | null
  unitName: string | null
  placeId: number | null
  placeType: string | null
  portalId: number | null
  /** A category id (shown through categoryLabel); a value that is neither an id nor a label stays as it is. */
  category: string
  status: ItemStatus
  deadline: string | null
  firstFound: string
  /** The date of the notice the item was put on (notified_at holds the notice's date, not the save time). */
  notified: string | null
  verified: string | null
  /** The unit's reply dates (a claim event's on_day, the repliedOn of the reply); reopened and claimed again: several. */
  claimDays: string[]
  /** The day the item was dropped (撤销), when it was. */
  dropDay: string | null
  /**
   * Status changes in the order they were saved, each on the day it stands for (the notice's date for notify, the
   * reply date for claim, else the day it was saved), to know an item's status at the end of a past period.
   */
  changes: Array<{ day: string; to: ItemStatus }>
  clauses: ClauseRef[]
}

interface ItemRow {
  id: number
  source: 'site' | 'web'
  unit_id: number | null
  unit_name: string | null
  place_id: number | null
  place_type: string | null
  portal_id: number | null
  category: string
  status: ItemStatus
  deadline: string | null
  first_found_at: string
  notified_at: string | null
  verified_at: string | null
  updated_at: string
}

/** Rows saved before categories were stored as ids hold the zh-CN label: group them with the id's rows. */
const idByLabel = new Map<string, string>(rectificationCategoryIds.map((id) => [categoryLabel(id), id]))

function categoryId(stored: string): string {
  return isRectificationCategoryId(stored) ? stored : (idByLabel.get(stored) ?? stored)
}

function parseClauses(json: string): ClauseRef[] {
  try {
    const value: unknown = JSON.parse(json)
    if (!Array.isArray(value)) return []
    return value.filter(
      (c): c is ClauseRef =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as ClauseRef).code === 'string' &&
        typeof (c as ClauseRef).clause === 'string',
    )
  } catch {
    return []
  }
}

/**
 * Every item except merged duplicates (a merged item's findings live on in the item it was merged into, so counting
 * it too would count one problem twice), optionally of one responsible unit.
 */
export function loadReportItems(db: Db, unitId: number | null): ReportItem[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.source, i.unit_id, u.name AS unit_name, i.place_id, pl.type AS place_type, i.portal_id,
              i.category, i.status, i.deadline, i.first_found_at, i.notified_at, i.verified_at, i.updated_at
         FROM rectification_items i
         LEFT JOIN units u ON u.id = i.unit_id
         LEFT JOIN places pl ON pl.id = i.place_id
        WHERE i.status <> 'merged' AND (@unitId IS NULL OR i.unit_id = @unitId)
        ORDER BY i.id`,
    )
    .all({ unitId }) as ItemRow[]
  const items = new Map<number, ReportItem>()
  for (const r of rows) {
    items.set(r.id, {
      id: r.id,
      source: r.source,
      unitId: r.unit_id,
      unitName: r.unit_name,
      placeId: r.place_id,
      placeType: r.place_type,
      portalId: r.portal_id,
      category: categoryId(r.category),
      status: r.status,
      deadline: r.deadline,
      firstFound: dayOf(r.first_found_at),
      notified: r.notified_at === null ? null : dayOf(r.notified_at),
      verified: r.verified_at === null ? null : dayOf(r.verified_at),
      claimDays: [],
      dropDay: null,
      changes: [],
      clauses: [],
    })
  }
  if (items.size === 0) return []

  const events = db
    .prepare(
      `SELECT e.item_id, e.action, e.to_status, e.at, e.on_day
         FROM rectification_events e JOIN rectification_items i ON i.id = e.item_id
        WHERE i.status <> 'merged' AND (@unitId IS NULL OR i.unit_id = @unitId)
        ORDER BY e.at, e.id`,
    )
    .all({ unitId }) as Array<{
    item_id: number
    action: string
    to_status: ItemStatus | null
    at: string
    on_day: string | null
  }>
  for (const e of events) {
    const item = items.get(e.item_id)
    if (!item) continue
    // The business day when the event has one (a notice dated before it was entered, a reply dated before it was
    // registered); otherwise the local day it was saved.
    const day = e.on_day ?? dayOf(e.at)
    if (e.action === 'claim') item.claimDays.push(day)
    if (e.action === 'drop') item.dropDay = day
    if (e.to_status !== null) item.changes.push({ day, to: e.to_status })
  }
  for (const r of rows) {
    const item = items.get(r.id)!
    // An item dropped without a recorded event (older data) still counts as dropped on its last change.
    if (item.status === 'dropped' && item.dropDay === null) item.dropDay = dayOf(r.updated_at)
  }

  const clauseRows = db
    .prepare(
      `SELECT rif.item_id, f.clauses_json
         FROM rectification_item_findings rif
         JOIN findings f ON f.id = rif.finding_id
         JOIN rectification_items i ON i.id = rif.item_id
        WHERE i.status <> 'merged' AND (@unitId IS NULL OR i.unit_id = @unitId)
        ORDER BY rif.item_id, f.id`,
    )
    .all({ unitId }) as Array<{ item_id: number; clauses_json: string }>
  for (const row of clauseRows) {
    const item = items.get(row.item_id)
    if (!item) continue
    for (const clause of parseClauses(row.clauses_json)) {
      // The item's findings are the same problem seen several times: each clause counts once per item.
      if (!item.clauses.some((c) => c.code === clause.code && c.clause === clause.clause)) {
        item.clauses.push({ code: clause.code, clause: clause.clause, mandatory: clause.mandatory === true })
      }
    }
  }
  return [...items.values()]
}

/**
 * The item's status at the end of `day`: the last recorded change on or before it. The verified date and the
 * notified date are trusted over a missing event, so older rows without history are still placed correctly.
 */
export function statusAt(item: ReportItem, day: string): ItemStatus | null {
  if (item.firstFound > day) return null
  if (item.verified !== null && item.verified <= day) return 'verified'
  let status: ItemStatus = 'open'
  // Changes are in save order; their days rise with it (the services refuse a reply dated before its notice or
  // reopening), but a later change on an earlier business day must still not be skipped: no early exit.
  for (const change of item.changes) if (change.day <= day) status = change.to
  if (status === 'open' && item.notified !== null && item.notified <= day) status = 'notified'
  return status
}
