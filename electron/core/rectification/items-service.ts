import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import {
  nextStatus,
  priorityLabels,
  transitionRefusal,
  type Priority,
  type ItemEvent,
  type RectificationItem,
  type RectificationItemSummary,
} from '../../../shared/domain/rectification'
import { categoryLabel, rectificationCategoryIds } from '../../../shared/domain/rectification-categories'
import type { CoreContext } from '../context'
import { inTransaction, likePattern } from '../db/transaction'
import { itemEvents, itemSelect, loadItem, toSummaries, type ItemRow } from './item-rows'
import { mergeInto } from './item-merge'
import {
  claimItemVersion,
  closePendingProposals,
  itemState,
  recordEvent,
  refuseTerminal,
  touchItem,
  transition,
} from './item-transitions'
import { dayOf, localDay } from '../../../shared/domain/local-dates'

/** Tracking of items: list, edit, drop, merge, the unit's reply, verification, reopening, proposals. */

const today = (ctx: CoreContext) => localDay(ctx.now())

export function listItems(
  ctx: CoreContext,
  filter: ParsedInputOf<'rectification:list'>,
): RectificationItemSummary[] {
  const where: string[] = []
  const params: unknown[] = []
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql)
    params.push(...values)
  }
  if (filter.unitId) add('i.unit_id = ?', filter.unitId)
  if (filter.placeId) add('i.place_id = ?', filter.placeId)
  if (filter.portalId) add('i.portal_id = ?', filter.portalId)
  if (filter.source) add('i.source = ?', filter.source)
  if (filter.noticeId) {
    // The items a notice was issued with (its snapshot), whatever happened to them since.
    add(
      `i.id IN (SELECT json_extract(value, '$.itemId') FROM notices n, json_each(n.snapshot_json, '$.items')
               WHERE n.id = ?)`,
      filter.noticeId,
    )
  }
  if (filter.status === 'active') where.push(`i.status IN ('open', 'notified', 'claimed', 'reopened')`)
  else if (filter.status === 'overdue') {
    add(
      `i.status IN ('open', 'notified', 'reopened') AND i.deadline IS NOT NULL AND i.deadline < ?`,
      today(ctx),
    )
  } else if (filter.status === 'proposed') {
    where.push(
      `EXISTS (SELECT 1 FROM verification_proposals p WHERE p.item_id = i.id AND p.state = 'pending')`,
    )
  } else if (filter.status !== 'all') add('i.status = ?', filter.status)
  if (filter.search) {
    const pattern = likePattern(filter.search)
    // Categories are stored as ids: the search matches their zh-CN labels (and the id itself).
    const needle = filter.search.toLowerCase()
    const categoryIds = rectificationCategoryIds.filter(
      (id) => categoryLabel(id).toLowerCase().includes(needle) || id.includes(needle),
    )
    add(
      `(i.title LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\' OR pl.name LIKE ? ESCAPE '\\'
        OR po.name LIKE ? ESCAPE '\\' OR n.number LIKE ? ESCAPE '\\'
        OR i.category IN (SELECT value FROM json_each(?)))`,
      pattern,
      pattern,
      pattern,
      pattern,
      pattern,
      JSON.stringify(categoryIds),
    )
  }
  const rows = ctx.db
    .prepare(
      `${itemSelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY COALESCE(u.name, '') , COALESCE(pl.name, po.name, ''),
         CASE i.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 ELSE 2 END, i.id`,
    )
    .all(...params) as ItemRow[]
  return toSummaries(ctx.db, rows, today(ctx))
}

export function getItem(ctx: CoreContext, id: number): RectificationItem & { events: ItemEvent[] } {
  return { ...loadItem(ctx.db, id, today(ctx)), events: itemEvents(ctx.db, id) }
}

export function updateItem(
  ctx: CoreContext,
  input: ParsedInputOf<'rectification:update'>,
): RectificationItem {
  const now = ctx.now().toISOString()
  inTransaction(ctx.db, () => applyUpdate(ctx, input, now))
  return loadItem(ctx.db, input.id, today(ctx))
}

