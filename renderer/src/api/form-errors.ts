import type { FormInstance } from 'antd'
import { ApiCallError } from './client'

/**
 * Puts the API's field errors on the form fields (message already names the field) and returns what is left
 * for a general alert. Validation lives once, in the shared contract; the form does not repeat it.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): unknown {
  if (!(error instanceof ApiCallError) || error.fields.length === 0) return error
  const known = new Set(Object.keys(form.getFieldsValue(true) as object))
  const onFields = error.fields.filter((f) => known.has(f.path.split('.')[0] ?? ''))
  form.setFields(onFields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })))
  const first = onFields[0]
  if (first) form.scrollToField(first.path.split('.'), { focus: true })
  const rest = error.fields.filter((f) => !onFields.includes(f))
  if (rest.length === 0) return null
  if (error.code === 'VALIDATION') return new Error(rest.map((f) => f.message).join('；'))
  // A refusal that names several records (a bulk action's items): the summary, then one line per record.
  return Object.assign(new Error(error.message), { details: rest.map((f) => f.message) })
}
