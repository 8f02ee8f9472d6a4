import { z } from './zod-setup'

/**
 * The one date schema of the contract: a calendar day as YYYY-MM-DD that exists (2026-02-30 is refused, not
 * rolled over to March). Every operation that takes a day — inspection dates, deadlines, notice dates, reply
 * dates, report periods — uses it, so the app, the browser door and the CLI accept and refuse the same days.
 */
export const isoDay = z
  .string({ error: '请填写日期' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    '不是有效日期',
  )
