import { itemStatusLabels, type ItemStatus } from '../../../shared/domain/rectification'
import type { Severity } from '../../../shared/catalog/types'
import type { Db } from '../db/open-database'
import { worstSeverity } from './item-content'
import { recordEvent, touchItem } from './item-transitions'

/**
 * How rectification follows a corrected site inspection. A correction (inspections:revise) is a new inspection
 * that, once submitted, replaces the corrected one: the replaced inspection's findings stay linked to their items
 * (the record of what was once found), but they no longer stand — the revision's own findings, date and
 * measurements do. Everything here runs inside the rectification sync's transaction and is idempotent.
 */

/** SQL: the finding `f` still stands — it is not from an inspection replaced by a submitted revision. */
export const findingStands = (f: string) =>
  `NOT EXISTS (SELECT 1 FROM inspections r WHERE r.revision_of = ${f}.inspection_id AND r.status = 'submitted')`

/**
 * The first record of the physical element `elementId` is: back along re-inspections (previous_element_id) and
 * back through corrections. A revision's element is a copy carrying its original's previous link but not a link to
 * the original itself, so an element first recorded in a revision is mapped to the original's element at the same
 * position and category; a re-inspection made after a correction descends from the revision's elements. Either
 * way one ramp keeps one identity, so its findings join one item and a later measurement of it can verify it.
 */
export function elementIdentity(db: Db, elementId: number): number {
  const step = db.prepare(
    `SELECT e.previous_element_id AS prev, e.position, e.category, i.revision_of
     FROM inspection_elements e JOIN inspections i ON i.id = e.inspection_id WHERE e.id = ?`,
  )
  const originalOf = db
    .prepare('SELECT id FROM inspection_elements WHERE inspection_id = ? AND position = ? AND category = ?')
    .pluck()
  let current = elementId
  for (let hops = 0; hops < 1000; hops++) {
    const row = step.get(current) as
      { prev: number | null; position: number; category: string; revision_of: number | null } | undefined
    if (!row) return current
    if (row.prev !== null) {
      current = row.prev
      continue
    }
    if (row.revision_of === null) return current
    const original = originalOf.get(row.revision_of, row.position, row.category) as number | undefined
    // An element the correction added has no original: it is its own first record.
    if (original === undefined) return current
    current = original
  }
  return current
}

export interface CorrectedTarget {
  id: number
  status: ItemStatus
  severity: Severity
}

/**
 * The item that holds what the corrected inspection (or an earlier version of it) found on the same element and
 * check, whatever that item's status. A revision's finding is the same occasion recorded again, not the problem
 * found again: it belongs with the finding it corrects — a verified or dropped item is not raised anew, and an
 * item awaiting verification does not have its proposal rejected as "found again".
 */
export function itemOfCorrectedFinding(
  db: Db,
  finding: { inspection_id: number | null; element_id: number | null; check_id: string | null },
): CorrectedTarget | null {
  if (finding.inspection_id === null || finding.element_id === null || finding.check_id === null) return null
  const revisionOf = db.prepare('SELECT revision_of FROM inspections WHERE id = ?').pluck()
  const linked = db.prepare(
    `SELECT i.id, i.status, i.severity, f.element_id FROM rectification_item_findings l
     JOIN findings f ON f.id = l.finding_id JOIN rectification_items i ON i.id = l.item_id
     WHERE f.inspection_id = ? AND f.check_id = ? AND f.element_id IS NOT NULL ORDER BY f.id DESC`,
  )
  const identity = elementIdentity(db, finding.element_id)
  let corrected = revisionOf.get(finding.inspection_id) as number | null | undefined
  for (let hops = 0; corrected && hops < 100; hops++) {
    const rows = linked.all(corrected, finding.check_id) as Array<CorrectedTarget & { element_id: number }>
    const match = rows.find((row) => elementIdentity(db, row.element_id) === identity)
    if (match) return { id: match.id, status: match.status, severity: match.severity }
    // The version before may have found it although this one's predecessor did not (found, cleared, found again).
    corrected = revisionOf.get(corrected) as number | null | undefined
  }
  return null
}

const correctionPrefix = (replacedId: number, revisionId: number) =>
  `检查更正：检查编号 ${replacedId} 已由修订（检查编号 ${revisionId}）更正`

interface CorrectionRow {
  item_id: number
  status: ItemStatus
  replaced_id: number
  replaced_on: string
  revision_id: number
  revision_on: string
  still_found: number
  any_standing: number
}

/**
 * One history note per item and correction. The notes already written (creation, "found again" on a date, a
 * proposal as it was made) stay as they were: they record what was known when they were written. The correction
 * is a new event saying what changed — the date, and whether the corrected inspection still finds the problem.
 * An item already sent to the unit (or verified) that the correction leaves without any finding is not changed
 * automatically — the unit may have acted on the notice — so the note asks the inspector to decide. An open one
 * is dropped by the sync, with its own reason.
 *
 * The events table has no column naming the inspection, so the note's fixed opening (which names both inspection
 * numbers) is what marks a correction as noted.
 */
