import { evaluateCheck, runCheck } from '../../../shared/catalog/index'
import type {
  CheckDefinition,
  EvaluateResponse,
  InputDefinition,
  InputRecord,
  InputValue,
  NumericInputDefinition,
} from '../../../shared/catalog/types'
import type { CheckEntry } from '../../../shared/domain/inspections'
import { sameValue } from '../../../shared/domain/inspection-measurements'

/** What the inspector has typed into one field: numbers keep their text (so "1." survives) and their unit. */
export type FieldDraft = { text: string; unit: string } | boolean | string | null

export interface CheckDraft {
  fields: Record<string, FieldDraft>
  note: string
  confirmedFinding: boolean
  /** Input ids whose values were copied from the last inspection (沿用上次) and not typed since. */
  carried?: string[]
}

/** No ids are skipped: every input of the check is its own. */
const none: ReadonlySet<string> = new Set()

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

/** `shared`: ids typed once for the facility (they live in its shared draft, not in the check's). */
export function draftFromEntry(
  check: CheckDefinition,
  entry: CheckEntry | undefined,
  shared: ReadonlySet<string> = none,
): CheckDraft {
  const fields: Record<string, FieldDraft> = {}
  for (const def of check.inputs)
    if (!shared.has(def.id)) fields[def.id] = fieldFromValue(def, entry?.inputs[def.id])
  const carried = (entry?.carried ?? []).filter((id) => !shared.has(id))
  return { fields, note: entry?.note ?? '', confirmedFinding: entry?.confirmedFinding ?? false, carried }
}

/** The draft of a facility's shared values (the synthetic check of sharedCheck). */
export function draftFromValues(check: CheckDefinition, values: InputRecord, carried: string[]): CheckDraft {
  const fields: Record<string, FieldDraft> = {}
  for (const def of check.inputs) fields[def.id] = fieldFromValue(def, values[def.id])
  return { fields, note: '', confirmedFinding: false, carried }
}

/** A field typed by the inspector is measured today: it is no longer a copy of the last value. */
export function withField(draft: CheckDraft, id: string, value: FieldDraft): CheckDraft {
  return {
    ...draft,
    fields: { ...draft.fields, [id]: value },
    carried: (draft.carried ?? []).filter((c) => c !== id),
  }
}

/**
 * The draft as evaluateCheck and the API take it; blanks are left out, unreadable numbers become NaN. Shared ids
 * are skipped (a draft kept from before measure once may still hold them).
 */
