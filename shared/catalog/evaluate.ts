import { getCatalog, DEFAULT_CATALOG_ID } from './registry'
import { BlankInput, judgedClauses, tidyText } from './check-helpers'
import { formatRange, formatReading, readingOf, toCanonical, unitLabel } from './units'
import type {
  Catalog,
  CheckDefinition,
  CheckOutcome,
  CheckResult,
  ClauseRef,
  EvalContext,
  EvaluateResponse,
  InputDefinition,
  InputError,
  Reading,
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
 * 2. Blank input (key absent, `null` or '') is NOT an error: site records are filled in over time.
 *    - Fail first: when what is filled already fails whatever the blank inputs turn out to be, the verdict is
 *      'fail', with `missing` listing the blanks. Independent requirements of a check are judged apart (allOf), and
 *      a blank context input (the kind of project, place or element: see ContextFlag) is judged for every option.
 *    - Otherwise the verdict is 'not-entered' (未填写), explanation "尚未填写：…" and `missing` listing the ids.
 *    - If `appliesWhen` can already tell that the check does not apply, the verdict is 'not-applicable'.
 * 3. Keys a check does not define are ignored, so the UI may pass one record for the whole element.
 *
 * Verdict policy: pass / fail rest on high- and medium-confidence figures; a low-confidence figure never fails a
 * place and never relaxes a firmer one; a reading beyond a limit by less than its measuring tolerance is
 * needs-review (see readingTolerances in units.ts). `clauses` of a result are the deciding clauses only.
 */

export interface EvaluateOptions {
  /** Defaults to DEFAULT_CATALOG_ID. */
  catalogId?: string
}

type Value = number | boolean | string

type Parsed = { ok: true; value: Value; reading?: Reading } | { ok: false; message: string } | { ok: 'blank' }

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
  return { ok: true, value: canonical, reading: readingOf(value, unit as UnitId, def) }
}

/** Read access to one set of values (a class, not closures: it is built for every scenario of every evaluation). */
class Context implements EvalContext {
  constructor(
    private readonly check: CheckDefinition,
    private readonly values: ReadonlyMap<string, Value>,
    private readonly readings: ReadonlyMap<string, Reading>,
  ) {}

  private get<T>(id: string, type: string): T | undefined {
    const v = this.values.get(id)
    return typeof v === type ? (v as T) : undefined
  }

  private req<T>(id: string, type: string): T {
    const v = this.get<T>(id, type)
    if (v === undefined) throw new BlankInput(id)
    return v
  }

  has(id: string): boolean {
    return this.values.has(id)
  }
  num(id: string): number {
    return this.req<number>(id, 'number')
  }
  optNum(id: string): number | undefined {
    return this.get<number>(id, 'number')
  }
  reading(id: string): Reading {
    const r = this.readings.get(id)
    if (!r) throw new BlankInput(id)
    return r
  }
  optReading(id: string): Reading | undefined {
    return this.readings.get(id)
  }
  bool(id: string): boolean {
    return this.req<boolean>(id, 'boolean')
  }
  optBool(id: string): boolean | undefined {
    return this.get<boolean>(id, 'boolean')
  }
  choice(id: string): string {
    return this.req<string>(id, 'string')
  }
  optChoice(id: string): string | undefined {
    return this.get<string>(id, 'string')
  }
  label(id: string): string {
    return this.check.inputs.find((i) => i.id === id)?.label ?? id
  }
}

function makeContext(
  check: CheckDefinition,
  values: ReadonlyMap<string, Value>,
  readings: ReadonlyMap<string, Reading>,
): EvalContext {
  return new Context(check, values, readings)
}

/** Blank inputs that keep the check incomplete, plus a note naming alternative input sets. */
function incompleteness(
  check: CheckDefinition,
  has: (id: string) => boolean,
  label: (id: string) => string,
): { missing: string[]; alternatives: string } {
  const missing = check.inputs.filter((i) => !i.optional && !has(i.id)).map((i) => i.id)
  let alternatives = ''
  const sets = check.requires ?? []
  if (sets.length && !sets.some((set) => set.every((id) => has(id)))) {
    const [first = [], ...others] = sets
    for (const id of first) if (!has(id) && !missing.includes(id)) missing.push(id)
    if (others.length)
      alternatives = `（或改为填写：${others.map((set) => set.map((id) => label(id)).join('、')).join('；')}）`
  }
  return { missing, alternatives }
}

// ── scenarios: the options of blank context inputs ──

type ContextInput = Extract<InputDefinition, { kind: 'boolean' | 'choice' }>
type Scenario = ReadonlyArray<readonly [ContextInput, Value]>

/** Enough for three yes/no contexts and a four-way choice; past that the blanks are simply not entered. */
const MAX_SCENARIOS = 64

function optionsOf(def: ContextInput): Value[] {
  return def.kind === 'boolean' ? [true, false] : def.options.map((o) => o.id)
}

