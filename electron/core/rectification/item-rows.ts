import { ApiError } from '../../../shared/api/errors'
import type { Severity } from '../../../shared/catalog/types'
import {
  isOverdue,
  terminalStatuses,
  type ItemEvent,
  type ItemReply,
  type ItemStatus,
  type Priority,
  type RectificationItem,
  type VerificationProposal,
} from '../../../shared/domain/rectification'
import { categoryLabel } from '../../../shared/domain/rectification-categories'
import type { Db } from '../db/open-database'
import { itemContent, type LinkedFinding } from './item-content'
import { findingStands } from './inspection-corrections'
import { fixedElementKeys, latestRunReader } from './web-element-status'

/** Reads items with everything the screens show: names, derived content, the pending proposal, the notice number. */

export interface ItemRow {
  id: number
  source: 'site' | 'web'
  group_key: string
  unit_id: number | null
  place_id: number | null
  portal_id: number | null
  title: string
  /** A category id (shared/domain/rectification-categories.ts). */
  category: string
  severity: Severity
  status: ItemStatus
  priority: Priority
  deadline: string | null
  drop_reason: string | null
  merged_into_id: number | null
  notice_id: number | null
  reply_json: string | null
  first_found_at: string
  notified_at: string | null
  verified_at: string | null
  created_at: string
  updated_at: string
  version: number
  unit_name: string | null
  place_name: string | null
  portal_name: string | null
  notice_number: string | null
}

export const itemSelect = `SELECT i.*, u.name AS unit_name, pl.name AS place_name, po.name AS portal_name,
    n.number AS notice_number
  FROM rectification_items i
  LEFT JOIN units u ON u.id = i.unit_id
  LEFT JOIN places pl ON pl.id = i.place_id
  LEFT JOIN portals po ON po.id = i.portal_id
  LEFT JOIN notices n ON n.id = i.notice_id`

interface FindingJoinRow {
  id: number
  item_id: number
  source: 'site' | 'web'
  severity: Severity
  title: string
  detail: string
  clauses_json: string
  evidence_json: string
  check_id: string | null
  match_key: string
  element_label: string | null
  catalog_id: string | null
  inspection_id: number | null
  inspected_on: string | null
  audit_run_id: number | null
  created_at: string
  stands: number
}

/**
 * The linked findings of the given items, oldest first, grouped by item. Site findings are ordered by their
 * inspection's date (then the inspection, then the finding): a correction of an older inspection is recorded
 * after a newer re-inspection but is not newer than it. Web findings keep their recording order.
 */
export function linkedFindings(db: Db, itemIds: readonly number[]): Map<number, LinkedFinding[]> {
  const result = new Map<number, LinkedFinding[]>()
  if (itemIds.length === 0) return result
  const rows = db
    .prepare(
      `SELECT f.id, l.item_id, f.source, f.severity, f.title, f.detail, f.clauses_json, f.evidence_json, f.check_id,
              f.match_key, e.label AS element_label, ins.catalog_id, f.inspection_id, ins.inspected_on,
              f.audit_run_id, f.created_at, ${findingStands('f')} AS stands
       FROM rectification_item_findings l
       JOIN findings f ON f.id = l.finding_id
       LEFT JOIN inspection_elements e ON e.id = f.element_id
       LEFT JOIN inspections ins ON ins.id = f.inspection_id
       WHERE l.item_id IN (SELECT value FROM json_each(?))
       ORDER BY COALESCE(ins.inspected_on, ''), COALESCE(f.inspection_id, 0), f.id`,
    )
    .all(JSON.stringify(itemIds)) as FindingJoinRow[]
  for (const r of rows) {
    const list = result.get(r.item_id) ?? []
    list.push({
      id: r.id,
      itemId: r.item_id,
      source: r.source,
      severity: r.severity,
      title: r.title,
      detail: r.detail,
      clausesJson: r.clauses_json,
      evidenceJson: r.evidence_json,
      checkId: r.check_id,
      matchKey: r.match_key,
      elementLabel: r.element_label,
      catalogId: r.catalog_id,
      inspectionId: r.inspection_id,
      inspectedOn: r.inspected_on,
      auditRunId: r.audit_run_id,
      createdAt: r.created_at,
      stands: r.stands === 1,
    })
    result.set(r.item_id, list)
  }
  return result
}

interface ProposalRow {
  id: number
  item_id: number
  source: 'site' | 'web'
  inspection_id: number | null
  audit_run_id: number | null
  explanation: string
  proposed_at: string
}

