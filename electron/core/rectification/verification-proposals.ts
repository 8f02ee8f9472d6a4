import { manualChecks } from '../../../shared/web/manual-checks'
import { classifyKeys } from '../web-audits/runs/run-compare'
import type { Db } from '../db/open-database'
import { elementIdentity, findingStands } from './inspection-corrections'
import { manualCheckIdOf, parseMatchKey } from '../findings/match-keys'
import { ruleIdOf } from './item-content'
import { dayOf } from '../../../shared/domain/local-dates'
import { recordEvent, touchItem } from './item-transitions'

/**
 * Auto-verification: a later site inspection or web audit that no longer reproduces an item's problem proposes
 * to verify it; the inspector confirms or rejects (nothing is verified automatically). A proposal needs positive
 * evidence: the same check re-measured and passing, or every element's page audited again without the rule
 * firing there. Not re-measured, or a page the later run could not reach, proposes nothing.
 */

interface EligibleItem {
  id: number
  source: 'site' | 'web'
  group_key: string
  portal_id: number | null
  place_id: number | null
}

interface Proposal {
  inspectionId: number | null
  auditRunId: number | null
  explanation: string
}

interface FoundOn {
  id: number
  inspected_on: string
  revision_of: number | null
}

/**
 * The newest inspection whose finding of the item still stands (a corrected inspection's finding does not; its
 * revision's does, on the revision's date): only what was measured after it can show the fix. None when every
 * finding was corrected away: the record no longer holds a problem to be fixed, so nothing can show a fix — not
 * even the passing correction itself, which says the problem was recorded wrongly. The inspector decides such an
 * item (the sync's correction note says so).
 */
function lastFound(db: Db, itemId: number): FoundOn | undefined {
  return db
    .prepare(
      `SELECT ins.id, ins.inspected_on, ins.revision_of FROM rectification_item_findings l
       JOIN findings f ON f.id = l.finding_id JOIN inspections ins ON ins.id = f.inspection_id
       WHERE l.item_id = ? AND ${findingStands('f')}
       ORDER BY ins.inspected_on DESC, ins.id DESC LIMIT 1`,
    )
    .get(itemId) as FoundOn | undefined
}

/** Inspections are ordered by date, and on the same date by the order they were made in. */
const isAfter = (a: { id: number; inspected_on: string }, b: { id: number; inspected_on: string }) =>
  a.inspected_on > b.inspected_on || (a.inspected_on === b.inspected_on && a.id > b.id)

function siteProposal(db: Db, item: EligibleItem): Proposal | null {
  const key = parseMatchKey(item.group_key)
  if (key?.kind !== 'site') return null
  const { placeId, elementId: identity, checkId } = key
  const last = lastFound(db, item.id)
  if (!last) return null
  const measured = db
    .prepare(
      `SELECT i.id AS inspection_id, i.inspected_on, e.id AS element_id, cv.verdict, cv.result_json
       FROM inspections i
       JOIN inspection_elements e ON e.inspection_id = i.id
       JOIN check_values cv ON cv.element_id = e.id AND cv.check_id = ?
       WHERE i.place_id = ? AND i.status = 'submitted' AND cv.verdict IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM inspections r WHERE r.revision_of = i.id AND r.status = 'submitted')
         AND (i.inspected_on > ? OR (i.inspected_on = ? AND i.id > ?))
       ORDER BY i.inspected_on DESC, i.id DESC`,
    )
    .all(checkId, placeId, last.inspected_on, last.inspected_on, last.id) as Array<{
    inspection_id: number
    inspected_on: string
    element_id: number
    verdict: string
    result_json: string | null
  }>
  // The latest re-measurement of the same physical element decides; an older pass is outdated by a newer fail.
  const latest = measured.find((row) => elementIdentity(db, row.element_id) === identity)
  if (!latest || latest.verdict !== 'pass') return null
  let explanation = '复查结果符合要求'
  try {
    const result = JSON.parse(latest.result_json ?? '{}') as { explanation?: string }
    if (result.explanation) explanation = `${result.explanation}，符合要求`
  } catch {
    // keep the generic wording
  }
  return {
    inspectionId: latest.inspection_id,
    auditRunId: null,
    explanation: `${latest.inspected_on} 复查：${explanation}`,
  }
}