/** Sets the priority and/or deadline of one item (inside the caller's transaction); `noteSuffix` for bulk edits. */
export function applyUpdate(
  ctx: CoreContext,
  input: {
    id: number
    version: number
    priority?: Priority | undefined
    deadline?: string | null | undefined
  },
  now: string,
  notePrefix = '',
): void {
  const state = claimItemVersion(ctx.db, input.id, input.version)
  refuseTerminal(state, '修改优先级或整改期限')
  const current = ctx.db
    .prepare('SELECT priority, deadline FROM rectification_items WHERE id = ?')
    .get(input.id) as { priority: Priority; deadline: string | null }
  const changes: string[] = []
  if (input.priority !== undefined && input.priority !== current.priority) {
    ctx.db.prepare('UPDATE rectification_items SET priority = ? WHERE id = ?').run(input.priority, input.id)
    changes.push(`优先级：${priorityLabels[current.priority]}→${priorityLabels[input.priority]}`)
  }
  if (input.deadline !== undefined && input.deadline !== current.deadline) {
    ctx.db.prepare('UPDATE rectification_items SET deadline = ? WHERE id = ?').run(input.deadline, input.id)
    changes.push(`整改期限：${current.deadline ?? '未设'}→${input.deadline ?? '未设'}`)
  }
  if (changes.length === 0) return
  touchItem(ctx.db, input.id, now)
  recordEvent(ctx.db, input.id, 'edit', null, null, `${notePrefix}${changes.join('；')}`, now)
}

export function dropItem(ctx: CoreContext, input: ParsedInputOf<'rectification:drop'>): RectificationItem {
  const now = ctx.now().toISOString()
  inTransaction(ctx.db, () => {
    const state = claimItemVersion(ctx.db, input.id, input.version)
    transition(ctx.db, state, 'drop', { drop_reason: input.reason }, input.reason, now)
    closePendingProposals(ctx.db, input.id, 'rejected', now)
  })
  return loadItem(ctx.db, input.id, today(ctx))
}

/**
 * Merges duplicates into `targetId`: same unit and source, none finished; the duplicates become "merged" and
 * their findings (and so their evidence and clauses) move to the target. All or nothing.
 */
export function mergeItems(ctx: CoreContext, input: ParsedInputOf<'rectification:merge'>): RectificationItem {
  const now = ctx.now().toISOString()
  const ids = [...new Set(input.ids)].filter((id) => id !== input.targetId)
  if (ids.length === 0) {
    throw new ApiError('VALIDATION', '请选择要合并到该项的其他整改项（不能只合并到自身）', [
      { path: 'ids', message: '整改项：请选择要合并到该项的其他整改项' },
    ])
  }
  inTransaction(ctx.db, () => mergeInto(ctx.db, input.targetId, ids, now))
  return loadItem(ctx.db, input.targetId, today(ctx))
}

/**
 * The unit cannot reply before it was told, nor after today (local day); a reply after a reopening answers that
 * reopening, so it cannot be dated before it either.
 */
function refuseImpossibleReplyDate(ctx: CoreContext, itemId: number, repliedOn: string): void {
  const refuse = (message: string) => {
    throw new ApiError('VALIDATION', message, [{ path: 'repliedOn', message: `回复日期：${message}` }])
  }
  const day = today(ctx)
  if (repliedOn > day) refuse(`回复日期 ${repliedOn} 晚于今天（${day}）`)
  const notifiedOn = ctx.db
    .prepare('SELECT notified_at FROM rectification_items WHERE id = ?')
    .pluck()
    .get(itemId) as string | null | undefined
  if (notifiedOn && repliedOn < dayOf(notifiedOn)) {
    refuse(`回复日期 ${repliedOn} 早于通知日期（${dayOf(notifiedOn)}）`)
  }
  const reopenedAt = ctx.db
    .prepare(
      `SELECT at FROM rectification_events WHERE item_id = ? AND action = 'reopen' ORDER BY id DESC LIMIT 1`,
    )
    .pluck()
    .get(itemId) as string | undefined
  if (reopenedAt && repliedOn < dayOf(reopenedAt)) {
    refuse(`回复日期 ${repliedOn} 早于退回重新整改的日期（${dayOf(reopenedAt)}）`)
  }
}

