import { checksForCategory } from '../catalog/registry'
import type { CategoryId } from '../catalog/categories'
import type {
  CheckDefinition,
  InputDefinition,
  InputRecord,
  InputValue,
  NumericInputDefinition,
} from '../catalog/types'

/**
 * Measure once: a value several checks of one facility use (a ramp run's rise and run) is typed once per facility
 * and every check of it is judged with it. Which inputs those are is read from the catalog, never listed by hand:
 * an input id that appears in two or more checks of one category is one measurement of the facility, provided
 * the checks describe it alike (same kind, label, unit and options). An id reused for two different things (the
 * lift car's width and the lift door's width) has different labels, and stays a value of each check.
 */
export interface SharedInput {
  /** The input as the facility's shared field shows it: the common range of every check that uses it. */
  def: InputDefinition
  /** The checks that use it, in catalog order. */
  checkIds: readonly string[]
}

function sameMeasurement(a: InputDefinition, b: InputDefinition): boolean {
  if (a.kind !== b.kind || a.label !== b.label) return false
  if (a.kind === 'choice' && b.kind === 'choice')
    return a.options.map((o) => o.id).join('|') === b.options.map((o) => o.id).join('|')
  if ('unit' in a && 'unit' in b)
    return a.unit === b.unit && [...a.allowedUnits].sort().join('|') === [...b.allowedUnits].sort().join('|')
  return true
}

/** The shared field: the narrowest plausible range, optional only when every check may leave it blank. */
function mergeDefinitions(defs: readonly InputDefinition[]): InputDefinition {
  const [first, ...rest] = defs as [InputDefinition, ...InputDefinition[]]
  const optional = defs.every((d) => d.optional)
  const hint = defs.find((d) => d.hint)?.hint
  const base = { ...first, optional, ...(hint ? { hint } : {}) }
  if (first.kind === 'boolean' || first.kind === 'choice') return base
  const numeric = rest as NumericInputDefinition[]
  return {
    ...(base as NumericInputDefinition),
    min: Math.max(first.min, ...numeric.map((d) => d.min)),
    max: Math.min(first.max, ...numeric.map((d) => d.max)),
  }
}

const cache = new Map<string, readonly SharedInput[]>()

/** The shared measurements of a category, in the order their first check lists them. */
export function sharedInputs(catalogId: string, category: CategoryId): readonly SharedInput[] {
  const key = `${catalogId}\u0000${category}`
  const cached = cache.get(key)
  if (cached) return cached
  const uses = new Map<string, Array<{ check: CheckDefinition; def: InputDefinition }>>()
  for (const check of checksForCategory(catalogId, category))
    for (const def of check.inputs) uses.set(def.id, [...(uses.get(def.id) ?? []), { check, def }])
  const out: SharedInput[] = []
  for (const list of uses.values()) {
    if (list.length < 2) continue
    const first = list[0]!.def
    if (!list.every((u) => sameMeasurement(first, u.def))) continue
    out.push({ def: mergeDefinitions(list.map((u) => u.def)), checkIds: list.map((u) => u.check.id) })
  }
  cache.set(key, out)
  return out
}

export function sharedInputIds(catalogId: string, category: CategoryId): ReadonlySet<string> {
  return new Set(sharedInputs(catalogId, category).map((s) => s.def.id))
}

export function isBlankValue(value: InputValue | undefined): boolean {
  return value === undefined || value === null || value === ''
}

/** The values a check is judged with: its own inputs, and the facility's shared values for the inputs it shares. */
export function inputsForCheck(
  check: CheckDefinition,
  own: InputRecord,
  shared: InputRecord,
  sharedIds: ReadonlySet<string>,
): InputRecord {
  const out: InputRecord = {}
  for (const def of check.inputs) {
    const value = sharedIds.has(def.id) ? shared[def.id] : own[def.id]
    if (!isBlankValue(value)) out[def.id] = value!
  }
  return out
}

/** The part of a check's inputs that belongs to the check alone (shared ids removed, blanks dropped). */
export function ownInputs(inputs: InputRecord, sharedIds: ReadonlySet<string>): InputRecord {
  const out: InputRecord = {}
  for (const [id, value] of Object.entries(inputs))
    if (!sharedIds.has(id) && !isBlankValue(value)) out[id] = value
  return out
}

/** Two stored values are the same measurement (numbers compare by value and unit as typed). */
export function sameValue(a: InputValue | undefined, b: InputValue | undefined): boolean {
  if (isBlankValue(a) || isBlankValue(b)) return isBlankValue(a) && isBlankValue(b)
  if (typeof a === 'object' && typeof b === 'object') return a!.value === b!.value && a!.unit === b!.unit
  return a === b
}