export function inputsFromDraft(
  check: CheckDefinition,
  draft: CheckDraft,
  shared: ReadonlySet<string> = none,
): InputRecord {
  const out: InputRecord = {}
  for (const def of check.inputs) {
    if (shared.has(def.id)) continue
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

/** The check judged with what is on screen: its own fields and the facility's shared values. */
export function evaluateDraft(
  catalogId: string,
  check: CheckDefinition,
  draft: CheckDraft,
  shared: InputRecord = {},
): EvaluateResponse {
  const own = inputsFromDraft(check, draft, new Set(Object.keys(shared)))
  return evaluateCheck(check.id, { ...own, ...pick(check, shared) }, { catalogId })
}

function pick(check: CheckDefinition, values: InputRecord): InputRecord {
  const out: InputRecord = {}
  for (const def of check.inputs) if (def.id in values) out[def.id] = values[def.id]!
  return out
}

export interface SavePayload {
  inputs: InputRecord
  note: string | null
  confirmedFinding: boolean
  carried: string[]
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
  shared: ReadonlySet<string> = none,
): SavePayload | null {
  const inputs = inputsFromDraft(check, draft, shared)
  const note = draft.note.trim() === '' ? null : draft.note.trim()
  const carried = (draft.carried ?? []).filter((id) => id in inputs)
  // Judged with the shared values as saved: the check's own values are what this save sends.
  const withShared = (own: InputRecord) => ({ ...pick(check, savedShared(saved, shared)), ...own })
  const first = evaluateCheck(check.id, withShared(inputs), { catalogId })
  const ownErrors = first.ok ? [] : first.errors.filter((e) => e.inputId === null || !shared.has(e.inputId))
  if (ownErrors.length === 0)
    return { inputs, note, confirmedFinding: draft.confirmedFinding, carried, complete: first.ok }
  if (ownErrors.some((e) => e.inputId === null)) return null
  const merged: InputRecord = { ...inputs }
  for (const error of ownErrors) {
    const id = error.inputId as string
    const previous = saved?.inputs[id]
    if (previous === undefined || previous === null) delete merged[id]
    else merged[id] = previous
  }
  const second = evaluateCheck(check.id, withShared(merged), { catalogId })
  if (!second.ok && second.errors.some((e) => e.inputId === null || !shared.has(e.inputId))) return null
  return {
    inputs: merged,
    note,
    confirmedFinding: draft.confirmedFinding,
    carried: carried.filter((id) => id in merged),
    complete: false,
  }
}

function savedShared(saved: CheckEntry | undefined, shared: ReadonlySet<string>): InputRecord {
  const out: InputRecord = {}
  for (const [id, value] of Object.entries(saved?.inputs ?? {})) if (shared.has(id)) out[id] = value
  return out
}

function stableInputs(inputs: InputRecord): string {
  return JSON.stringify(
    Object.keys(inputs)
      .filter((k) => inputs[k] !== null && inputs[k] !== undefined)
      .sort()
      .map((k) => [k, inputs[k]]),
  )
}

/** True when the payload would not change what the server holds (shared ids are the facility's, not compared). */
export function sameAsSaved(
  payload: SavePayload,
  saved: CheckEntry | undefined,
  shared: ReadonlySet<string> = none,
): boolean {
  const own = (inputs: InputRecord) =>
    Object.fromEntries(Object.entries(inputs).filter(([id]) => !shared.has(id)))
  const savedCarried = (saved?.carried ?? []).filter((id) => !shared.has(id))
  return (
    stableInputs(payload.inputs) === stableInputs(own(saved?.inputs ?? {})) &&
    payload.note === (saved?.note ?? null) &&
    payload.confirmedFinding === (saved?.confirmedFinding ?? false) &&
    [...payload.carried].sort().join() === [...savedCarried].sort().join()
  )
}

/** The facility's shared values as autosave sends them: every shared id, blank ones as null (cleared). */
export interface SharedPayload {
  values: InputRecord
  carried: string[]
  complete: boolean
}

/**
 * What autosave sends for a facility's shared values: a value the shared fields refuse (its range) is replaced by
 * the saved one. Values some check refuses together with its own values are refused by the server, which names the
 * check. Null when nothing valid can be sent.
 */
export function sharedPayload(
  catalogId: string,
  check: CheckDefinition,
  draft: CheckDraft,
  saved: InputRecord,
): SharedPayload | null {
  const typed = inputsFromDraft(check, draft)
  const values: InputRecord = {}
  for (const def of check.inputs) values[def.id] = typed[def.id] ?? null
  const first = evaluateSharedFields(catalogId, check, typed)
  if (!first.ok && first.errors.some((e) => e.inputId === null)) return null
  const refused = first.ok ? [] : first.errors.map((e) => e.inputId as string)
  for (const id of refused) values[id] = saved[id] ?? null
  const carried = (draft.carried ?? []).filter((id) => values[id] !== null && !refused.includes(id))
  return { values, carried, complete: refused.length === 0 }
}

/** Range and type of each shared field (the synthetic check has no cross-field rule and always passes). */
export function evaluateSharedFields(
  catalogId: string,
  check: CheckDefinition,
  inputs: InputRecord,
): EvaluateResponse {
  return runCheck({ id: catalogId, version: '' }, check, inputs)
}

export function sameSharedAsSaved(payload: SharedPayload, saved: InputRecord, carried: string[]): boolean {
  return (
    Object.entries(payload.values).every(([id, value]) => sameValue(value, saved[id])) &&
    [...payload.carried].sort().join() === [...carried].sort().join()
  )
}

export function checkKey(elementId: number, checkId: string): string {
  return `${elementId}/${checkId}`
}

export function parseCheckKey(key: string): { elementId: number; checkId: string } {
  const slash = key.indexOf('/')
  return { elementId: Number(key.slice(0, slash)), checkId: key.slice(slash + 1) }
}
