import { ApiError } from '../../../shared/api/errors'
import {
  itemStatusLabels,
  nextStatus,
  terminalStatuses,
  transitionRefusal,
  type ItemAction,
  type ItemEvent,
  type ItemStatus,
} from '../../../shared/domain/rectification'
import type { Db } from '../db/open-database'

/**
 * The only writers of an item's status. Every change is checked against the shared transition table, bumps the
 * item's version and writes one event; callers run it inside their transaction.
 */

export interface ItemState {
  id: number
  status: ItemStatus
  version: number
  unit_id: number | null
}

export function itemState(db: Db, id: number): ItemState {
  const row = db
    .prepare('SELECT id, status, version, unit_id FROM rectification_items WHERE id = ?')
    .get(id) as ItemState | undefined
  if (!row) throw new ApiError('NOT_FOUND', `整改项（编号 ${id}）不存在`)
  return row
}

/** Optimistic concurrency: the caller's copy must be the current one. */
export function claimItemVersion(db: Db, id: number, version: number): ItemState {
  const state = itemState(db, id)
  if (state.version !== version) {
    throw new ApiError('CONFLICT', `整改项（编号 ${id}）已被他人或复查更新，本次未保存。请刷新后再操作。`)
  }
  return state
}

export function isTerminal(status: ItemStatus): boolean {
  return terminalStatuses.includes(status)
}

export function refuseTerminal(state: ItemState, what: string): void {
  if (isTerminal(state.status)) {
    throw new ApiError('INVALID_STATE', `整改项当前状态为“${itemStatusLabels[state.status]}”，不能${what}`)
  }
}

export function recordEvent(
  db: Db,
  itemId: number,
  action: ItemEvent['action'],
  from: ItemStatus | null,
  to: ItemStatus | null,
  note: string | null,
  at: string,
  onDay: string | null = null,
): void {
  db.prepare(
    `INSERT INTO rectification_events (item_id, action, from_status, to_status, note, at, on_day)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(itemId, action, from, to, note, at, onDay)
}

/** Marks a change that is not a status change (edit, new evidence, proposal decided): version and time. */
export function touchItem(db: Db, id: number, now: string): void {
  db.prepare('UPDATE rectification_items SET version = version + 1, updated_at = ? WHERE id = ?').run(now, id)
}

/** Columns an action may set along with the status (whitelisted: never built from user input). */
export interface TransitionColumns {
  notice_id?: number
  notified_at?: string
  deadline?: string | null
  verified_at?: string
  drop_reason?: string
  merged_into_id?: number
  reply_json?: string
}

/**
 * Applies `action` to the item in `state`, or refuses it with INVALID_STATE naming the status and the action.
 * Returns the new status. `onDay`: the business day the event stands for when it is not the day of `now` (the
 * notice's date, the unit's reply date) — stored as the event's `on_day`, which the reports count by.
 */
export function transition(
  db: Db,
  state: ItemState,
  action: ItemAction,
  columns: TransitionColumns,
  note: string | null,
  now: string,
  onDay: string | null = null,
): ItemStatus {
  const to = nextStatus(state.status, action)
  if (to === null) throw new ApiError('INVALID_STATE', transitionRefusal(state.status, action))
  const entries = Object.entries(columns).filter(([, value]) => value !== undefined)
  const sets = ['status = ?', 'version = version + 1', 'updated_at = ?', ...entries.map(([k]) => `${k} = ?`)]
  db.prepare(`UPDATE rectification_items SET ${sets.join(', ')} WHERE id = ?`).run(
    to,
    now,
    ...entries.map(([, value]) => value),
    state.id,
  )
  recordEvent(db, state.id, action, state.status, to, note, now, onDay)
  return to
}

/** Closes the item's pending proposals (verified by hand, dropped, merged or reproduced). */
export function closePendingProposals(
  db: Db,
  itemId: number,
  state: 'accepted' | 'rejected',
  now: string,
): number {
  return db
    .prepare(
      `UPDATE verification_proposals SET state = ?, decided_at = ? WHERE item_id = ? AND state = 'pending'`,
    )
    .run(state, now, itemId).changes
}
