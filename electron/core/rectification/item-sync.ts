import { findCheck } from '../../../shared/catalog/index'
import type { Severity } from '../../../shared/catalog/types'
import { itemStatusLabels, type ItemStatus } from '../../../shared/domain/rectification'
import {
  siteCategoryIdOf,
  webCategoryIdOf,
  type RectificationCategoryId,
} from '../../../shared/domain/rectification-categories'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { inTransaction } from '../db/transaction'
import { manualCheckIdOf, siteMatchKey, webRuleKey } from '../findings/match-keys'
import {
  elementIdentity,
  findingStands,
  followCorrections,
  itemOfCorrectedFinding,
  standingSeverity,
} from './inspection-corrections'
import { ruleIdOf, worstSeverity } from './item-content'
import { closePendingProposals, isTerminal, recordEvent, touchItem, transition } from './item-transitions'
import { dayOf } from '../../../shared/domain/local-dates'
import { proposeVerifications, withdrawOutdatedProposals } from './verification-proposals'

/**
 * Items from findings, idempotently: every finding not yet linked joins the active item of the same problem
 * (its group key) or starts a new one; then verification proposals are computed. Safe to run any number of
 * times, after each inspection submit and audit run, and on demand (`rectification:sync`).
 *
 * Group keys: a site finding's match key (place + the element's first inspection + check), so re-inspections of
 * the same ramp join one item; web: one item per portal and rule (`web:portal:<id>:rule:<ruleId>`) listing its
 * failing elements; a manual-check fail keeps its own match key.
 */

export interface SyncResult {
  created: number
  linked: number
  proposals: number
}