export function claimItem(ctx: CoreContext, input: ParsedInputOf<'rectification:claim'>): RectificationItem {
  const now = ctx.now().toISOString()
  inTransaction(ctx.db, () => {
    refuseUnknownPhotos(ctx, input.photos)
    applyClaim(ctx, input, now)
  })
  return loadItem(ctx.db, input.id, today(ctx))
}

/** Reply photos must have been uploaded first (the claim cites them by hash). */
export function refuseUnknownPhotos(ctx: CoreContext, photos: readonly string[]): void {
  const missing = photos
    .map((sha, index) => ({ sha, index }))
    .filter(({ sha }) => !ctx.db.prepare('SELECT 1 FROM photos WHERE sha256 = ?').get(sha))
  if (missing.length > 0) {
    throw new ApiError(
      'VALIDATION',
      '整改照片：有照片未在本软件中登记，请先上传照片',
      missing.map(({ index }) => ({ path: `photos.${index}`, message: '整改照片：该照片不存在' })),
    )
  }
}

/** Registers the unit's reply on one item (inside the caller's transaction); `noteSuffix` for a shared reply. */
export function applyClaim(
  ctx: CoreContext,
  input: { id: number; version: number; text: string; repliedOn: string; photos: readonly string[] },
  now: string,
  noteSuffix = '',
): void {
  const db = ctx.db
  const state = claimItemVersion(db, input.id, input.version)
  const photos = [...new Set(input.photos)]
  // The status decides first: a claim on an item that cannot take one is refused as such, whatever its date.
  if (nextStatus(state.status, 'claim') === null) {
    throw new ApiError('INVALID_STATE', transitionRefusal(state.status, 'claim'))
  }
  refuseImpossibleReplyDate(ctx, input.id, input.repliedOn)
  const reply = JSON.stringify({ text: input.text, repliedOn: input.repliedOn, photos })
  // The reply date is the claim's business date (the event's on_day, which the reports count claims by).
  transition(
    db,
    state,
    'claim',
    { reply_json: reply },
    `${input.repliedOn} 回复：${input.text}${noteSuffix}`,
    now,
    input.repliedOn,
  )
}

export function verifyItem(
  ctx: CoreContext,
  input: ParsedInputOf<'rectification:verify'>,
): RectificationItem {
  const now = ctx.now().toISOString()
  inTransaction(ctx.db, () => {
    const state = claimItemVersion(ctx.db, input.id, input.version)
    transition(ctx.db, state, 'verify', { verified_at: now }, input.note ?? null, now)
    // Verified by hand: a pending proposal said the same thing.
    closePendingProposals(ctx.db, input.id, 'accepted', now)
  })
  return loadItem(ctx.db, input.id, today(ctx))
}

/**
 * Undoes a verification made by mistake: 已核验 → 已报整改 with the reason, kept in the history. What the
 * verification did is undone with it: verified_at is cleared (the reports no longer count it as verified), and
 * a proposal it confirmed is marked rejected, so the same re-inspection or re-audit is not proposed again — a
 * later one that shows the fix proposes anew. Refused when the problem was found again after the verification:
 * a new item already tracks it, and reviving this one would track one problem twice.
 */
