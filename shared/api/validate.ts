import type { z } from 'zod'
import { ApiError, type FieldError } from './errors'
import { normaliseInputText } from './input-text'

/**
 * Turns zod issues into field errors whose message names the field in zh-CN ("单位名称：不能为空").
 * Labels come from the schema's `.meta({ title })`, else the caller's label map, else the key itself.
 */
export function toFieldErrors(error: z.ZodError, labels: Record<string, string> = {}): FieldError[] {
  return error.issues.map((issue) => fieldError(issue.path, issue.message, labels))
}

function fieldError(
  issuePath: ReadonlyArray<PropertyKey>,
  issueMessage: string,
  labels: Record<string, string>,
): FieldError {
  const path = issuePath.map(String).join('.')
  const key = issuePath.length > 0 ? String(issuePath[issuePath.length - 1]) : ''
  const label = labels[path] ?? labels[key] ?? key
  const message = label ? `${label}：${issueMessage}` : issueMessage
  return { path, message }
}

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  labels?: Record<string, string>,
): z.output<S> {
  // The one text normaliser of the contract (input-text.ts), before the schema.
  const text = normaliseInputText(raw)
  if (text.problems.length > 0) {
    const fields = text.problems.map((p) => fieldError(p.path, p.message, labels ?? {}))
    throw new ApiError('VALIDATION', fields.map((f) => f.message).join('；'), fields)
  }
  const parsed = schema.safeParse(text.value)
  if (parsed.success) return parsed.data
  const fields = toFieldErrors(parsed.error, labels)
  throw new ApiError('VALIDATION', fields.map((f) => f.message).join('；'), fields)
}
