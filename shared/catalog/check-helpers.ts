import { exactReading, formatQuantity, gradientUnits, lengthUnits } from './units'
import type {
  AppliesWhen,
  BooleanInputDefinition,
  CheckDefinition,
  CheckOutcome,
  ChoiceInputDefinition,
  ChoiceOption,
  ClauseRef,
  EvalContext,
  InputDefinition,
  InputError,
  LengthUnit,
  LimitSpec,
  NumericInputDefinition,
  Reading,
  UnitId,
} from './types'

// ── comparisons (tolerant of floating-point noise, e.g. 750 / 9000 against 1 / 12) ──

const EPS = 1e-9

export function atMost(value: number, limit: number): boolean {
  return value <= limit + EPS * Math.max(1, Math.abs(limit))
}

export function atLeast(value: number, limit: number): boolean {
  return value >= limit - EPS * Math.max(1, Math.abs(limit))
}

// ── plain words for the inspector (these texts reach notices: never tool internals) ──

/** Said wherever a figure could not be confirmed against the code text. */
export const UNVERIFIED = '该数值尚未与规范原文核对，请现场依规范原文判断'

/** Said where a requirement's wording could not be confirmed against the code text. */
export const UNVERIFIED_TEXT = '该项要求尚未与规范原文核对，请现场依规范原文判断'

/** '<subject>尚未与规范原文核对，请现场依规范原文判断' */
export function notConfirmed(subject: string): string {
  return `${subject}尚未与规范原文核对，请现场依规范原文判断`
}

/** No space between a closing full-width parenthesis and the Chinese text after it: '1:12（8.33%）的上限'. */
export function tidyText(text: string): string {
  return text.replace(/）\s+(?=[\u4e00-\u9fff])/g, '）')
}

// ── blank inputs ──

/**
 * Thrown by EvalContext when an evaluator reads a blank input; the engine treats that part as not entered. A control
 * signal, not an error: it carries no stack trace (which would cost more than the whole evaluation).
 */
export class BlankInput extends Error {
  constructor(readonly inputId: string) {
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(`input ${inputId} is blank`)
    Error.stackTraceLimit = limit
  }
}

// ── input builders ──

type InputExtras = {
  optional?: boolean
  hint?: string
  step?: number
  tolerance?: NumericInputDefinition['tolerance']
}
type FlagExtras = { optional?: boolean; hint?: string; context?: boolean }

export function lengthInput(
  id: string,
  label: string,
  min: number,
  max: number,
  extra: InputExtras = {},
): NumericInputDefinition {
  const def: NumericInputDefinition = {
    id,
    label,
    kind: 'length',
    unit: 'mm',
    allowedUnits: lengthUnits,
    min,
    max,
    step: 1,
  }
  return { ...def, ...extra }
}

/** Canonical unit %, accepts %, degrees and 1:n. Default plausible range 0–50 % (1:2). */
export function gradientInput(
  id: string,
  label: string,
  extra: InputExtras & { max?: number } = {},
): NumericInputDefinition {
  const { max = 50, ...rest } = extra
  const def: NumericInputDefinition = {
    id,
    label,
    kind: 'gradient',
    unit: '%',
    allowedUnits: gradientUnits,
    min: 0,
    max,
    step: 0.01,
  }
  return { ...def, ...rest }
}

export function countInput(
  id: string,
  label: string,
  min: number,
  max: number,
  extra: InputExtras = {},
): NumericInputDefinition {
  const def: NumericInputDefinition = {
    id,
    label,
    kind: 'count',
    unit: 'count',
    allowedUnits: ['count'],
    min,
    max,
    step: 1,
  }
  return { ...def, ...extra }
}

export function numberInput(
  id: string,
  label: string,
  unit: UnitId,
  min: number,
  max: number,
  extra: InputExtras = {},
): NumericInputDefinition {
  const def: NumericInputDefinition = { id, label, kind: 'number', unit, allowedUnits: [unit], min, max }
  return { ...def, ...extra }
}