function webProposal(db: Db, item: EligibleItem): Proposal | null {
  if (item.portal_id === null) return null
  const findings = db
    .prepare(
      `SELECT f.match_key, f.check_id, f.audit_run_id, json_extract(f.evidence_json, '$.pageUrl') AS page_url
       FROM rectification_item_findings l JOIN findings f ON f.id = l.finding_id
       WHERE l.item_id = ? ORDER BY f.id`,
    )
    .all(item.id) as Array<{
    match_key: string
    check_id: string | null
    audit_run_id: number | null
    page_url: string | null
  }>
  if (findings.length === 0) return null
  const lastRun = Math.max(...findings.map((f) => f.audit_run_id ?? 0))
  const run = db
    .prepare(
      `SELECT id, created_at, finished_at FROM audit_runs
       WHERE portal_id = ? AND status = 'completed' AND id > ? ORDER BY id DESC LIMIT 1`,
    )
    .get(item.portal_id, lastRun) as
    { id: number; created_at: string; finished_at: string | null } | undefined
  if (!run) return null
  const previous = new Map(findings.map((f) => [f.match_key, f.page_url ?? '']))
  const currentKeys = db
    .prepare('SELECT DISTINCT match_key FROM findings WHERE audit_run_id = ?')
    .pluck()
    .all(run.id) as string[]
  const audited = new Set(
    db
      .prepare(`SELECT url FROM audit_pages WHERE run_id = ? AND status = 'done'`)
      .pluck()
      .all(run.id) as string[],
  )
  // The same classification as the run comparison screen: fixed only where the page was audited again.
  const changes = classifyKeys(previous, currentKeys, audited)
  for (const key of previous.keys()) if (changes.get(key) !== 'fixed') return null
  const ruleId = ruleIdOf({ checkId: findings[0]!.check_id, matchKey: findings[0]!.match_key })
  const pages = new Set(previous.values()).size
  return {
    inspectionId: null,
    auditRunId: run.id,
    explanation: `${dayOf(run.finished_at ?? run.created_at)} 复测：规则 ${ruleId} 在原问题元素上不再出现（${previous.size} 处，${pages} 个页面均已重新检测）`,
  }
}

/** A manual check answered "pass" after the item was made (the failing answer's finding is withdrawn then). */
function manualProposal(db: Db, item: EligibleItem, checkId: string): Proposal | null {
  if (item.portal_id === null) return null
  const answer = db
    .prepare(
      'SELECT status, run_id, updated_at FROM manual_check_answers WHERE portal_id = ? AND check_id = ?',
    )
    .get(item.portal_id, checkId) as { status: string; run_id: number | null; updated_at: string } | undefined
  if (!answer || answer.status !== 'pass') return null
  const decidedSince = db
    .prepare('SELECT 1 FROM verification_proposals WHERE item_id = ? AND proposed_at >= ?')
    .get(item.id, answer.updated_at)
  if (decidedSince) return null
  const title = manualChecks.find((c) => c.id === checkId)?.titleZh ?? checkId
  return {
    inspectionId: null,
    auditRunId: answer.run_id,
    explanation: `${dayOf(answer.updated_at)} 人工复查：“${title}”判定为通过`,
  }
}

function alreadyProposed(db: Db, itemId: number, proposal: Proposal): boolean {
  if (proposal.inspectionId !== null) {
    return Boolean(
      db
        .prepare('SELECT 1 FROM verification_proposals WHERE item_id = ? AND inspection_id = ?')
        .get(itemId, proposal.inspectionId),
    )
  }
  if (proposal.auditRunId !== null) {
    return Boolean(
      db
        .prepare('SELECT 1 FROM verification_proposals WHERE item_id = ? AND audit_run_id = ?')
        .get(itemId, proposal.auditRunId),
    )
  }
  return false
}

