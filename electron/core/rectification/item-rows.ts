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
  type RectificationItemSummary,
  type VerificationProposal,
} from '../../../shared/domain/rectification'
import { categoryLabel } from '../../../shared/domain/rectification-categories'
import type { Db } from '../db/open-database'
import { itemContent, type ClauseSource, type ItemContent, type LinkedFinding } from './item-content'
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

const findingColumns = `SELECT f.id, l.item_id, f.source, f.severity, f.title, f.detail, f.clauses_json, f.evidence_json,
    f.check_id, f.match_key, e.label AS element_label, ins.catalog_id, f.inspection_id, ins.inspected_on,
    f.audit_run_id, f.created_at, ${findingStands('f')} AS stands
  FROM rectification_item_findings l
  JOIN findings f ON f.id = l.finding_id
  LEFT JOIN inspection_elements e ON e.id = f.element_id
  LEFT JOIN inspections ins ON ins.id = f.inspection_id`

function toLinkedFinding(r: FindingJoinRow): LinkedFinding {
  return {
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
  }
}

/**
 * Oldest first. Site findings go by their inspection's date (then the inspection, then the finding): a correction
 * of an older inspection is recorded after a newer re-inspection but is not newer than it. Web findings keep
 * their recording order.
 */
function oldestFirst(a: LinkedFinding, b: LinkedFinding): number {
  const [x, y] = [a.inspectedOn ?? '', b.inspectedOn ?? '']
  if (x !== y) return x < y ? -1 : 1
  return (a.inspectionId ?? 0) - (b.inspectionId ?? 0) || a.id - b.id
}

/** Findings grouped by item, oldest first within each. */
function byItem(findings: readonly LinkedFinding[]): Map<number, LinkedFinding[]> {
  const result = new Map<number, LinkedFinding[]>()
  for (const finding of [...findings].sort(oldestFirst)) {
    const list = result.get(finding.itemId) ?? []
    list.push(finding)
    result.set(finding.itemId, list)
  }
  return result
}

/** What an item's content is derived from: findings, oldest first, and the clause lists of its clauses. */
interface ContentSource {
  findings: LinkedFinding[]
  /** When not the findings' own: web items pass only each element's newest finding. */
  clauseSources?: ClauseSource[]
}

/** How much of each finding to read: everything (the item page, notices, changes) or the list's summary. */
type Detail = 'full' | 'summary'

/** Site items: every linked finding (one per inspection, and photos are gathered from each). */
function everyFinding(db: Db, itemIds: readonly number[]): Map<number, ContentSource> {
  if (itemIds.length === 0) return new Map()
  const rows = db
    .prepare(`${findingColumns} WHERE l.item_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(itemIds)) as FindingJoinRow[]
  const result = new Map<number, ContentSource>()
  for (const [itemId, findings] of byItem(rows.map(toLinkedFinding))) result.set(itemId, { findings })
  return result
}

interface ElementGroup {
  item_id: number
  match_key: string
  clauses_json: string
  first_id: number
  last_id: number
}

/**
 * What the list's summary needs of a web element's newest finding besides its match key: which run reported it
 * (the latest run's comparison) and on which page (the location). The detail, selector, snippet and screenshot,
 * most of a finding's bytes, stay in the database; the summary shows nothing item-content.ts derives from them.
 */
function summaryFindings(db: Db, newest: ReadonlyMap<number, ElementGroup>): LinkedFinding[] {
  const rows = db
    .prepare(
      `SELECT id, audit_run_id,
         CASE WHEN json_valid(evidence_json) THEN json_extract(evidence_json, '$.pageUrl') END AS page_url
       FROM findings WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...newest.keys()])) as Array<{
    id: number
    audit_run_id: number | null
    page_url: unknown
  }>
  return rows.map((r) => {
    const group = newest.get(r.id)!
    return {
      id: r.id,
      itemId: group.item_id,
      source: 'web',
      severity: 'minor',
      title: '',
      detail: '',
      clausesJson: group.clauses_json,
      evidenceJson: JSON.stringify(typeof r.page_url === 'string' ? { pageUrl: r.page_url } : {}),
      checkId: null,
      matchKey: group.match_key,
      elementLabel: null,
      catalogId: null,
      inspectionId: null,
      inspectedOn: null,
      auditRunId: r.audit_run_id,
      createdAt: '',
      stands: true,
    }
  })
}

/**
 * Web items, without reading every finding: a portal's rule links the same elements again on every run, so years
 * of monthly audits give an item hundreds or thousands of findings of a few dozen elements. What item-content.ts
 * derives from all of them it derives as well from each element's newest finding (the elements, their pages, the
 * latest run's comparison, and the newest finding overall: what was found, the rule's advice) and from each
 * clause list the item's findings carry, in the order they were first found (the clauses). One pass over the
 * links gives both; then only the newest findings are read — in full for the item, or what the summary needs.
 */