function optionLabel(def: ContextInput, value: Value): string {
  if (def.kind === 'boolean') return value ? '是' : '否'
  return def.options.find((o) => o.id === value)?.label ?? String(value)
}

function scenariosOf(contexts: readonly ContextInput[]): Scenario[] {
  let out: Scenario[] = [[]]
  for (const def of contexts) out = out.flatMap((s) => optionsOf(def).map((v) => [...s, [def, v] as const]))
  return out.length > MAX_SCENARIOS ? [[]] : out
}

/** How demanding a scenario is: the sum of its options' positions in the check's leniency order. */
function strictness(check: CheckDefinition, scenario: Scenario): number {
  return scenario.reduce(
    (sum, [def, v]) => sum + Math.max(0, check.leniency?.[def.id]?.indexOf(v as string | boolean) ?? 0),
    0,
  )
}

function runScenario(
  check: CheckDefinition,
  values: ReadonlyMap<string, Value>,
  readings: ReadonlyMap<string, Reading>,
  scenario: Scenario,
): CheckOutcome {
  const filled = new Map(values)
  for (const [def, v] of scenario) filled.set(def.id, v)
  const ctx = makeContext(check, filled, readings)
  try {
    if (check.appliesWhen) {
      const applicability = check.appliesWhen.test(ctx)
      if (applicability === null) return { verdict: 'not-entered', explanation: '' }
      if (!applicability.applies)
        return {
          verdict: 'not-applicable',
          explanation: applicability.reason,
          ...(applicability.derived ? { derived: applicability.derived } : {}),
        }
    }
    return check.evaluate(ctx)
  } catch (e) {
    if (e instanceof BlankInput) return { verdict: 'not-entered', explanation: '', missing: [e.inputId] }
    throw e
  }
}

/**
 * The blank context inputs that change the answer around the chosen scenario: changing one of them alone gives
 * another explanation. Only these are named to the inspector (a blank that cannot matter is not news).
 */
function decisiveContexts(
  chosen: Scenario,
  outcomes: ReadonlyArray<{ s: Scenario; o: CheckOutcome }>,
): ContextInput[] {
  const key = (s: Scenario) => s.map(([d, v]) => `${d.id}=${String(v)}`).join('&')
  const byKey = new Map(outcomes.map(({ s, o }) => [key(s), o]))
  const base = byKey.get(key(chosen))!
  return chosen
    .filter(([def], i) =>
      optionsOf(def).some((v) => {
        const other = byKey.get(key(chosen.map((e, j) => (j === i ? ([def, v] as const) : e))))
        return (
          other !== undefined && (other.verdict !== base.verdict || other.explanation !== base.explanation)
        )
      }),
    )
    .map(([def]) => def)
}

function assumptionNote(
  chosen: Scenario,
  decisive: readonly ContextInput[],
  verdict: 'fail' | 'pass',
): string {
  if (!decisive.length) return ''
  const values = new Map(chosen.map(([def, v]) => [def.id, v]))
  const labels = decisive.map((d) => `“${d.label}”`).join('')
  const options = decisive.map((d) => `“${optionLabel(d, values.get(d.id)!)}”`).join('')
  return verdict === 'fail'
    ? `；${labels}尚未填写，即使按要求最低的${options}判定也不符合`
    : `；${labels}尚未填写，按要求最高的${options}判定也符合`
}

