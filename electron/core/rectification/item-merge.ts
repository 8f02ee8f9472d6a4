import { ApiError } from '../../../shared/api/errors'
import type { Severity } from '../../../shared/catalog/types'
import type { Db } from '../db/open-database'
import { worstSeverity } from './item-content'
import {
  closePendingProposals,
  itemState,
  recordEvent,
  refuseTerminal,
  touchItem,
  transition,
} from './item-transitions'

/**
 * Merges items into one (inside the caller's transaction): each becomes 已合并 pointing at the target, its findings
 * and their history join the target, whose severity becomes the worst and whose first-found day the earliest.
 * Used by 合并重复项 and by the sync when overlapping rules turn out to be one defect. `reason` completes the notes
 * ("合并到整改项（编号 3）" + reason).
 */
export function mergeInto(db: Db, targetId: number, ids: readonly number[], now: string, reason = ''): void {
  const target = itemState(db, targetId)
  refuseTerminal(target, '作为合并目标')
  const row = (id: number) =>
    db.prepare('SELECT source, severity, first_found_at FROM rectification_items WHERE id = ?').get(id) as {
      source: string
      severity: Severity
      first_found_at: string
    }
  const targetRow = row(target.id)
  const severities = [targetRow.severity]
  let firstFound = targetRow.first_found_at
  for (const id of ids) {
    const state = itemState(db, id)
    const merged = row(id)
    if (state.unit_id !== target.unit_id) {
      throw new ApiError('INVALID_STATE', `整改项（编号 ${id}）与合并目标不属于同一责任单位，不能合并`)
    }
    if (merged.source !== targetRow.source) {
      throw new ApiError(
        'INVALID_STATE',
        `整改项（编号 ${id}）与合并目标来源不同（现场检查/网站检测），不能合并`,
      )
    }
    transition(
      db,
      state,
      'merge',
      { merged_into_id: target.id },
      `合并到整改项（编号 ${target.id}）${reason}`,
      now,
    )
    closePendingProposals(db, id, 'rejected', now)
    db.prepare('UPDATE rectification_item_findings SET item_id = ? WHERE item_id = ?').run(target.id, id)
    severities.push(merged.severity)
    if (merged.first_found_at < firstFound) firstFound = merged.first_found_at
  }
  db.prepare('UPDATE rectification_items SET severity = ?, first_found_at = ? WHERE id = ?').run(
    worstSeverity(severities),
    firstFound,
    target.id,
  )
  touchItem(db, target.id, now)
  recordEvent(
    db,
    target.id,
    'merge',
    null,
    null,
    `合并了重复的整改项：${ids.map((id) => `编号 ${id}`).join('、')}${reason}`,
    now,
  )
}