export function booleanInput(id: string, label: string, extra: FlagExtras = {}): BooleanInputDefinition {
  return { id, label, kind: 'boolean', ...extra }
}

export function choiceInput(
  id: string,
  label: string,
  options: readonly ChoiceOption[],
  extra: FlagExtras = {},
): ChoiceInputDefinition {
  return { id, label, kind: 'choice', options, ...extra }
}

// ── deciding clauses ──

/**
 * The clauses a check judges against by default: not superseded and not of low confidence (a low-confidence figure
 * never decides a failure); when a check has nothing else, its non-superseded clauses.
 */
export function judgedClauses(clauses: readonly ClauseRef[]): ClauseRef[] {
  const live = clauses.filter((c) => !c.supersededBy)
  const firm = live.filter((c) => c.confidence !== 'low')
  return firm.length ? firm : live
}

/** Deciding clauses with the figure used (copies; the catalog's own objects are never mutated). */
export function basisOf(by: readonly ClauseRef[], figure?: string): ClauseRef[] {
  return by.map((c) => (figure === undefined ? { ...c } : { ...c, figure }))
}

// ── outcomes ──

/** not-entered (未填写): inputs the verdict depends on are blank; `lead` states what is known so far. */
export function missingOutcome(_ctx: EvalContext, ids: readonly string[], lead?: string): CheckOutcome {
  return { verdict: 'not-entered', explanation: lead ?? '', missing: [...ids] }
}

/** Ids among `ids` that are blank. */
export function blank(ctx: EvalContext, ids: readonly string[]): string[] {
  return ids.filter((id) => !ctx.has(id))
}

export interface LimitRule {
  min?: number
  max?: number
  minExclusive?: boolean
  maxExclusive?: boolean
  /** How to show lengths in explanations (codes state some figures in m). */
  display?: LengthUnit
  /** 宜-wording: outside the limits gives pass with an advisory note, never fail. */
  advisory?: boolean
  /** Figure not confirmed against the code text: never fail, always needs-review with this plain-words reason. */
  lowConfidence?: string
  /** The clause(s) stating this figure: the deciding clauses of the outcome (default: the check's judged clauses). */
  by?: readonly ClauseRef[]
}

/** The figure of a rule as printed with a deciding clause: '≥ 1.20 m', '≤ 1:12（8.33%）', '850–1000 mm'. */
export function figureOf(unit: UnitId, rule: LimitRule): string {
  const q = (v: number) => formatQuantity(v, unit, rule.display)
  const { min, max } = rule
  if (min !== undefined && max !== undefined) return rangeText(min, max, unit, rule.display)
  if (min !== undefined) return `${rule.minExclusive ? '>' : '≥'} ${q(min)}`
  if (max !== undefined) return `${rule.maxExclusive ? '<' : '≤'} ${q(max)}`
  return ''
}

function rangeText(min: number, max: number, unit: UnitId, display?: LengthUnit): string {
  const a = formatQuantity(min, unit, display)
  const b = formatQuantity(max, unit, display)
  const i = a.lastIndexOf(' ')
  return i > 0 && b.endsWith(a.slice(i)) ? `${a.slice(0, i)}–${b}` : `${a}–${b}`
}

type Side = 'within' | 'below' | 'above'

function sideOf(value: number, rule: LimitRule): Side {
  const { min, max } = rule
  if (min !== undefined && !(rule.minExclusive ? value > min && !atMost(value, min) : atLeast(value, min)))
    return 'below'
  if (max !== undefined && !(rule.maxExclusive ? value < max && !atLeast(value, max) : atMost(value, max)))
    return 'above'
  return 'within'
}

/**
 * A reading compared with another reading (a landing against the ramp width it must match): the other's tolerance
 * adds to this one's.
 */
export function widen(r: Reading, other: Reading): Reading {
  const sources = [...new Set([r.source, other.source].filter(Boolean))]
  return {
    value: r.value,
    lo: r.lo - (other.hi - other.value),
    hi: r.hi + (other.value - other.lo),
    source: sources.length > 1 ? sources.join('；') : sources[0] === undefined ? '' : `两项${sources[0]}`,
  }
}