export function unverifyItem(
  ctx: CoreContext,
  input: ParsedInputOf<'rectification:unverify'>,
): RectificationItem {
  const now = ctx.now().toISOString()
  inTransaction(ctx.db, () => {
    const db = ctx.db
    const state = claimItemVersion(db, input.id, input.version)
    if (nextStatus(state.status, 'unverify') === null) {
      throw new ApiError('INVALID_STATE', transitionRefusal(state.status, 'unverify'))
    }
    const later = db
      .prepare(
        `SELECT n.id FROM rectification_items n JOIN rectification_items i ON i.group_key = n.group_key
          WHERE i.id = ? AND n.id > i.id AND n.status IN ('open', 'notified', 'claimed', 'reopened')
          ORDER BY n.id LIMIT 1`,
      )
      .pluck()
      .get(input.id) as number | undefined
    if (later !== undefined) {
      throw new ApiError(
        'INVALID_STATE',
        `该问题在核验后已再次发现，正由整改项（编号 ${later}）跟踪；请在该项中处理，本项的核验不能撤销`,
      )
    }
    db.prepare('UPDATE rectification_items SET verified_at = NULL WHERE id = ?').run(input.id)
    const confirmed = db
      .prepare(
        `UPDATE verification_proposals SET state = 'rejected', decided_at = ? WHERE item_id = ? AND state = 'accepted'`,
      )
      .run(now, input.id).changes
    const note = confirmed > 0 ? `${input.reason}（所确认的核验建议一并作废）` : input.reason
    transition(db, state, 'unverify', {}, note, now)
  })
  return loadItem(ctx.db, input.id, today(ctx))
}

export function reopenItem(
  ctx: CoreContext,
  input: ParsedInputOf<'rectification:reopen'>,
): RectificationItem {
  const now = ctx.now().toISOString()
  if (input.deadline !== undefined && input.deadline < today(ctx)) {
    throw new ApiError('VALIDATION', `新的整改期限 ${input.deadline} 早于今天（${today(ctx)}）`, [
      { path: 'deadline', message: `整改期限：不能早于今天（${today(ctx)}）` },
    ])
  }
  inTransaction(ctx.db, () => {
    const state = claimItemVersion(ctx.db, input.id, input.version)
    // Without a new deadline the old one stays, and the item may be overdue at once.
    const note =
      input.deadline === undefined ? input.reason : `${input.reason}（新的整改期限 ${input.deadline}）`
    transition(ctx.db, state, 'reopen', { deadline: input.deadline }, note, now)
  })
  return loadItem(ctx.db, input.id, today(ctx))
}

/** Accept = verify with the proposal's explanation; reject = the proposal is closed, the item unchanged. */
export function decideProposal(
  ctx: CoreContext,
  input: ParsedInputOf<'rectification:decideProposal'>,
): RectificationItem {
  const now = ctx.now().toISOString()
  const itemId = inTransaction(ctx.db, () => applyDecision(ctx, input, now))
  return loadItem(ctx.db, itemId, today(ctx))
}

/** Decides one pending proposal (inside the caller's transaction); returns the item's id. */
export function applyDecision(
  ctx: CoreContext,
  input: { proposalId: number; accept: boolean; note?: string | null | undefined },
  now: string,
  noteSuffix = '',
): number {
  const db = ctx.db
  const proposal = db
    .prepare('SELECT id, item_id, state, explanation FROM verification_proposals WHERE id = ?')
    .get(input.proposalId) as { id: number; item_id: number; state: string; explanation: string } | undefined
  if (!proposal) throw new ApiError('NOT_FOUND', `核验建议（编号 ${input.proposalId}）不存在`)
  if (proposal.state !== 'pending') {
    throw new ApiError(
      'INVALID_STATE',
      `该核验建议已${proposal.state === 'accepted' ? '确认' : '驳回'}，不能再处理`,
    )
  }
  const state = itemState(db, proposal.item_id)
  const note = [proposal.explanation, input.note].filter(Boolean).join('；')
  if (input.accept) {
    transition(db, state, 'verify', { verified_at: now }, `确认核验建议：${note}${noteSuffix}`, now)
    db.prepare(`UPDATE verification_proposals SET state = 'accepted', decided_at = ? WHERE id = ?`).run(
      now,
      proposal.id,
    )
  } else {
    db.prepare(`UPDATE verification_proposals SET state = 'rejected', decided_at = ? WHERE id = ?`).run(
      now,
      proposal.id,
    )
    touchItem(db, state.id, now)
    recordEvent(db, state.id, 'propose', null, null, `驳回核验建议：${note}${noteSuffix}`, now)
  }
  return state.id
}