interface CandidateRow {
  id: number
  source: 'site' | 'web'
  severity: Severity
  title: string
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

const activeStatuses = `('open', 'notified', 'claimed', 'reopened')`
const reproducedStatuses: readonly ItemStatus[] = ['notified', 'claimed', 'reopened']

/**
 * A site finding's group: its place, the first record of its physical element (across re-inspections and
 * corrections, see elementIdentity) and its check. Without a place, element or check, its own match key.
 */
function siteGroupKey(db: Db, finding: CandidateRow): string {
  if (finding.element_id === null || finding.place_id === null || finding.check_id === null) {
    return finding.match_key
  }
  return siteMatchKey(finding.place_id, elementIdentity(db, finding.element_id), finding.check_id)
}

export function groupKeyOf(db: Db, finding: CandidateRow): string {
  if (finding.source === 'site') return siteGroupKey(db, finding)
  if (manualCheckIdOf(finding.match_key) !== null || finding.portal_id === null) return finding.match_key
  return webRuleKey(finding.portal_id, ruleIdOf({ checkId: finding.check_id, matchKey: finding.match_key }))
}

function unlinkedFindings(db: Db): CandidateRow[] {
  // A web "needs review" result is not a finding until someone confirms it; a site one only exists when the
  // inspector confirmed it. Findings of an inspection corrected by a submitted revision are superseded.
  return db
    .prepare(
      `SELECT f.id, f.source, f.severity, f.title, f.check_id, f.match_key, f.place_id, f.portal_id, f.unit_id,
              f.inspection_id, f.element_id, f.audit_run_id, f.created_at, ins.inspected_on, ins.revision_of, ins.catalog_id,
              e.category AS element_category,
              COALESCE((SELECT unit_id FROM places WHERE id = f.place_id),
                       (SELECT unit_id FROM portals WHERE id = f.portal_id)) AS owner_unit_id
       FROM findings f
       LEFT JOIN inspections ins ON ins.id = f.inspection_id
       LEFT JOIN inspection_elements e ON e.id = f.element_id
       WHERE NOT EXISTS (SELECT 1 FROM rectification_item_findings l WHERE l.finding_id = f.id)
         AND NOT (f.source = 'web' AND f.needs_review = 1)
         AND ${findingStands('f')}
       ORDER BY f.id`,
    )
    .all() as CandidateRow[]
}

interface Target {
  id: number
  status: ItemStatus
  severity: Severity
}

/**
 * The item a finding of `groupKey` joins: the newest active item of the key, following merges to the surviving
 * item; else a dropped item that already holds this very element (a false positive is not raised again on each
 * re-run); else none (a new item is made — a verified problem found again is a new problem).
 */
function targetItem(db: Db, groupKey: string, matchKey: string): Target | null {
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

function createItem(db: Db, finding: CandidateRow, groupKey: string, now: string): number {
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
      finding.title,
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

/** The inspection or run a finding came from, to write one "found again" event per item and occasion. */
function occasionOf(finding: CandidateRow): string {
  return finding.inspection_id !== null
    ? `inspection:${finding.inspection_id}`
    : `run:${finding.audit_run_id}`
}

function occasionLabel(finding: CandidateRow): string {
  if (finding.inspection_id !== null && finding.revision_of !== null) {
    return `${finding.inspected_on ?? ''} 复查（检查编号 ${finding.inspection_id}，系对检查编号 ${finding.revision_of} 的更正）`
  }
  if (finding.inspection_id !== null)
    return `${finding.inspected_on ?? ''} 复查（检查编号 ${finding.inspection_id}）`
  if (finding.audit_run_id !== null) return `复测（检测编号 ${finding.audit_run_id}）`
  return '复查'
}

/** Items whose unit was unknown take the place's or portal's unit once it is set. */
function fillMissingUnits(db: Db, now: string): void {
  const rows = db
    .prepare(
      `SELECT id, COALESCE((SELECT unit_id FROM places WHERE id = i.place_id),
                           (SELECT unit_id FROM portals WHERE id = i.portal_id)) AS unit_id
       FROM rectification_items i WHERE unit_id IS NULL AND status IN ${activeStatuses}`,
    )
    .all() as Array<{ id: number; unit_id: number | null }>
  for (const row of rows) {
    if (row.unit_id === null) continue
    db.prepare('UPDATE rectification_items SET unit_id = ? WHERE id = ?').run(row.unit_id, row.id)
    touchItem(db, row.id, now)
  }
}

/**
 * An item not yet sent whose every finding was superseded by a corrected inspection no longer stands: the
 * correction did not find the problem again (if it had, its finding would have joined the item). Items already
 * on a notice are left to the inspector.
 */
function dropSupersededOpenItems(db: Db, now: string): void {
  const rows = db
    .prepare(
      `SELECT i.id, i.status, i.version, i.unit_id FROM rectification_items i
       WHERE i.status = 'open' AND i.source = 'site'
         AND EXISTS (SELECT 1 FROM rectification_item_findings l WHERE l.item_id = i.id)
         AND NOT EXISTS (
           SELECT 1 FROM rectification_item_findings l JOIN findings f ON f.id = l.finding_id
           WHERE l.item_id = i.id AND ${findingStands('f')})`,
    )
    .all() as Array<{ id: number; status: ItemStatus; version: number; unit_id: number | null }>
  const reason = '所依据的现场检查已更正，更正后不再判定为问题'
  for (const row of rows) transition(db, row, 'drop', { drop_reason: reason }, reason, now)
}

/** Runs the whole sync in one transaction. */
export function syncRectification(ctx: CoreContext): SyncResult {
  const now = ctx.now().toISOString()
  return inTransaction(ctx.db, () => {
    const db = ctx.db
    let created = 0
    let linked = 0
    const touched = new Set<number>()
    const reproducedNoted = new Set<string>()
    const link = db.prepare('INSERT INTO rectification_item_findings (item_id, finding_id) VALUES (?, ?)')
    for (const finding of unlinkedFindings(db)) {
      const corrected = finding.source === 'site' ? itemOfCorrectedFinding(db, finding) : null
      if (corrected) {
        // The corrected record of an occasion already linked, not the problem found again: no "found again"
        // note, no proposal rejected; followCorrections notes the correction once and derives the dates.
        link.run(corrected.id, finding.id)
        // The severity is the corrected record's; a closed item is never changed again, it only keeps the
        // corrected record beside the one it was closed on.
        const severity = isTerminal(corrected.status) ? null : standingSeverity(db, corrected.id)
        if (severity !== null && severity !== corrected.severity) {
          db.prepare('UPDATE rectification_items SET severity = ? WHERE id = ?').run(severity, corrected.id)
        }
        touched.add(corrected.id)
        linked++
        continue
      }
      const groupKey = groupKeyOf(db, finding)
      let target = targetItem(db, groupKey, finding.match_key)
      if (!target) {
        target = { id: createItem(db, finding, groupKey, now), status: 'open', severity: finding.severity }
        created++
      } else {
        const severity = worstSeverity([target.severity, finding.severity])
        if (severity !== target.severity) {
          db.prepare('UPDATE rectification_items SET severity = ? WHERE id = ?').run(severity, target.id)
        }
        touched.add(target.id)
        if (reproducedStatuses.includes(target.status)) {
          // Found again while the unit owes the fix: a pending proposal from an earlier check is outdated.
          const key = `${target.id}|${occasionOf(finding)}`
          if (!reproducedNoted.has(key)) {
            reproducedNoted.add(key)
            const rejected = closePendingProposals(db, target.id, 'rejected', now)
            const note = `${occasionLabel(finding)}再次发现该问题（当前状态：${itemStatusLabels[target.status]}）${
              rejected ? '，原核验建议已自动驳回' : ''
            }`
            recordEvent(db, target.id, 'note', null, null, note, now)
          }
        }
      }
      link.run(target.id, finding.id)
      linked++
    }
    for (const id of touched) touchItem(db, id, now)
    followCorrections(db, now)
    dropSupersededOpenItems(db, now)
    fillMissingUnits(db, now)
    // Pending proposals whose basis a correction changed go first, so the proposals made next see the record
    // as corrected.
    withdrawOutdatedProposals(db, now)
    const proposals = proposeVerifications(db, now)
    return { created, linked, proposals }
  })
}

/**
 * The hook called after an inspection submit, an audit run or a manual-check answer: the source operation has
 * already been saved, so a failure here is logged and never undoes or fails it (`rectification:sync` re-runs it).
 */
export function syncRectificationSafely(
  ctx: CoreContext,
  log: (error: unknown) => void = console.error,
): void {
  try {
    syncRectification(ctx)
  } catch (error) {
    log(error)
  }
}