function asReading(value: number | Reading): Reading {
  return typeof value === 'number' ? exactReading(value) : value
}

/**
 * Compares a reading with a rule and states measured vs required in zh-CN. `nearMiss` is set when the reading is
 * beyond the limit by less than its measuring tolerance (the true value may still meet the limit).
 */
export function judgeLimit(quantity: string, value: number | Reading, unit: UnitId, rule: LimitRule) {
  const r = asReading(value)
  const side = sideOf(r.value, rule)
  const limit = side === 'below' ? rule.min : side === 'above' ? rule.max : undefined
  const q = (v: number) => formatQuantity(v, unit, rule.display)
  // beyond a limit, enough digits that the value never reads as the limit itself
  const head = `${quantity} ${formatQuantity(r.value, unit, rule.display, limit)}`
  const { min, max } = rule
  let text: string
  if (side === 'below' && min !== undefined)
    text = rule.minExclusive ? `${head}，须大于 ${q(min)}` : `${head}，小于 ${q(min)} 的最小要求`
  else if (side === 'above' && max !== undefined)
    text = rule.maxExclusive ? `${head}，须小于 ${q(max)}` : `${head}，超过 ${q(max)} 的上限`
  else if (min !== undefined && max !== undefined)
    text = `${head}，在 ${rangeText(min, max, unit, rule.display)} 的要求范围内`
  else if (min !== undefined)
    text = rule.minExclusive ? `${head}，大于 ${q(min)}，符合要求` : `${head}，不小于 ${q(min)}，符合要求`
  else if (max !== undefined)
    text = rule.maxExclusive ? `${head}，小于 ${q(max)}，符合要求` : `${head}，不超过 ${q(max)}，符合要求`
  else text = head
  // The true value lies in the open range (lo, hi): a miss is certain only when that range does not reach the
  // limit, so a tape reading of 899 mm (898–900) surely misses 900 mm, and 899.5 mm does not.
  const nearMiss =
    (side === 'below' && min !== undefined && !atMost(r.hi, min)) ||
    (side === 'above' && max !== undefined && !atLeast(r.lo, max))
  return { within: side === 'within', nearMiss, text, source: r.source }
}

/** The reason given when a reading misses a limit by less than the measuring tolerance. */
export function toleranceReason(figure: string, source: string): string {
  return `测得值与 ${figure} 的限值之差在测量误差（${source}）以内，不能据此判定不合格；请用更精确的方法复测后判定`
}

/**
 * One reading against a limit rule: pass, fail, needs-review (low-confidence figure, or a miss within the measuring
 * tolerance) or an advisory note, each with the deciding clause(s) and the figure used.
 */
export function limitOutcome(
  quantity: string,
  value: number | Reading,
  unit: UnitId,
  rule: LimitRule,
): CheckOutcome {
  const { within, nearMiss, text, source } = judgeLimit(quantity, value, unit, rule)
  const figure = figureOf(unit, rule)
  const basis = rule.by ? basisOf(rule.by, `${quantity} ${figure}`) : undefined
  const withBasis = (o: CheckOutcome): CheckOutcome => (basis ? { ...o, basis } : o)
  if (rule.lowConfidence)
    return withBasis({ verdict: 'needs-review', explanation: text, reasons: [rule.lowConfidence] })
  if (within) return withBasis({ verdict: 'pass', explanation: text })
  if (rule.advisory)
    return {
      verdict: 'pass',
      explanation: `${text}（建议性要求，不判为不合格）`,
      advisories: [text],
      basis: [],
    }
  if (nearMiss)
    return withBasis({
      verdict: 'needs-review',
      explanation: text,
      reasons: [toleranceReason(figure, source)],
    })
  return withBasis({ verdict: 'fail', explanation: text })
}

const rank = { fail: 4, 'not-entered': 3, 'needs-review': 2, pass: 1, 'not-applicable': 0 } as const

