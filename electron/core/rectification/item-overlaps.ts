import {
  overlapOf,
  partialOverlapRules,
  ruleOverlaps,
  ruleOverlapsVersion,
} from '../../../shared/web/rule-overlaps'
import type { Db } from '../db/open-database'
import { readSettingText, writeSetting } from '../db/settings-store'
import { parseMatchKey, webDefectKey, webRuleKey, type MatchKey } from '../findings/match-keys'
import { mergeInto } from './item-merge'
import { candidateSelect, createItem, targetItem, type CandidateRow } from './item-targets'
import { recordEvent, touchItem } from './item-transitions'

/**
 * One defect, one item: web findings of overlapping rules (shared/web/rule-overlaps.ts) are filed under one item per
 * portal and defect. New findings get the defect's group key when they are filed (webGroupKey); items made before
 * a group existed — in a database from an earlier release, or before the table gained a group — are re-filed once
 * per version of the table (consolidateOverlaps), so a re-sync never leaves two items for one defect.
 */

export function webGroupKey(portalId: number, ruleId: string, detail: string): string {
  const group = overlapOf(ruleId, detail)
  return group ? webDefectKey(portalId, group.id) : webRuleKey(portalId, ruleId)
}

/** Where the version of the overlap table the items were last filed by is kept (the settings table). */
export const overlapsSettingKey = 'rectification.ruleOverlaps'

const movable = `('open', 'notified', 'reopened')`
const autoMergeNote = '（多条检测规则发现的是同一问题，系统自动合并）'

/** Whole-rule members: their items take the group's key (a key update, whatever the item's status). */
function rekeyWholeRules(db: Db): void {
  const portals = db
    .prepare(
      `SELECT DISTINCT portal_id FROM rectification_items WHERE source = 'web' AND portal_id IS NOT NULL`,
    )
    .pluck()
    .all() as number[]
  const rekey = db.prepare(
    `UPDATE rectification_items SET group_key = ? WHERE source = 'web' AND group_key = ?`,
  )
  for (const group of ruleOverlaps) {
    for (const member of group.members) {
      if (member.detail) continue
      for (const portal of portals)
        rekey.run(webDefectKey(portal, group.id), webRuleKey(portal, member.ruleId))
    }
  }
}

/** Active web items whose group key has the given form (keys are read in findings/match-keys.ts only). */
function webItemsKeyed<K extends 'web-rule' | 'web-defect'>(
  db: Db,
  kind: K,
  statuses: string,
): Array<{
  id: number
  portal_id: number
  status: string
  group_key: string
  key: Extract<MatchKey, { kind: K }>
}> {
  const rows = db
    .prepare(
      `SELECT id, portal_id, status, group_key FROM rectification_items
       WHERE source = 'web' AND portal_id IS NOT NULL AND status IN ${statuses}
       ORDER BY group_key, id`,
    )
    .all() as Array<{ id: number; portal_id: number; status: string; group_key: string }>
  return rows.flatMap((row) => {
    const key = parseMatchKey(row.group_key)
    return key?.kind === kind ? [{ ...row, key: key as Extract<MatchKey, { kind: K }> }] : []
  })
}

/**
 * Part-members (aa-html-conformance's <marquee> lines …): their matching findings leave the rule's item for the
 * defect's. An item left without findings is merged into the item that took them. Items the unit has already
 * answered (已报整改) and closed items are left as they are.
 */
function refileParts(db: Db, now: string): void {
  for (const ruleId of partialOverlapRules()) {
    const items = webItemsKeyed(db, 'web-rule', movable).filter((item) => item.key.ruleId === ruleId)
    for (const item of items) {
      const findings = db
        .prepare(
          `${candidateSelect} WHERE f.id IN (SELECT finding_id FROM rectification_item_findings WHERE item_id = ?)
           ORDER BY f.id`,
        )
        .all(item.id) as CandidateRow[]
      const moves = new Map<string, CandidateRow[]>()
      for (const finding of findings) {
        const group = overlapOf(ruleId, finding.detail)
        if (!group) continue
        const key = webDefectKey(item.portal_id, group.id)
        moves.set(key, [...(moves.get(key) ?? []), finding])
      }
      let lastTarget: number | null = null
      for (const [key, moving] of moves) {
        const first = moving[0]!
        const target = targetItem(db, key, first.match_key)?.id ?? createItem(db, first, key, now)
        const ids = JSON.stringify(moving.map((f) => f.id))
        db.prepare(
          `UPDATE rectification_item_findings SET item_id = ?
           WHERE item_id = ? AND finding_id IN (SELECT value FROM json_each(?))`,
        ).run(target, item.id, ids)
        recordEvent(
          db,
          item.id,
          'note',
          null,
          null,
          `其中 ${moving.length} 条检测结果属于同一问题，已转入整改项（编号 ${target}）`,
          now,
        )
        recordEvent(
          db,
          target,
          'note',
          null,
          null,
          `由整改项（编号 ${item.id}）转入同一问题的 ${moving.length} 条检测结果`,
          now,
        )
        touchItem(db, item.id, now)
        touchItem(db, target, now)
        lastTarget = target
      }
      const left = db
        .prepare('SELECT COUNT(*) FROM rectification_item_findings WHERE item_id = ?')
        .pluck()
        .get(item.id) as number
      if (left === 0 && lastTarget !== null) mergeInto(db, lastTarget, [item.id], now, autoMergeNote)
    }
  }
}

/**
 * Two or more active items of one portal and defect become one: the one the unit already knows of (notified,
 * answered or reopened, the oldest first) stays, the others merge into it. An item already answered (已报整改)
 * cannot be merged away and stays as it is.
 */
function mergeDuplicates(db: Db, now: string): void {
  const rows = webItemsKeyed(db, 'web-defect', `('open', 'notified', 'claimed', 'reopened')`)
  const groups = new Map<string, typeof rows>()
  for (const row of rows) groups.set(row.group_key, [...(groups.get(row.group_key) ?? []), row])
  for (const items of groups.values()) {
    if (items.length < 2) continue
    const survivor = items.find((i) => i.status !== 'open') ?? items[0]!
    const merged = items.filter((i) => i.id !== survivor.id && i.status !== 'claimed').map((i) => i.id)
    if (merged.length > 0) mergeInto(db, survivor.id, merged, now, autoMergeNote)
  }
}

/** Runs inside the sync's transaction; does nothing when the items were filed by this version of the table. */
export function consolidateOverlaps(db: Db, now: string): void {
  if (readSettingText(db, overlapsSettingKey) === JSON.stringify(ruleOverlapsVersion)) return
  rekeyWholeRules(db)
  refileParts(db, now)
  mergeDuplicates(db, now)
  writeSetting(db, overlapsSettingKey, ruleOverlapsVersion, now)
}
