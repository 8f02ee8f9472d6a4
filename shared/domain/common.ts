import { firstInvisible, invisibleCharacterMessage } from './text'
import { z } from './zod-setup'

export const idSchema = z.number({ error: '缺少编号' }).int('编号须为整数').positive('编号须为正整数')

/** Optional free text: trimmed; empty becomes null so "not given" has one representation. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字符`)
    .nullish()
    .transform((v) => (v ? v : null))
}

export function requiredText(max: number, emptyMessage = '不能为空') {
  return z.string({ error: emptyMessage }).trim().min(1, emptyMessage).max(max, `不能超过 ${max} 个字符`)
}

/**
 * Names that identify something (units, places, portals, facilities, inspectors, the issuer…) refuse invisible and
 * direction-control characters: a zero-width copy of a unit's name would be a second unit that looks the same,
 * and a right-to-left override would reorder the name in lists, notices and file names. (NFC and lone
 * surrogates are handled for every input at the contract boundary, shared/api/input-text.ts.)
 */
export function refuseInvisible(value: string, ctx: z.RefinementCtx): void {
  const found = firstInvisible(value)
  if (found) ctx.addIssue({ code: 'custom', message: invisibleCharacterMessage(found) })
}

export function nameText(max: number, emptyMessage = '不能为空') {
  return requiredText(max, emptyMessage).superRefine(refuseInvisible)
}

/** An optional name (a contact person): as `nameText`, empty becomes null. */
export function optionalNameText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字符`)
    .superRefine(refuseInvisible)
    .nullish()
    .transform((v) => (v ? v : null))
}

/** Mainland mobile, landline with area code and extension, or service numbers such as 12345. */
export const phoneSchema = z
  .string()
  .trim()
  .max(40, '不能超过 40 个字符')
  .refine(
    (v) =>
      v === '' ||
      /^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}([- ]?(转|ext\.?|-)\s?\d{1,6})?|\d{5,8})$/.test(v),
    {
      message: '格式不正确，请填写手机号（11 位）或带区号的固定电话，如 0473-1234567',
    },
  )
  .nullish()
  .transform((v) => (v ? v : null))

export const sortDirectionSchema = z.enum(['asc', 'desc'])

export interface Timestamps {
  createdAt: string
  updatedAt: string
}