/** One entry per clause and 款; the figures of several requirements under the same one are joined. */
export function uniqueClauses(list: readonly ClauseRef[]): ClauseRef[] {
  const seen = new Map<string, ClauseRef>()
  for (const c of list) {
    const key = `${c.code}|${c.clause}|${c.item ?? ''}`
    const known = seen.get(key)
    if (!known) seen.set(key, { ...c })
    else if (c.figure && !(known.figure ?? '').split('；').includes(c.figure))
      known.figure = known.figure ? `${known.figure}；${c.figure}` : c.figure
  }
  return [...seen.values()]
}

/**
 * Joins the outcomes of independent requirements: any fail → fail, else any not-entered, else any needs-review,
 * else pass. The deciding clauses are those of the parts that decided: the failing ones for a fail, the ones to
 * review for needs-review, all of them for a pass.
 */
export function combine(parts: readonly CheckOutcome[]): CheckOutcome {
  const live = parts.filter((p) => p.verdict !== 'not-applicable')
  const all = live.length ? live : parts
  const verdict = all.reduce<CheckOutcome['verdict']>(
    (v, p) => (rank[p.verdict] > rank[v] ? p.verdict : v),
    all[0]?.verdict ?? 'pass',
  )
  const deciding = all.filter((p) => verdict === 'pass' || p.verdict === verdict)
  const basisParts = deciding.filter((p) => p.basis !== undefined)
  const reasons = all.flatMap((p) => p.reasons ?? [])
  const advisories = all.flatMap((p) => p.advisories ?? [])
  const derived = all.flatMap((p) => p.derived ?? [])
  const missing = [...new Set(all.flatMap((p) => p.missing ?? []))]
  return {
    verdict,
    explanation: all
      .map((p) => p.explanation)
      .filter(Boolean)
      .join('；'),
    ...(basisParts.length ? { basis: uniqueClauses(basisParts.flatMap((p) => p.basis ?? [])) } : {}),
    ...(reasons.length ? { reasons: [...new Set(reasons)] } : {}),
    ...(advisories.length ? { advisories: [...new Set(advisories)] } : {}),
    ...(derived.length ? { derived } : {}),
    ...(missing.length ? { missing } : {}),
  }
}

/**
 * Independent requirements of one check, each judged as soon as its own inputs are filled: a part that reads a
 * blank input is not entered, and a failing part fails the check whatever the blank inputs turn out to be.
 */
export function allOf(parts: ReadonlyArray<() => CheckOutcome>): CheckOutcome {
  return combine(
    parts.map((part) => {
      try {
        return part()
      } catch (e) {
        if (e instanceof BlankInput)
          return { verdict: 'not-entered', explanation: '', missing: [e.inputId] } satisfies CheckOutcome
        throw e
      }
    }),
  )
}

/**
 * Something that must be there, and a measurement of it: absent → fail; a typed measurement (which shows it is
 * there) is judged even while the yes/no answer is blank; present without the measurement → not entered.
 */
export function presentWith(
  ctx: EvalContext,
  spec: {
    present: string
    absentText: string
    presentText: string
    by: readonly ClauseRef[]
    measure: string
    judge: (r: Reading) => CheckOutcome
  },
): CheckOutcome {
  return allOf([
    () =>
      ctx.bool(spec.present)
        ? { verdict: 'pass', explanation: '', basis: basisOf(spec.by) }
        : { verdict: 'fail', explanation: spec.absentText, basis: basisOf(spec.by) },
    () => {
      const r = ctx.optReading(spec.measure)
      if (r) return spec.judge(r)
      const present = ctx.optBool(spec.present)
      if (present === false) return { verdict: 'not-applicable', explanation: '' }
      if (present === true) return missingOutcome(ctx, [spec.measure], spec.presentText)
      throw new BlankInput(spec.measure)
    },
  ])
}

// ── check factories ──

type CheckHead = Omit<CheckDefinition, 'inputs' | 'evaluate'>

