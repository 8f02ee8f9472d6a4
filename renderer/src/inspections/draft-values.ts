import { evaluateCheck } from '../../../shared/catalog/index'
import type {
  CheckDefinition,
  EvaluateResponse,
  InputDefinition,
  InputRecord,
  InputValue,
  NumericInputDefinition,
} from '../../../shared/catalog/types'
import type { CheckEntry } from '../../../shared/domain/inspections'

/** What the inspector has typed into one field: numbers keep their text (so "1." survives) and their unit. */
export type FieldDraft = { text: string; unit: string } | boolean | string | null

export interface CheckDraft {
  fields: Record<string, FieldDraft>
  note: string
  confirmedFinding: boolean
}

/** Long lengths (a ramp's run, a drop-off zone) are read in metres on site; the rest in the canonical unit. */
export function defaultUnit(def: NumericInputDefinition): string {
  if (def.kind === 'length' && def.max >= 50_000 && def.allowedUnits.includes('m')) return 'm'
  return def.unit
}

const suffixUnits: Array<[RegExp, string]> = [
  [/(mm|毫米)$/i, 'mm'],
  [/(cm|厘米)$/i, 'cm'],
  [/(m|米)$/i, 'm'],
  [/%$/, '%'],
  [/(°|度|deg)$/i, 'deg'],
]

/** Full-width digits and punctuation (Chinese input methods) to ASCII. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/g, '.')
    .replace(/[：]/g, ':')
    .replace(/[％]/g, '%')
    .replace(/\s+/g, '')
}

/**
 * Reads a typed number. A unit may be typed after it ("1.2m", "5%", "3°") and "1:12" means the slope ratio.
 * Returns the unit only when the text names one the input accepts.
 */
export function parseNumber(
  text: string,
  def: NumericInputDefinition,
): { value: number; unit?: string } | null {
  let s = normalise(text)
  if (s === '') return null
  let unit: string | undefined
  const ratio = /^1:(.+)$/.exec(s)
  if (ratio?.[1] && def.allowedUnits.includes('ratio')) {
    s = ratio[1]
    unit = 'ratio'
  } else {
    for (const [pattern, id] of suffixUnits) {
      if (pattern.test(s) && (def.allowedUnits as readonly string[]).includes(id)) {
        s = s.replace(pattern, '')
        unit = id
        break
      }
    }
  }
  const value = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN
  return unit ? { value, unit } : { value }
}

/** The unit a numeric text names ("1:12" → ratio), if any. */
export function unitFromText(text: string, def: NumericInputDefinition): string | undefined {
  return parseNumber(text, def)?.unit
}

function formatStored(value: number, unit: string): string {
  return unit === 'ratio' ? `1:${value}` : String(value)
}

function fieldFromValue(def: InputDefinition, value: InputValue | undefined): FieldDraft {
  if (def.kind === 'boolean') return typeof value === 'boolean' ? value : null
  if (def.kind === 'choice') return typeof value === 'string' && value !== '' ? value : null
  if (value && typeof value === 'object')
    return { text: formatStored(value.value, value.unit), unit: value.unit }
  return { text: '', unit: defaultUnit(def) }
}

export function draftFromEntry(check: CheckDefinition, entry: CheckEntry | undefined): CheckDraft {
  const fields: Record<string, FieldDraft> = {}
  for (const def of check.inputs) fields[def.id] = fieldFromValue(def, entry?.inputs[def.id])
  return { fields, note: entry?.note ?? '', confirmedFinding: entry?.confirmedFinding ?? false }
}

/** The draft as evaluateCheck and the API take it; blanks are left out, unreadable numbers become NaN. */
export function inputsFromDraft(check: CheckDefinition, draft: CheckDraft): InputRecord {
  const out: InputRecord = {}
  for (const def of check.inputs) {
    const field = draft.fields[def.id]
    if (field === null || field === undefined || field === '') continue
    if (typeof field === 'object') {
      if (def.kind === 'boolean' || def.kind === 'choice') continue
      const parsed = parseNumber(field.text, def)
      if (parsed) out[def.id] = { value: parsed.value, unit: parsed.unit ?? field.unit }
    } else out[def.id] = field
  }
  return out
}

export function evaluateDraft(
  catalogId: string,
  check: CheckDefinition,
  draft: CheckDraft,
): EvaluateResponse {
  return evaluateCheck(check.id, inputsFromDraft(check, draft), { catalogId })
}

export interface SavePayload {
  inputs: InputRecord
  note: string | null
  confirmedFinding: boolean
  /** False when some typed values were invalid and the saved ones were kept in their place. */
  complete: boolean
}

/**
 * What autosave sends for a check: the typed values, except that a value evaluateCheck refuses is replaced by the
 * last saved one (invalid input never reaches the server). Null when nothing valid can be sent.
 */
export function savePayload(
  catalogId: string,
  check: CheckDefinition,
  draft: CheckDraft,
  saved: CheckEntry | undefined,
): SavePayload | null {
  const inputs = inputsFromDraft(check, draft)
  const note = draft.note.trim() === '' ? null : draft.note.trim()
  const first = evaluateCheck(check.id, inputs, { catalogId })
  if (first.ok) return { inputs, note, confirmedFinding: draft.confirmedFinding, complete: true }
  if (first.errors.some((e) => e.inputId === null)) return null
  const merged: InputRecord = { ...inputs }
  for (const error of first.errors) {
    const id = error.inputId as string
    const previous = saved?.inputs[id]
    if (previous === undefined || previous === null) delete merged[id]
    else merged[id] = previous
  }
  if (!evaluateCheck(check.id, merged, { catalogId }).ok) return null
  return { inputs: merged, note, confirmedFinding: draft.confirmedFinding, complete: false }
}

function stableInputs(inputs: InputRecord): string {
  return JSON.stringify(
    Object.keys(inputs)
      .filter((k) => inputs[k] !== null && inputs[k] !== undefined)
      .sort()
      .map((k) => [k, inputs[k]]),
  )
}

/** True when the payload would not change what the server holds. */
export function sameAsSaved(payload: SavePayload, saved: CheckEntry | undefined): boolean {
  return (
    stableInputs(payload.inputs) === stableInputs(saved?.inputs ?? {}) &&
    payload.note === (saved?.note ?? null) &&
    payload.confirmedFinding === (saved?.confirmedFinding ?? false)
  )
}

export function checkKey(elementId: number, checkId: string): string {
  return `${elementId}/${checkId}`
}

export function parseCheckKey(key: string): { elementId: number; checkId: string } {
  const slash = key.indexOf('/')
  return { elementId: Number(key.slice(0, slash)), checkId: key.slice(slash + 1) }
}