function decide(
  check: CheckDefinition,
  values: ReadonlyMap<string, Value>,
  readings: ReadonlyMap<string, Reading>,
): CheckOutcome {
  const label = (id: string) => check.inputs.find((i) => i.id === id)?.label ?? id
  const blanks = incompleteness(check, (id) => values.has(id), label)
  const contexts = check.inputs.filter(
    (i): i is ContextInput =>
      (i.kind === 'boolean' || i.kind === 'choice') && i.context === true && !values.has(i.id),
  )
  const scenarios = scenariosOf(contexts)
  const outcomes = scenarios.map((s) => ({ s, o: runScenario(check, values, readings, s) }))
  const order = (ids: Iterable<string>) => {
    const set = new Set(ids)
    return check.inputs.map((i) => i.id).filter((id) => set.has(id))
  }
  /** Lists the blanks in `missing`; those `named` already (the assumed contexts) are not repeated in the text. */
  const finish = (o: CheckOutcome, missing: string[], named: readonly string[] = []): CheckOutcome => {
    const list = order(missing)
    const { missing: _unused, ...rest } = o
    if (!list.length) return rest
    const told = list.filter((id) => !named.includes(id))
    const tail = told.length ? `尚未填写：${told.map(label).join('、')}${blanks.alternatives}` : ''
    return { ...rest, explanation: [o.explanation, tail].filter(Boolean).join('；'), missing: list }
  }

  if (outcomes.every(({ o }) => o.verdict === 'not-applicable')) return outcomes[0]!.o

  // Fail first: every reading of the blanks fails → fail, explained by the least demanding reading.
  if (outcomes.every(({ o }) => o.verdict === 'fail')) {
    const { s, o } = outcomes.reduce((a, b) => (strictness(check, b.s) < strictness(check, a.s) ? b : a))
    const decisive = decisiveContexts(s, outcomes)
    const note = assumptionNote(s, decisive, 'fail')
    const ids = decisive.map((d) => d.id)
    // cite only the clauses broken whatever the blank context is (their figure as in the least demanding case)
    const clauseKey = (c: ClauseRef) => `${c.code}|${c.clause}|${c.item ?? ''}`
    const everywhere = (c: ClauseRef) =>
      outcomes.every(({ o: other }) =>
        decidingClauses(check, other).some((d) => clauseKey(d) === clauseKey(c)),
      )
    const basis = decidingClauses(check, o).filter(everywhere)
    return finish(
      { ...o, explanation: `${o.explanation}${note}`, ...(basis.length ? { basis } : {}) },
      [...blanks.missing, ...(o.missing ?? []), ...ids],
      ids,
    )
  }

  const verdicts = new Set(outcomes.map(({ o }) => o.verdict))
  const settled = !blanks.missing.length && outcomes.every(({ o }) => !o.missing?.length)
  if (settled && verdicts.size === 1 && !verdicts.has('not-entered')) {
    // Every input the verdict needs is there; blank optional context inputs do not change the answer.
    const pass = verdicts.has('pass')
    const { s, o } = outcomes.reduce((a, b) => {
      const [sa, sb] = [strictness(check, a.s), strictness(check, b.s)]
      return (pass ? sb > sa : sb < sa) ? b : a
    })
    const note = pass ? assumptionNote(s, decisiveContexts(s, outcomes), 'pass') : ''
    return { ...o, explanation: `${o.explanation}${note}` }
  }

  // Not entered: say what is known when there is a single reading, then list every blank the verdict needs.
  const missing = [
    ...blanks.missing,
    ...outcomes.flatMap(({ o }) => o.missing ?? []),
    ...(verdicts.size > 1 ? contexts.map((c) => c.id) : []),
  ]
  if (!missing.length)
    // everything is filled, yet appliesWhen cannot tell: an expert decides whether the requirement applies
    return {
      verdict: 'needs-review',
      explanation: `无法判断是否适用：${check.appliesWhen?.description ?? check.title}`,
      reasons: ['已填写的内容不足以判断本项要求是否适用，请现场判断'],
    }
  const single = outcomes.length === 1 ? outcomes[0]!.o : undefined
  const lead = single?.verdict === 'not-entered' ? single.explanation : ''
  const derived = single?.verdict === 'not-entered' ? single.derived : undefined
  return finish(
    { verdict: 'not-entered', explanation: lead, ...(derived?.length ? { derived } : {}) },
    missing,
  )
}

/** The deciding clauses of an outcome: never a superseded clause; a fail never rests on an advisory one. */
function decidingClauses(check: CheckDefinition, o: CheckOutcome): ClauseRef[] {
  if (o.verdict === 'not-entered' || o.verdict === 'not-applicable') return []
  const basis = o.basis ?? judgedClauses(check.clauses).map((c) => ({ ...c }))
  return basis.filter((c) => !c.supersededBy && !(o.verdict === 'fail' && c.level === 'A'))
}

/** Evaluates one check definition of a given catalog (the registry-free core of evaluateCheck). */
export function runCheck(
  catalog: Pick<Catalog, 'id' | 'version'>,
  check: CheckDefinition,
  inputs: Readonly<Record<string, unknown>>,
): EvaluateResponse {
  const errors: InputError[] = []
  const values = new Map<string, Value>()
  const readings = new Map<string, Reading>()
  for (const def of check.inputs) {
    const parsed = parseInput(def, inputs[def.id])
    if (parsed.ok === true) {
      values.set(def.id, parsed.value)
      if (parsed.reading) readings.set(def.id, parsed.reading)
    } else if (parsed.ok === false) errors.push({ inputId: def.id, message: parsed.message })
  }
  if (errors.length) return { ok: false, errors }
  const crossErrors = check.validate?.(makeContext(check, values, readings)) ?? []
  if (crossErrors.length) return { ok: false, errors: crossErrors }

  const outcome = decide(check, values, readings)
  const result: CheckResult = {
    checkId: check.id,
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    verdict: outcome.verdict,
    severity: check.severity,
    clauses: decidingClauses(check, outcome),
    referenceClauses: check.clauses.map((c) => ({ ...c })),
    derived: outcome.derived ?? [],
    explanation: tidyText(outcome.explanation),
  }
  if (outcome.reasons?.length) result.reasons = outcome.reasons.map(tidyText)
  if (outcome.advisories?.length) result.advisories = outcome.advisories.map(tidyText)
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