/** One measured value against a limit rule. */
export function measureCheck(
  spec: CheckHead & {
    input: NumericInputDefinition
    rule: LimitRule
    quantity?: string
    /** Inputs listed before the measured one (e.g. the yes/no question an appliesWhen reads). */
    before?: readonly InputDefinition[]
  },
): CheckDefinition {
  const { input, rule, quantity, before = [], ...head } = spec
  const by = rule.by ?? judgedClauses(head.clauses)
  const { min, max, minExclusive, maxExclusive, advisory, lowConfidence } = rule
  const limit: LimitSpec = { input: input.id }
  if (min !== undefined) limit.min = min
  if (max !== undefined) limit.max = max
  if (minExclusive) limit.minExclusive = true
  if (maxExclusive) limit.maxExclusive = true
  if (advisory) limit.advisory = true
  if (lowConfidence) limit.lowConfidence = true
  return {
    ...head,
    limits: [limit],
    inputs: [...before, input],
    evaluate: (ctx) =>
      limitOutcome(quantity ?? input.label, ctx.reading(input.id), input.unit, { ...rule, by }),
  }
}

export interface YesNoCondition {
  input: BooleanInputDefinition
  /** The answer that satisfies the requirement. */
  expected: boolean
  /** zh-CN text used when the answer is the other one. */
  failText: string
  /** zh-CN text used when the answer is the expected one (default: none, the check's passText speaks). */
  passText?: string
  /** The clause(s) requiring it (default: the check's judged clauses). */
  by?: readonly ClauseRef[]
  /** The requirement is not confirmed against the code text: the other answer gives needs-review, never fail. */
  unverified?: string
}

/** One yes/no requirement as an outcome (fail, or needs-review when unverified; pass otherwise). */
export function yesNoOutcome(ctx: EvalContext, c: YesNoCondition, by: readonly ClauseRef[]): CheckOutcome {
  const basis = basisOf(c.by ?? by)
  if (ctx.bool(c.input.id) === c.expected) return { verdict: 'pass', explanation: c.passText ?? '', basis }
  if (c.unverified)
    return { verdict: 'needs-review', explanation: c.failText, reasons: [c.unverified], basis }
  return { verdict: 'fail', explanation: c.failText, basis }
}

/** Yes/no observations that must all have the expected answer; each one is its own requirement (see allOf). */
export function yesNoCheck(
  spec: CheckHead & {
    conditions: readonly YesNoCondition[]
    passText: string
    before?: readonly InputDefinition[]
  },
): CheckDefinition {
  const { conditions, passText, before = [], ...head } = spec
  const by = judgedClauses(head.clauses)
  return {
    ...head,
    inputs: [...before, ...conditions.map((c) => c.input)],
    evaluate: (ctx) => {
      const o = allOf(conditions.map((c) => () => yesNoOutcome(ctx, c, by)))
      return o.verdict === 'pass' && !o.explanation ? { ...o, explanation: passText } : o
    },
  }
}

/**
 * A yes/no answer contradicted by a measurement that shows the opposite (a bollard spacing typed, yet “no bollards”):
 * an input error naming both fields, as for any cross-field impossibility.
 */
export function contradicts(ctx: EvalContext, id: string, impliedBy: string, when = true): InputError[] {
  const v = ctx.optBool(id)
  return v !== undefined && v !== when && ctx.has(impliedBy)
    ? [
        {
          inputId: id,
          message: `已填写“${ctx.label(impliedBy)}”，“${ctx.label(id)}”不能答“${v ? '是' : '否'}”，请核对`,
        },
      ]
    : []
}

/**
 * appliesWhen for "only when this yes/no input is answered `when`". `impliedBy`: an input whose value shows that the
 * answer is `when` (a bollard spacing typed means there are bollards), so the check applies while the question is blank.
 */
export function whenYes(
  id: string,
  description: string,
  notApplicableReason: string,
  when = true,
  impliedBy?: string,
): AppliesWhen {
  return {
    description,
    test: (ctx: EvalContext) => {
      const v = ctx.optBool(id) ?? (impliedBy !== undefined && ctx.has(impliedBy) ? when : undefined)
      if (v === undefined) return null
      return v === when
        ? { applies: true, reason: description }
        : { applies: false, reason: notApplicableReason }
    },
  }
}
