import { getCatalog, DEFAULT_CATALOG_ID } from './registry'
import { missingOutcome } from './check-helpers'
import { formatRange, formatReading, toCanonical, unitLabel } from './units'
import type {
  Catalog,
  CheckDefinition,
  CheckOutcome,
  CheckResult,
  EvalContext,
  EvaluateResponse,
  InputDefinition,
  InputError,
  UnitId,
} from './types'

/*
 * Input policy — how evaluateCheck treats what the inspector typed:
 *
 * 1. Invalid input → `{ ok: false, errors }`. Invalid means: a value of the wrong type (a string or NaN where a
 *    number is expected, a number where yes/no is expected), a unit the input does not accept, an unknown
 *    choice id, a number outside the input's plausible range (negative height, zero run, a 30 m rise) or a
 *    cross-field impossibility (more accessible spaces than spaces). Each message is zh-CN, names the field
 *    and, for range errors, states the allowed range, e.g. "高差 须在 0–3000 mm 之间（输入值为 30 m，即 30000 mm）".
 *    An unknown check or catalog id is also `ok: false`, with `inputId: null`.
 * 2. Blank input (key absent, `null` or '') is NOT an error: site records are filled in over time. The answer
 *    is `ok: true` with verdict 'not-entered' (未填写), explanation "尚未填写：…" and `missing` listing the input ids.
 *    If `appliesWhen` can already tell that the check does not apply, the verdict is 'not-applicable' even
 *    though other fields are blank.
 * 3. Keys a check does not define are ignored, so the UI may pass one record for the whole element.
 */

export interface EvaluateOptions {
  /** Defaults to DEFAULT_CATALOG_ID. */
  catalogId?: string
}

class MissingInputError extends Error {
  constructor(readonly inputId: string) {
    super(`input ${inputId} is blank`)
  }
}

type Parsed =
  { ok: true; value: number | boolean | string } | { ok: false; message: string } | { ok: 'blank' }

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || raw === ''
}