function newestPerElement(db: Db, itemIds: readonly number[], detail: Detail): Map<number, ContentSource> {
  if (itemIds.length === 0) return new Map()
  const groups = db
    .prepare(
      `SELECT l.item_id, f.match_key, f.clauses_json, MIN(f.id) AS first_id, MAX(f.id) AS last_id
       FROM rectification_item_findings l JOIN findings f ON f.id = l.finding_id
       WHERE l.item_id IN (SELECT value FROM json_each(?))
       GROUP BY l.item_id, f.match_key, f.clauses_json`,
    )
    .all(JSON.stringify(itemIds)) as ElementGroup[]
  const newestOfElement = new Map<string, ElementGroup>()
  const lists = new Map<number, ElementGroup[]>()
  for (const g of groups) {
    const element = `${g.item_id}|${g.match_key}`
    const known = newestOfElement.get(element)
    if (!known || known.last_id < g.last_id) newestOfElement.set(element, g)
    const list = lists.get(g.item_id) ?? []
    list.push(g)
    lists.set(g.item_id, list)
  }
  const newest = new Map([...newestOfElement.values()].map((g) => [g.last_id, g]))
  const findings =
    detail === 'summary'
      ? summaryFindings(db, newest)
      : (
          db
            .prepare(`${findingColumns} WHERE l.finding_id IN (SELECT value FROM json_each(?))`)
            .all(JSON.stringify([...newest.keys()])) as FindingJoinRow[]
        ).map(toLinkedFinding)
  const byItemId = byItem(findings)
  const result = new Map<number, ContentSource>()
  for (const itemId of itemIds) {
    const seen = new Set<string>()
    const clauseSources = (lists.get(itemId) ?? [])
      .sort((a, b) => a.first_id - b.first_id)
      .filter((g) => !seen.has(g.clauses_json) && seen.add(g.clauses_json))
      .map((g) => ({ clausesJson: g.clauses_json }))
    result.set(itemId, { findings: byItemId.get(itemId) ?? [], clauseSources })
  }
  return result
}

function contentSources(db: Db, rows: readonly ItemRow[], detail: Detail): Map<number, ContentSource> {
  const site = rows.filter((r) => r.source === 'site').map((r) => r.id)
  const web = rows.filter((r) => r.source === 'web').map((r) => r.id)
  return new Map([...everyFinding(db, site), ...newestPerElement(db, web, detail)])
}

/** How many findings each item links (the link table's own index, no finding is read). */
function findingCounts(db: Db, itemIds: readonly number[]): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT item_id, COUNT(*) AS n FROM rectification_item_findings
       WHERE item_id IN (SELECT value FROM json_each(?)) GROUP BY item_id`,
    )
    .all(JSON.stringify(itemIds)) as Array<{ item_id: number; n: number }>
  return new Map(rows.map((r) => [r.item_id, r.n]))
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

interface Derived {
  summary: RectificationItemSummary
  content: ItemContent
  /** Every linked finding for a site item; each element's newest for a web item. */
  linked: LinkedFinding[]
}

function derive(db: Db, rows: readonly ItemRow[], today: string, detail: Detail): Derived[] {
  const ids = rows.map((r) => r.id)
  const sources = contentSources(db, rows, detail)
  const counts = findingCounts(db, ids)
  const proposals = pendingProposals(db, ids)
  const latestRun = latestRunReader(db)
  return rows.map((row) => {
    const { findings: linked, clauseSources } = sources.get(row.id) ?? { findings: [] }
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
      clauseSources,
    )
    const summary: RectificationItemSummary = {
      id: row.id,
      source: row.source,
      unitId: row.unit_id,
      unitName: row.unit_name,
      placeId: row.place_id,
      placeName: row.place_name,
      portalId: row.portal_id,
      portalName: row.portal_name,
      location: content.location,
      title: content.title,
      category: categoryLabel(row.category),
      categoryId: row.category,
      severity: row.severity,
      clauses: content.clauses,
      elementCount: content.elementCount,
      findingCount: counts.get(row.id) ?? 0,
      status: row.status,
      priority: row.priority,
      deadline: row.deadline,
      overdue: isOverdue(row.status, row.deadline, today),
      dropReason: row.drop_reason,
      mergedIntoId: row.merged_into_id,
      noticeId: row.notice_id,
      noticeNumber: row.notice_number,
      proposal: proposals.get(row.id) ?? null,
      firstFoundAt: row.first_found_at,
      notifiedAt: row.notified_at,
      verifiedAt: row.verified_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    }
    return { summary, content, linked }
  })
}

/** The list's view of the rows; `today` (local YYYY-MM-DD) decides `overdue`. */
export function toSummaries(db: Db, rows: readonly ItemRow[], today: string): RectificationItemSummary[] {
  return derive(db, rows, today, 'summary').map((d) => d.summary)
}

/** The full view of the rows (the item page, notices, every change); `today` decides `overdue`. */
export function toItems(db: Db, rows: readonly ItemRow[], today: string): RectificationItem[] {
  const derived = derive(db, rows, today, 'full')
  const webIds = linkedWebFindingIds(
    db,
    rows.filter((r) => r.source === 'web').map((r) => r.id),
  )
  return derived.map(({ summary, content, linked }, index) => ({
    ...summary,
    found: content.found,
    remedy: content.remedy,
    elements: content.elements,
    evidence: content.evidence,
    reply: parseReply(rows[index]!.reply_json),
    findingIds: summary.source === 'site' ? linked.map((f) => f.id) : (webIds.get(summary.id) ?? []),
    ruleIds: content.ruleIds,
  }))
}

/** The ids of each web item's findings, oldest (recorded first) first, from the link table's own index. */
function linkedWebFindingIds(db: Db, itemIds: readonly number[]): Map<number, number[]> {
  const rows = db
    .prepare(
      `SELECT item_id, finding_id FROM rectification_item_findings
       WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY finding_id`,
    )
    .all(JSON.stringify(itemIds)) as Array<{ item_id: number; finding_id: number }>
  const result = new Map<number, number[]>()
  for (const r of rows) {
    const list = result.get(r.item_id) ?? []
    list.push(r.finding_id)
    result.set(r.item_id, list)
  }
  return result
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
  created_by: string | null
  created_device: string | null
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
    by: r.created_by,
    device: r.created_device,
  }))
}