/** Creates the proposals the data supports; returns how many. Call inside the sync transaction. */
export function proposeVerifications(db: Db, now: string): number {
  const eligible = db
    .prepare(
      `SELECT id, source, group_key, portal_id, place_id FROM rectification_items i
       WHERE status IN ('notified', 'claimed', 'reopened')
         AND NOT EXISTS (SELECT 1 FROM verification_proposals p WHERE p.item_id = i.id AND p.state = 'pending')
       ORDER BY id`,
    )
    .all() as EligibleItem[]
  const insert = db.prepare(
    `INSERT INTO verification_proposals (item_id, source, inspection_id, audit_run_id, explanation, proposed_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  let created = 0
  for (const item of eligible) {
    const manual = item.source === 'web' ? manualCheckIdOf(item.group_key) : null
    const proposal =
      item.source === 'site'
        ? siteProposal(db, item)
        : manual
          ? manualProposal(db, item, manual)
          : webProposal(db, item)
    if (!proposal || alreadyProposed(db, item.id, proposal)) continue
    insert.run(item.id, item.source, proposal.inspectionId, proposal.auditRunId, proposal.explanation, now)
    recordEvent(db, item.id, 'propose', null, null, proposal.explanation, now)
    touchItem(db, item.id, now)
    created++
  }
  return created
}

interface PendingSiteProposal {
  id: number
  item_id: number
  inspection_id: number
  inspected_on: string
  explanation: string
  proposed_at: string
  revision_id: number | null
}

/**
 * Why a pending site proposal no longer holds, or null while it does: the inspection it rests on was corrected
 * (its revision decides now, with its own date and measurement), the problem was last found on or after that
 * inspection (a correction moved a finding's date past it), or no finding of the item stands any more.
 */
function outdatedBecause(db: Db, proposal: PendingSiteProposal): string | null {
  if (proposal.revision_id !== null) {
    return `所依据的检查（检查编号 ${proposal.inspection_id}）已由修订（检查编号 ${proposal.revision_id}）更正`
  }
  const last = lastFound(db, proposal.item_id)
  if (!last) return '检查更正后，该项的问题记录均已更正为不再判定为问题，没有可核验的问题'
  if (isAfter({ id: proposal.inspection_id, inspected_on: proposal.inspected_on }, last)) return null
  return `${last.revision_of !== null ? '检查更正后，' : ''}该问题最近一次于 ${last.inspected_on} 发现（检查编号 ${last.id}），所依据的 ${proposal.inspected_on} 检查（检查编号 ${proposal.inspection_id}）不在其后，不能证明已整改`
}

/**
 * Withdraws the pending site proposals whose basis changed; the sync then proposes again from the record as it
 * now stands. Nobody decided these proposals, so they are not "rejected" (that state means the inspector said no,
 * and keeps the same inspection from being proposed again): the row goes, and the item's history keeps the
 * proposal's full text, the day it was made and why it was withdrawn, next to the note written when it was made.
 * Web proposals rest on audit runs, which are never corrected. Call inside the sync transaction.
 */
export function withdrawOutdatedProposals(db: Db, now: string): number {
  const pending = db
    .prepare(
      `SELECT p.id, p.item_id, p.inspection_id, ins.inspected_on, p.explanation, p.proposed_at,
              (SELECT r.id FROM inspections r WHERE r.revision_of = p.inspection_id AND r.status = 'submitted')
                AS revision_id
       FROM verification_proposals p JOIN inspections ins ON ins.id = p.inspection_id
       WHERE p.state = 'pending' AND p.source = 'site'
       ORDER BY p.id`,
    )
    .all() as PendingSiteProposal[]
  let withdrawn = 0
  for (const proposal of pending) {
    const reason = outdatedBecause(db, proposal)
    if (reason === null) continue
    db.prepare('DELETE FROM verification_proposals WHERE id = ?').run(proposal.id)
    const note = `撤回核验建议（${dayOf(proposal.proposed_at)} 提出）：${proposal.explanation}。原因：${reason}`
    recordEvent(db, proposal.item_id, 'withdraw', null, null, note, now)
    touchItem(db, proposal.item_id, now)
    withdrawn++
  }
  return withdrawn
}
