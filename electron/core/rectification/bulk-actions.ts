import type { ParsedInputOf } from '../../../shared/api/contract'
import { ApiError, type ErrorCode, type FieldError } from '../../../shared/api/errors'
import type { BulkResult } from '../../../shared/domain/rectification-bulk'
import { localDay } from '../../../shared/domain/local-dates'
import type { CoreContext } from '../context'
import { inTransaction } from '../db/transaction'
import { applyClaim, applyDecision, applyUpdate, refuseUnknownPhotos } from './items-service'

/**
 * Bulk follow-up (整改回复、核验建议、整改期限 for several items at once). All or nothing per action: every item
 * is tried in one transaction, each in its own savepoint; if any item refuses, the whole action is rolled back
 * and the answer names every refusal by item — so an inspector never has to work out which half of a reply was
 * saved. Each item that changes gets its own history entry, noting that it was part of a bulk action.
 */

interface Step {
  /** The index in the input array, for the field error's path. */
  index: number
  /** How the refusal names the item (its title). */
  label: string
  run: () => void
}

function titleOf(ctx: CoreContext, id: number): string {
  const title = ctx.db.prepare('SELECT title FROM rectification_items WHERE id = ?').pluck().get(id) as
    string | undefined
  return title === undefined ? `整改项（编号 ${id}）` : `“${title}”`
}

/** Runs every step; when any refuses (ApiError), nothing is kept and the refusals come back together. */
function allOrNothing(ctx: CoreContext, path: string, what: string, steps: readonly Step[]): void {
  inTransaction(ctx.db, () => {
    const refusals: Array<FieldError & { code: ErrorCode }> = []
    for (const step of steps) {
      try {
        // A savepoint: a refused item leaves nothing behind while the others are still tried.
        ctx.db.transaction(step.run)()
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        refusals.push({
          path: `${path}.${step.index}`,
          message: `${step.label}：${error.message}`,
          code: error.code,
        })
      }
    }
    if (refusals.length === 0) return
    const codes = new Set(refusals.map((r) => r.code))
    const code: ErrorCode = codes.size === 1 ? [...codes][0]! : 'INVALID_STATE'
    throw new ApiError(
      code,
      `${refusals.length} 项不能${what}，本次全部未保存（共选 ${steps.length} 项）`,
      refusals.map(({ path: p, message }) => ({ path: p, message })),
    )
  })
}

const bulkNote = (count: number) => (count > 1 ? `（批量处理，共 ${count} 项）` : '')

/**
 * One reply of a unit registered on several of its items. The items must belong to one unit (the first item's);
 * the reply date is checked against each item's notice (and reopening) date.
 */
export function bulkClaim(ctx: CoreContext, input: ParsedInputOf<'rectification:bulkClaim'>): BulkResult {
  const now = ctx.now().toISOString()
  const today = localDay(ctx.now())
  if (input.repliedOn > today) {
    const message = `回复日期 ${input.repliedOn} 晚于今天（${today}）`
    throw new ApiError('VALIDATION', message, [{ path: 'repliedOn', message: `回复日期：${message}` }])
  }
  refuseUnknownPhotos(ctx, input.photos)
  const unitOf = ctx.db.prepare(
    `SELECT i.unit_id, u.name FROM rectification_items i LEFT JOIN units u ON u.id = i.unit_id WHERE i.id = ?`,
  )
  const first = unitOf.get(input.items[0]!.id) as { unit_id: number | null; name: string | null } | undefined
  const note = input.items.length > 1 ? `（同一回复登记到 ${input.items.length} 项）` : ''
  allOrNothing(
    ctx,
    'items',
    '登记整改回复',
    input.items.map((item, index) => ({
      index,
      label: titleOf(ctx, item.id),
      run: () => {
        const unit = unitOf.get(item.id) as { unit_id: number | null } | undefined
        if (unit && first && unit.unit_id !== first.unit_id) {
          throw new ApiError(
            'INVALID_STATE',
            `不属于“${first.name ?? '未指定责任单位'}”；一份回复只能登记到同一责任单位的整改项`,
          )
        }
        applyClaim(
          ctx,
          { ...item, text: input.text, repliedOn: input.repliedOn, photos: input.photos },
          now,
          note,
        )
      },
    })),
  )
  return { count: input.items.length, itemIds: input.items.map((i) => i.id) }
}

/** Confirms or rejects several pending verification proposals. */
export function bulkDecide(ctx: CoreContext, input: ParsedInputOf<'rectification:bulkDecide'>): BulkResult {
  const now = ctx.now().toISOString()
  const itemOf = ctx.db.prepare('SELECT item_id FROM verification_proposals WHERE id = ?').pluck()
  const itemIds: number[] = []
  allOrNothing(
    ctx,
    'proposalIds',
    input.accept ? '确认核验' : '驳回核验建议',
    input.proposalIds.map((proposalId, index) => {
      const itemId = itemOf.get(proposalId) as number | undefined
      return {
        index,
        label: itemId === undefined ? `核验建议（编号 ${proposalId}）` : titleOf(ctx, itemId),
        run: () => {
          itemIds.push(
            applyDecision(
              ctx,
              { proposalId, accept: input.accept, note: input.note },
              now,
              bulkNote(input.proposalIds.length),
            ),
          )
        },
      }
    }),
  )
  return { count: itemIds.length, itemIds }
}

/** One deadline and/or priority for several items. */
export function bulkUpdate(ctx: CoreContext, input: ParsedInputOf<'rectification:bulkUpdate'>): BulkResult {
  const now = ctx.now().toISOString()
  const prefix = input.items.length > 1 ? `批量修改（共 ${input.items.length} 项）：` : ''
  allOrNothing(
    ctx,
    'items',
    '修改整改期限或优先级',
    input.items.map((item, index) => ({
      index,
      label: titleOf(ctx, item.id),
      run: () =>
        applyUpdate(ctx, { ...item, deadline: input.deadline, priority: input.priority }, now, prefix),
    })),
  )
  return { count: input.items.length, itemIds: input.items.map((i) => i.id) }
}
