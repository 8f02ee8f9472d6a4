import { z } from './zod-setup'
import { idSchema, optionalText } from './common'
import { isoDay, itemClaimSchema, priorities } from './rectification'

/**
 * Bulk follow-up: one action applied to several items. Each is all or nothing — the service checks every item
 * first; when any item refuses, nothing is written and the answer lists each refusal by item (field errors with
 * the path `items.<index>` or `proposalIds.<index>`, each message starting with the item's title). Every item that
 * changes gets its own history entry, as if it had been changed alone.
 */

/** At most this many items in one bulk action (a unit's reply rarely covers more than a notice's items). */
export const maxBulkItems = 200

/** The items as the caller saw them: a version changed meanwhile (a re-inspection, another window) refuses that item. */
const itemRefs = z
  .array(z.object({ id: idSchema, version: z.number().int().positive() }), { error: '请选择整改项' })
  .min(1, '请至少选择一个整改项')
  .max(maxBulkItems, `一次最多处理 ${maxBulkItems} 项`)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, '整改项有重复')

/** One reply of a unit (text, date, photos: the single reply's fields) registered on several of its items. */
export const bulkClaimSchema = itemClaimSchema.pick({ text: true, repliedOn: true, photos: true }).extend({
  items: itemRefs,
})

/** Confirms (accept) or rejects several pending verification proposals. */
export const bulkDecideSchema = z.object({
  proposalIds: z
    .array(idSchema, { error: '请选择核验建议' })
    .min(1, '请至少选择一条核验建议')
    .max(maxBulkItems, `一次最多处理 ${maxBulkItems} 条`)
    .refine((ids) => new Set(ids).size === ids.length, '核验建议有重复'),
  accept: z.boolean({ error: '请选择确认或驳回' }),
  note: optionalText(500),
})

/** One deadline and/or priority for several items. */
export const bulkUpdateSchema = z
  .object({
    items: itemRefs,
    deadline: isoDay.optional(),
    priority: z.enum(priorities).optional(),
  })
  .refine((v) => v.deadline !== undefined || v.priority !== undefined, {
    path: ['deadline'],
    message: '请填写新的整改期限或选择优先级',
  })

/** What a bulk action changed: the items, in the order given. */
export interface BulkResult {
  count: number
  itemIds: number[]
}

export const bulkFieldLabels: Record<string, string> = {
  items: '整改项',
  proposalIds: '核验建议',
  text: '整改回复',
  repliedOn: '回复日期',
  photos: '整改照片',
  deadline: '整改期限',
  priority: '优先级',
  accept: '是否确认',
  note: '说明',
  reason: '原因',
}
