import { z } from 'zod'

/**
 * Boundary schemas for stored inputs. They check the *shape* only (a number with a unit string, a boolean,
 * a choice id or null); units, ranges and choice ids are checked per input by `evaluateCheck`, which answers
 * with zh-CN messages naming the field.
 */
export const numericInputValueSchema = z.strictObject({
  value: z.number({ error: '数值须为有限的数字' }),
  unit: z.string({ error: '须注明单位' }).min(1, { error: '须注明单位' }).max(16),
})

export const inputValueSchema = z.union([
  numericInputValueSchema,
  z.boolean(),
  z.string().max(100, { error: '选项编号过长' }),
  z.null(),
])

export const inputRecordSchema = z.record(z.string().min(1).max(100), inputValueSchema)

export const evaluateRequestSchema = z.object({
  checkId: z.string().min(1).max(100),
  catalogId: z.string().min(1).max(100).optional(),
  inputs: inputRecordSchema,
})

export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>
