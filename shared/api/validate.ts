import type { z } from 'zod'
import { ApiError, type FieldError } from './errors'

/**
 * Turns zod issues into field errors whose message names the field in zh-CN ("单位名称：不能为空").
 * Labels come from the schema's `.meta({ title })`, else the caller's label map, else the key itself.
 */
export function toFieldErrors(error: z.ZodError, labels: Record<string, string> = {}): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    const key = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : ''
    const label = labels[path] ?? labels[key] ?? key
    const message = label ? `${label}：${issue.message}` : issue.message
    return { path, message }
  })
}

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  labels?: Record<string, string>,
): z.output<S> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const fields = toFieldErrors(parsed.error, labels)
  throw new ApiError('VALIDATION', fields.map((f) => f.message).join('；'), fields)
}