function parseInput(def: InputDefinition, raw: unknown): Parsed {
  if (isBlank(raw)) return { ok: 'blank' }
  if (def.kind === 'boolean') {
    return typeof raw === 'boolean'
      ? { ok: true, value: raw }
      : { ok: false, message: `${def.label} 须为“是”或“否”` }
  }
  if (def.kind === 'choice') {
    if (typeof raw === 'string' && def.options.some((o) => o.id === raw)) return { ok: true, value: raw }
    return {
      ok: false,
      message: `${def.label} 须为以下选项之一：${def.options.map((o) => o.label).join('、')}`,
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, message: `${def.label} 须为带单位的数值` }
  const { value, unit } = raw as { value?: unknown; unit?: unknown }
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { ok: false, message: `${def.label} 须为数值` }
  if (typeof unit !== 'string' || !(def.allowedUnits as readonly string[]).includes(unit))
    return {
      ok: false,
      message: `${def.label} 的单位须为 ${def.allowedUnits.map(unitLabel).join('、')} 之一`,
    }
  const canonical = toCanonical(value, unit as UnitId, def)
  if (!(Number.isFinite(canonical) && canonical >= def.min && canonical <= def.max)) {
    const converted =
      unit === def.unit
        ? ''
        : Number.isFinite(canonical)
          ? `，即 ${formatReading(canonical, def.unit)}`
          : '，无法换算'
    return {
      ok: false,
      message: `${def.label} 须在 ${formatRange(def.min, def.max, def.unit)} 之间（输入值为 ${formatReading(value, unit)}${converted}）`,
    }
  }
  if (def.kind === 'count' && !Number.isInteger(canonical))
    return { ok: false, message: `${def.label} 须为整数` }
  return { ok: true, value: canonical }
}

function makeContext(
  check: CheckDefinition,
  values: ReadonlyMap<string, number | boolean | string>,
): EvalContext {
  const get = <T>(id: string, type: string): T | undefined => {
    const v = values.get(id)
    return typeof v === type ? (v as T) : undefined
  }
  const req = <T>(id: string, type: string): T => {
    const v = get<T>(id, type)
    if (v === undefined) throw new MissingInputError(id)
    return v
  }
  return {
    has: (id) => values.has(id),
    num: (id) => req<number>(id, 'number'),
    optNum: (id) => get<number>(id, 'number'),
    bool: (id) => req<boolean>(id, 'boolean'),
    optBool: (id) => get<boolean>(id, 'boolean'),
    choice: (id) => req<string>(id, 'string'),
    optChoice: (id) => get<string>(id, 'string'),
    label: (id) => check.inputs.find((i) => i.id === id)?.label ?? id,
  }
}

/** Blank inputs that keep the check incomplete, plus a note naming alternative input sets. */
function incompleteness(
  check: CheckDefinition,
  ctx: EvalContext,
): { missing: string[]; alternatives: string } {
  const missing = check.inputs.filter((i) => !i.optional && !ctx.has(i.id)).map((i) => i.id)
  let alternatives = ''
  const sets = check.requires ?? []
  if (sets.length && !sets.some((set) => set.every((id) => ctx.has(id)))) {
    const [first = [], ...others] = sets
    for (const id of first) if (!ctx.has(id) && !missing.includes(id)) missing.push(id)
    if (others.length)
      alternatives = `（或改为填写：${others.map((set) => set.map((id) => ctx.label(id)).join('、')).join('；')}）`
  }
  return { missing, alternatives }
}

function incompleteOutcome(check: CheckDefinition, ctx: EvalContext): CheckOutcome | undefined {
  const { missing, alternatives } = incompleteness(check, ctx)
  if (!missing.length) return undefined
  const outcome = missingOutcome(ctx, missing)
  return { ...outcome, explanation: outcome.explanation + alternatives }
}

function decide(check: CheckDefinition, ctx: EvalContext): CheckOutcome {
  if (check.appliesWhen) {
    const applicability = check.appliesWhen.test(ctx)
    if (applicability === null)
      return (
        incompleteOutcome(check, ctx) ?? {
          verdict: 'needs-review',
          explanation: `无法判断是否适用：${check.appliesWhen.description}`,
        }
      )
    if (!applicability.applies)
      return {
        verdict: 'not-applicable',
        explanation: applicability.reason,
        ...(applicability.derived ? { derived: applicability.derived } : {}),
      }
  }
  const incomplete = incompleteOutcome(check, ctx)
  if (incomplete) return incomplete
  try {
    return check.evaluate(ctx)
  } catch (e) {
    if (e instanceof MissingInputError) return missingOutcome(ctx, [e.inputId])
    throw e
  }
}

/** Evaluates one check definition of a given catalog (the registry-free core of evaluateCheck). */
export function runCheck(
  catalog: Pick<Catalog, 'id' | 'version'>,
  check: CheckDefinition,
  inputs: Readonly<Record<string, unknown>>,
): EvaluateResponse {
  const errors: InputError[] = []
  const values = new Map<string, number | boolean | string>()
  for (const def of check.inputs) {
    const parsed = parseInput(def, inputs[def.id])
    if (parsed.ok === true) values.set(def.id, parsed.value)
    else if (parsed.ok === false) errors.push({ inputId: def.id, message: parsed.message })
  }
  if (errors.length) return { ok: false, errors }
  const ctx = makeContext(check, values)
  const crossErrors = check.validate?.(ctx) ?? []
  if (crossErrors.length) return { ok: false, errors: crossErrors }

  const outcome = decide(check, ctx)
  const result: CheckResult = {
    checkId: check.id,
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    verdict: outcome.verdict,
    severity: check.severity,
    clauses: check.clauses.map((c) => ({ ...c })),
    derived: outcome.derived ?? [],
    explanation: outcome.explanation,
  }
  if (outcome.reasons?.length) result.reasons = outcome.reasons
  if (outcome.advisories?.length) result.advisories = outcome.advisories
  if (outcome.missing?.length) result.missing = outcome.missing
  return { ok: true, result }
}

/** Evaluates a check by id. See the input policy at the top of this file. */
export function evaluateCheck(
  checkId: string,
  inputs: Readonly<Record<string, unknown>>,
  options: EvaluateOptions = {},
): EvaluateResponse {
  const catalogId = options.catalogId ?? DEFAULT_CATALOG_ID
  const catalog = getCatalog(catalogId)
  if (!catalog) return { ok: false, errors: [{ inputId: null, message: `未知的检查目录：${catalogId}` }] }
  const check = catalog.checks.find((c) => c.id === checkId)
  if (!check) return { ok: false, errors: [{ inputId: null, message: `未知的检查项：${checkId}` }] }
  return runCheck(catalog, check, inputs)
}