function pendingProposals(db: Db, itemIds: readonly number[]): Map<number, VerificationProposal> {
  const rows = db
    .prepare(
      `SELECT id, item_id, source, inspection_id, audit_run_id, explanation, proposed_at FROM verification_proposals
       WHERE state = 'pending' AND item_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(itemIds)) as ProposalRow[]
  const result = new Map<number, VerificationProposal>()
  for (const r of rows) {
    result.set(r.item_id, {
      id: r.id,
      source: r.source,
      inspectionId: r.inspection_id,
      auditRunId: r.audit_run_id,
      explanation: r.explanation,
      proposedAt: r.proposed_at,
    })
  }
  return result
}

function parseReply(json: string | null): ItemReply | null {
  if (!json) return null
  try {
    const value = JSON.parse(json) as ItemReply
    return {
      text: value.text,
      repliedOn: value.repliedOn,
      photos: Array.isArray(value.photos) ? value.photos : [],
    }
  } catch {
    return null
  }
}

/** Maps rows to the view; `today` (local YYYY-MM-DD) decides `overdue`. */
export function toItems(db: Db, rows: readonly ItemRow[], today: string): RectificationItem[] {
  const ids = rows.map((r) => r.id)
  const findings = linkedFindings(db, ids)
  const proposals = pendingProposals(db, ids)
  const latestRun = latestRunReader(db)
  return rows.map((row) => {
    const linked = findings.get(row.id) ?? []
    // What the item says comes from the record as it stands: a corrected inspection's findings give way to their
    // revision's. An item whose every finding was corrected away still shows what it was raised for.
    const standing = linked.filter((f) => f.stands)
    const current = standing.length > 0 ? standing : linked
    // An ended item shows what it was about; an active one only what the latest run still reports.
    const fixed =
      row.source === 'web' && row.portal_id !== null && !terminalStatuses.includes(row.status)
        ? fixedElementKeys(linked, latestRun(row.portal_id))
        : undefined
    const content = itemContent(
      {
        source: row.source,
        groupKey: row.group_key,
        title: row.title,
        placeName: row.place_name,
        portalName: row.portal_name,
      },
      current,
      fixed,
    )
    return {
      id: row.id,
      source: row.source,
      unitId: row.unit_id,
      unitName: row.unit_name,
      placeId: row.place_id,
      placeName: row.place_name,
      portalId: row.portal_id,
      portalName: row.portal_name,
      location: content.location,
      title: row.title,
      found: content.found,
      remedy: content.remedy,
      category: categoryLabel(row.category),
      categoryId: row.category,
      severity: row.severity,
      clauses: content.clauses,
      elements: content.elements,
      elementCount: content.elementCount,
      evidence: content.evidence,
      status: row.status,
      priority: row.priority,
      deadline: row.deadline,
      overdue: isOverdue(row.status, row.deadline, today),
      dropReason: row.drop_reason,
      mergedIntoId: row.merged_into_id,
      noticeId: row.notice_id,
      noticeNumber: row.notice_number,
      reply: parseReply(row.reply_json),
      proposal: proposals.get(row.id) ?? null,
      findingIds: linked.map((f) => f.id),
      firstFoundAt: row.first_found_at,
      notifiedAt: row.notified_at,
      verifiedAt: row.verified_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    }
  })
}

export function itemRow(db: Db, id: number): ItemRow {
  const row = db.prepare(`${itemSelect} WHERE i.id = ?`).get(id) as ItemRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', `整改项（编号 ${id}）不存在`)
  return row
}

export function loadItem(db: Db, id: number, today: string): RectificationItem {
  return toItems(db, [itemRow(db, id)], today)[0]!
}

/** Items by id, in the order asked; a missing id is NOT_FOUND naming it. */
export function loadItems(db: Db, ids: readonly number[], today: string): RectificationItem[] {
  const rows = db
    .prepare(`${itemSelect} WHERE i.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as ItemRow[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  const ordered = ids.map((id) => {
    const row = byId.get(id)
    if (!row) throw new ApiError('NOT_FOUND', `整改项（编号 ${id}）不存在`)
    return row
  })
  return toItems(db, ordered, today)
}

interface EventRow {
  id: number
  item_id: number
  action: ItemEvent['action']
  from_status: ItemStatus | null
  to_status: ItemStatus | null
  note: string | null
  at: string
}

export function itemEvents(db: Db, itemId: number): ItemEvent[] {
  return (
    db.prepare('SELECT * FROM rectification_events WHERE item_id = ? ORDER BY id').all(itemId) as EventRow[]
  ).map((r) => ({
    id: r.id,
    itemId: r.item_id,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    note: r.note,
    at: r.at,
  }))
}
