import type { AuditBatchView } from '../../../shared/domain/audits'
import { addDays, localDay } from '../../../shared/domain/local-dates'
import { daysBetween } from '../../../shared/domain/rectification'
import {
  dueSoonDays,
  todayListLimit,
  type TodayBatch,
  type TodayBatchReason,
  type TodayDraft,
  type TodayItem,
  type TodayList,
  type TodayProposal,
  type TodaySummary,
  type TodayUnitCount,
} from '../../../shared/domain/today'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { listInspectionSummaries } from '../inspections/inspection-rows'

/**
 * 今日待办: one read over the items, proposals, drafts and batches, answering what needs the user now. Counts are
 * SQL counts (a district's thousands of items are never loaded for this); each list carries the most urgent few.
 */

export interface TodaySources {
  /** The recent audit batches as the progress screen sees them (whether each is running in this process). */
  recentBatches: () => AuditBatchView[]
}

/** A batch with failed pages stays on the home screen this many days (an interrupted one until it is resumed). */
export const failedBatchDays = 7

interface ItemRow {
  id: number
  title: string
  unit_name: string | null
  place_name: string | null
  portal_name: string | null
  status: TodayItem['status']
  severity: TodayItem['severity']
  deadline: string | null
}

const itemColumns = `SELECT i.id, i.title, u.name AS unit_name, pl.name AS place_name, po.name AS portal_name,
    i.status, i.severity, i.deadline
  FROM rectification_items i
  LEFT JOIN units u ON u.id = i.unit_id
  LEFT JOIN places pl ON pl.id = i.place_id
  LEFT JOIN portals po ON po.id = i.portal_id`

const severityOrder = `CASE i.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 ELSE 2 END`

function itemList(
  db: Db,
  where: string,
  order: string,
  params: unknown[],
  days: (deadline: string | null) => number | null,
): TodayList<TodayItem> {
  const count = db
    .prepare(`SELECT COUNT(*) FROM rectification_items i WHERE ${where}`)
    .pluck()
    .get(...params) as number
  const rows = db
    .prepare(`${itemColumns} WHERE ${where} ORDER BY ${order} LIMIT ${todayListLimit}`)
    .all(...params) as ItemRow[]
  return {
    count,
    entries: rows.map((r) => ({
      id: r.id,
      title: r.title,
      unitName: r.unit_name,
      where: r.place_name ?? r.portal_name,
      status: r.status,
      severity: r.severity,
      deadline: r.deadline,
      days: days(r.deadline),
    })),
  }
}

function proposals(db: Db): TodayList<TodayProposal> {
  const where = `p.state = 'pending'`
  const count = db
    .prepare(`SELECT COUNT(*) FROM verification_proposals p WHERE ${where}`)
    .pluck()
    .get() as number
  const rows = db
    .prepare(
      `SELECT p.id AS proposal_id, i.id AS item_id, i.title, u.name AS unit_name,
              COALESCE(pl.name, po.name) AS place, p.explanation, p.proposed_at
         FROM verification_proposals p
         JOIN rectification_items i ON i.id = p.item_id
         LEFT JOIN units u ON u.id = i.unit_id
         LEFT JOIN places pl ON pl.id = i.place_id
         LEFT JOIN portals po ON po.id = i.portal_id
        WHERE ${where} ORDER BY p.proposed_at, p.id LIMIT ${todayListLimit}`,
    )
    .all() as Array<{
    proposal_id: number
    item_id: number
    title: string
    unit_name: string | null
    place: string | null
    explanation: string
    proposed_at: string
  }>
  return {
    count,
    entries: rows.map((r) => ({
      proposalId: r.proposal_id,
      itemId: r.item_id,
      title: r.title,
      unitName: r.unit_name,
      where: r.place,
      explanation: r.explanation,
      proposedAt: r.proposed_at,
    })),
  }
}

function toNotify(db: Db): TodayList<TodayUnitCount> {
  const rows = db
    .prepare(
      `SELECT i.unit_id, u.name AS unit_name, COUNT(*) AS n FROM rectification_items i
         LEFT JOIN units u ON u.id = i.unit_id
        WHERE i.status = 'open' GROUP BY i.unit_id ORDER BY n DESC, u.name`,
    )
    .all() as Array<{ unit_id: number | null; unit_name: string | null; n: number }>
  return {
    count: rows.reduce((sum, r) => sum + r.n, 0),
    entries: rows
      .slice(0, todayListLimit)
      .map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, count: r.n })),
  }
}

function drafts(db: Db): TodayList<TodayDraft> {
  const rows = listInspectionSummaries(db, { status: 'draft' })
    .slice()
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
  return {
    count: rows.length,
    entries: rows.slice(0, todayListLimit).map((r) => ({
      inspectionId: r.id,
      placeName: r.placeName,
      inspectedOn: r.inspectedOn,
      updatedAt: r.updatedAt,
      elementCount: r.elementCount,
    })),
  }
}

/** Why a batch needs the user, or null when it does not (running, or finished cleanly, or long ago). */
export function batchNeedsUser(batch: AuditBatchView, now: Date): TodayBatchReason | null {
  if (batch.active) return null
  if (batch.error) return 'error'
  if (batch.status === 'running' || batch.status === 'queued') return 'interrupted'
  if (batch.status === 'paused' || (batch.status === 'cancelled' && batch.remaining > 0)) return 'paused'
  const ageDays = (now.getTime() - Date.parse(batch.createdAt)) / 86_400_000
  if (batch.status === 'completed' && batch.failed > 0 && ageDays <= failedBatchDays) return 'failed-pages'
  return null
}

function batches(sources: TodaySources, now: Date): TodayList<TodayBatch> {
  const needing = sources
    .recentBatches()
    .map((b) => ({ batch: b, reason: batchNeedsUser(b, now) }))
    .filter((b): b is { batch: AuditBatchView; reason: TodayBatchReason } => b.reason !== null)
  return {
    count: needing.length,
    entries: needing.slice(0, todayListLimit).map(({ batch, reason }) => ({
      batchId: batch.batchId,
      status: batch.status,
      reason,
      portals: batch.runs.map((r) => r.portalName),
      failedPages: batch.failed,
      remainingPages: batch.remaining,
      createdAt: batch.createdAt,
      error: batch.error,
    })),
  }
}

export function todaySummary(ctx: CoreContext, sources: TodaySources): TodaySummary {
  const now = ctx.now()
  const today = localDay(now)
  const db = ctx.db
  const read = () => ({
    today,
    overdue: itemList(
      db,
      `i.status IN ('open', 'notified', 'reopened') AND i.deadline IS NOT NULL AND i.deadline < ?`,
      `i.deadline, ${severityOrder}, i.id`,
      [today],
      (deadline) => (deadline === null ? null : daysBetween(deadline, today)),
    ),
    proposals: proposals(db),
    dueSoon: itemList(
      db,
      `i.status IN ('notified', 'reopened') AND i.deadline IS NOT NULL AND i.deadline >= ? AND i.deadline <= ?`,
      `i.deadline, ${severityOrder}, i.id`,
      [today, addDays(today, dueSoonDays)],
      (deadline) => (deadline === null ? null : daysBetween(today, deadline)),
    ),
    toVerify: itemList(db, `i.status = 'claimed'`, `i.updated_at, i.id`, [], () => null),
    toNotify: toNotify(db),
    drafts: drafts(db),
  })
  // One read transaction: every count and list sees the same moment.
  const items = db.transaction(read)()
  return { ...items, batches: batches(sources, now) }
}
