import { formatQuantity, gradientUnits, lengthUnits } from './units'
import type {
  AppliesWhen,
  BooleanInputDefinition,
  CheckDefinition,
  CheckOutcome,
  ChoiceInputDefinition,
  ChoiceOption,
  EvalContext,
  InputDefinition,
  LengthUnit,
  NumericInputDefinition,
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

// ── input builders ──

type InputExtras = { optional?: boolean; hint?: string; step?: number }

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

export function booleanInput(
  id: string,
  label: string,
  extra: Omit<InputExtras, 'step'> = {},
): BooleanInputDefinition {
  return { id, label, kind: 'boolean', ...extra }
}

export function choiceInput(
  id: string,
  label: string,
  options: readonly ChoiceOption[],
  extra: Omit<InputExtras, 'step'> = {},
): ChoiceInputDefinition {
  return { id, label, kind: 'choice', options, ...extra }
}

// ── outcomes ──

/** not-entered (未填写): inputs the verdict depends on are blank and nothing filled fails. */
export function missingOutcome(ctx: EvalContext, ids: readonly string[], lead?: string): CheckOutcome {
  const list = `尚未填写：${ids.map((id) => ctx.label(id)).join('、')}`
  return { verdict: 'not-entered', explanation: lead ? `${lead}；${list}` : list, missing: [...ids] }
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
  /** Figure of low confidence: always needs-review, with this reason. */
  lowConfidence?: string
}

function rangeText(min: number, max: number, unit: UnitId, display?: LengthUnit): string {
  const a = formatQuantity(min, unit, display)
  const b = formatQuantity(max, unit, display)
  const i = a.lastIndexOf(' ')
  return i > 0 && b.endsWith(a.slice(i)) ? `${a.slice(0, i)}–${b}` : `${a}–${b}`
}

/** Compares one value with a rule and states measured vs required in zh-CN. */
export function judgeLimit(quantity: string, value: number, unit: UnitId, rule: LimitRule) {
  const q = (v: number) => formatQuantity(v, unit, rule.display)
  const head = `${quantity} ${q(value)}`
  const { min, max } = rule
  const lowOk =
    min === undefined || (rule.minExclusive ? value > min && !atMost(value, min) : atLeast(value, min))
  const highOk =
    max === undefined || (rule.maxExclusive ? value < max && !atLeast(value, max) : atMost(value, max))
  let text: string
  if (!lowOk && min !== undefined)
    text = rule.minExclusive ? `${head}，须大于 ${q(min)}` : `${head}，小于 ${q(min)} 的最小要求`
  else if (!highOk && max !== undefined)
    text = rule.maxExclusive ? `${head}，须小于 ${q(max)}` : `${head}，超过 ${q(max)} 的上限`
  else if (min !== undefined && max !== undefined)
    text = `${head}，在 ${rangeText(min, max, unit, rule.display)} 的要求范围内`
  else if (min !== undefined)
    text = rule.minExclusive ? `${head}，大于 ${q(min)}，符合要求` : `${head}，不小于 ${q(min)}，符合要求`
  else if (max !== undefined)
    text = rule.maxExclusive ? `${head}，小于 ${q(max)}，符合要求` : `${head}，不超过 ${q(max)}，符合要求`
  else text = head
  return { within: lowOk && highOk, text }
}

export function limitOutcome(quantity: string, value: number, unit: UnitId, rule: LimitRule): CheckOutcome {
  const { within, text } = judgeLimit(quantity, value, unit, rule)
  if (rule.lowConfidence) return { verdict: 'needs-review', explanation: text, reasons: [rule.lowConfidence] }
  if (within) return { verdict: 'pass', explanation: text }
  if (rule.advisory)
    return { verdict: 'pass', explanation: `${text}（建议性要求，不判为不合格）`, advisories: [text] }
  return { verdict: 'fail', explanation: text }
}

/** Joins several partial outcomes: any fail → fail, else any not-entered, else any needs-review, else pass. */
export function combine(parts: readonly CheckOutcome[]): CheckOutcome {
  const verdict = parts.some((p) => p.verdict === 'fail')
    ? 'fail'
    : parts.some((p) => p.verdict === 'not-entered')
      ? 'not-entered'
      : parts.some((p) => p.verdict === 'needs-review')
        ? 'needs-review'
        : 'pass'
  const missing = parts.flatMap((p) => p.missing ?? [])
  const reasons = parts.flatMap((p) => p.reasons ?? [])
  const advisories = parts.flatMap((p) => p.advisories ?? [])
  const derived = parts.flatMap((p) => p.derived ?? [])
  return {
    verdict,
    explanation: parts.map((p) => p.explanation).join('；'),
    ...(reasons.length ? { reasons } : {}),
    ...(advisories.length ? { advisories } : {}),
    ...(derived.length ? { derived } : {}),
    ...(missing.length ? { missing } : {}),
  }
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
  return {
    ...head,
    inputs: [...before, input],
    evaluate: (ctx) => limitOutcome(quantity ?? input.label, ctx.num(input.id), input.unit, rule),
  }
}

export interface YesNoCondition {
  input: BooleanInputDefinition
  /** The answer that satisfies the requirement. */
  expected: boolean
  /** zh-CN text used when the answer is the other one. */
  failText: string
}

/** Yes/no observations that must all have the expected answer. */
export function yesNoCheck(
  spec: CheckHead & {
    conditions: readonly YesNoCondition[]
    passText: string
    before?: readonly InputDefinition[]
  },
): CheckDefinition {
  const { conditions, passText, before = [], ...head } = spec
  return {
    ...head,
    inputs: [...before, ...conditions.map((c) => c.input)],
    evaluate: (ctx) => {
      const failed = conditions.filter((c) => ctx.bool(c.input.id) !== c.expected).map((c) => c.failText)
      return failed.length
        ? { verdict: 'fail', explanation: failed.join('；') }
        : { verdict: 'pass', explanation: passText }
    },
  }
}

/** appliesWhen for "only when this yes/no input is answered `when`". */
export function whenYes(
  id: string,
  description: string,
  notApplicableReason: string,
  when = true,
): AppliesWhen {
  return {
    description,
    test: (ctx: EvalContext) => {
      const v = ctx.optBool(id)
      if (v === undefined) return null
      return v === when
        ? { applies: true, reason: description }
        : { applies: false, reason: notApplicableReason }
    },
  }
}