function noteCorrections(db: Db, now: string): void {
  const rows = db
    .prepare(
      `SELECT DISTINCT l.item_id, i.status, o.id AS replaced_id, o.inspected_on AS replaced_on,
              r.id AS revision_id, r.inspected_on AS revision_on,
              EXISTS (SELECT 1 FROM rectification_item_findings l2 JOIN findings f2 ON f2.id = l2.finding_id
                      WHERE l2.item_id = l.item_id AND f2.inspection_id = r.id) AS still_found,
              EXISTS (SELECT 1 FROM rectification_item_findings l3 JOIN findings f3 ON f3.id = l3.finding_id
                      WHERE l3.item_id = l.item_id AND ${findingStands('f3')}) AS any_standing
       FROM rectification_item_findings l
       JOIN findings f ON f.id = l.finding_id
       JOIN inspections o ON o.id = f.inspection_id
       JOIN inspections r ON r.revision_of = o.id AND r.status = 'submitted'
       JOIN rectification_items i ON i.id = l.item_id
       WHERE i.status <> 'merged'
       ORDER BY r.id, l.item_id`,
    )
    .all() as CorrectionRow[]
  const noted = db.prepare(
    'SELECT 1 FROM rectification_events WHERE item_id = ? AND substr(note, 1, length(?)) = ?',
  )
  for (const row of rows) {
    const prefix = correctionPrefix(row.replaced_id, row.revision_id)
    if (noted.get(row.item_id, prefix, prefix)) continue
    const date =
      row.replaced_on === row.revision_on ? '' : `，检查日期由 ${row.replaced_on} 更正为 ${row.revision_on}`
    recordEvent(db, row.item_id, 'note', null, null, `${prefix}${date}${outcomeOf(row)}`, now)
    touchItem(db, row.item_id, now)
  }
}

function outcomeOf(row: CorrectionRow): string {
  if (row.still_found) return '；更正后仍发现该问题'
  if (row.any_standing) return '；更正后未再发现该问题，其他检查的发现记录仍然成立'
  // Nothing stands any more: an open item is dropped by the sync (with its reason), a dropped one is done.
  if (row.status === 'open' || row.status === 'dropped') return '；更正后未再发现该问题'
  return `；更正后未再发现该问题，该项已没有成立的问题记录。当前状态“${itemStatusLabels[row.status]}”未自动变更，请核实（如属误报请撤销）`
}

/**
 * first_found_at is the day the problem was first found by the record as it now stands: the earliest inspection
 * date among the item's findings that still stand. It is derived again for every item touched by a correction
 * (whatever its status: the reports count every item's "found" by it). When no finding stands — the correction
 * cleared an item already sent — the date stays as it was, with the item.
 */
function refreshFirstFound(db: Db, now: string): void {
  const rows = db
    .prepare(
      `SELECT i.id, i.first_found_at,
              (SELECT MIN(ins.inspected_on) FROM rectification_item_findings l2
                 JOIN findings f2 ON f2.id = l2.finding_id JOIN inspections ins ON ins.id = f2.inspection_id
                WHERE l2.item_id = i.id AND ${findingStands('f2')}) AS standing_first
       FROM rectification_items i
       WHERE i.source = 'site' AND i.status <> 'merged'
         AND EXISTS (SELECT 1 FROM rectification_item_findings l JOIN findings f ON f.id = l.finding_id
                     WHERE l.item_id = i.id AND NOT ${findingStands('f')})`,
    )
    .all() as Array<{ id: number; first_found_at: string; standing_first: string | null }>
  const update = db.prepare('UPDATE rectification_items SET first_found_at = ? WHERE id = ?')
  for (const row of rows) {
    if (row.standing_first === null || row.standing_first === row.first_found_at) continue
    update.run(row.standing_first, row.id)
    touchItem(db, row.id, now)
  }
}

/** Notes the corrections not yet noted and derives first_found_at again; call inside the sync transaction. */
export function followCorrections(db: Db, now: string): void {
  noteCorrections(db, now)
  refreshFirstFound(db, now)
}

/** The worst severity among the item's findings that still stand, or null when none does. */
export function standingSeverity(db: Db, itemId: number): Severity | null {
  const severities = db
    .prepare(
      `SELECT f.severity FROM rectification_item_findings l JOIN findings f ON f.id = l.finding_id
       WHERE l.item_id = ? AND ${findingStands('f')}`,
    )
    .pluck()
    .all(itemId) as Severity[]
  return severities.length === 0 ? null : worstSeverity(severities)
}
