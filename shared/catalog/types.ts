import type { CategoryId } from './categories'

/** How serious a failure of the check is for the people who rely on the element. */
export type Severity = 'critical' | 'major' | 'minor'

/**
 * - `pass` / `fail`: decided by a confirmed (high or medium confidence) figure;
 * - `needs-review` (待复核): every input is there but an expert must judge (a low-confidence figure, a judgement
 *   the code leaves to people, a reading within the instrument tolerance of a limit);
 * - `not-entered` (未填写): inputs the verdict depends on are blank and nothing filled fails yet (`missing` lists them);
 * - `not-applicable`: the check does not apply to this element.
 */
export type Verdict = 'pass' | 'fail' | 'needs-review' | 'not-entered' | 'not-applicable'

/**
 * Strength of the clause: M = 强制性 (mandatory), R = 应/不应 in a non-mandatory clause (a normal requirement),
 * A = 宜/不宜/可 (advisory — reported as a note, never as a failure).
 */
export type ClauseLevel = 'M' | 'R' | 'A'

/**
 * How sure the catalog authors are of the figure (see the reference fact sheet). Policy for `low`: it never produces
 * a fail; a measurement on the wrong side of it gives needs-review with the reason; a check whose only figure is low
 * (clause text not retrieved) always answers needs-review. Pass/fail rests on high and medium figures.
 */
export type Confidence = 'high' | 'medium' | 'low'

export interface ClauseRef {
  /** e.g. 'GB 55019-2021' */
  code: string
  /** e.g. '2.3.1' */
  clause: string
  /** 款 within the clause, e.g. '1' or '4–6' */
  item?: string
  mandatory: boolean
  level: ClauseLevel
  confidence: Confidence
  /** Set when another clause replaces this one; the check then does not judge against it. */
  supersededBy?: string
  note?: string
}

export type LengthUnit = 'mm' | 'cm' | 'm'
/** Gradient units. `ratio` means the value n of "1:n" (1:12 is stored as `{ value: 12, unit: 'ratio' }`). */
export type GradientUnit = '%' | 'deg' | 'ratio'
export type UnitId = LengthUnit | GradientUnit | 'count' | 'N' | 's' | 'dB' | 'm2'

/**
 * One stored input value, as the UI and the database keep it:
 * - number with the unit the inspector typed: `{ value: 1.2, unit: 'm' }`, `{ value: 12, unit: 'ratio' }` (1:12)
 * - yes/no: `true` / `false`
 * - choice: the option id, e.g. `'new'`
 * - blank: `null` (or the key left out)
 */
export type InputValue = { value: number; unit: string } | boolean | string | null
export type InputRecord = Record<string, InputValue>

/**
 * Input kinds. `length` (canonical mm; mm/cm/m accepted), `gradient` (canonical %; %, deg, ratio accepted),
 * `count` (integers, unit 'count'), `number` (other physical quantities with a single unit: N, s, dB).
 */
export type NumericKind = 'length' | 'gradient' | 'count' | 'number'
export type InputKind = NumericKind | 'boolean' | 'choice'

interface InputBase {
  id: string
  /** zh-CN field label */
  label: string
  hint?: string
  /** Optional inputs may stay blank without making the check incomplete. */
  optional?: boolean
}

export interface NumericInputDefinition extends InputBase {
  kind: NumericKind
  /** Canonical unit: ranges are stated in it and checks receive values converted to it. */
  unit: UnitId
  allowedUnits: readonly UnitId[]
  /** Plausible range (canonical unit, inclusive). Values outside it are rejected as input errors. */
  min: number
  max: number
  step?: number
}

export interface BooleanInputDefinition extends InputBase {
  kind: 'boolean'
}

export interface ChoiceOption {
  id: string
  label: string
}

export interface ChoiceInputDefinition extends InputBase {
  kind: 'choice'
  options: readonly ChoiceOption[]
}

export type InputDefinition = NumericInputDefinition | BooleanInputDefinition | ChoiceInputDefinition

export interface DerivedValue {
  id: string
  label: string
  value: number
  unit: UnitId
  /** Human-readable zh-CN rendering, e.g. '1:12（8.33%，4.76°）' */
  display: string
}

/** Read access to validated inputs; numbers come converted to the input's canonical unit. */
export interface EvalContext {
  has(id: string): boolean
  /** Throws when blank: use only for inputs the completeness rules guarantee. */
  num(id: string): number
  optNum(id: string): number | undefined
  bool(id: string): boolean
  optBool(id: string): boolean | undefined
  choice(id: string): string
  optChoice(id: string): string | undefined
  label(id: string): string
}

export interface Applicability {
  applies: boolean
  /** zh-CN, shown as the explanation when the check does not apply */
  reason: string
  derived?: DerivedValue[]
}

export interface AppliesWhen {
  /** zh-CN description for catalog listings */
  description: string
  /** `null` = cannot tell yet (inputs blank) → the result is needs-review listing the blank inputs. */
  test(ctx: EvalContext): Applicability | null
}

/** What a check's evaluator returns; the engine adds clauses, severity and catalog data. */
export interface CheckOutcome {
  verdict: Verdict
  explanation: string
  reasons?: string[]
  /** Advisory (宜) notes: never a failure. */
  advisories?: string[]
  derived?: DerivedValue[]
  /** Ids of inputs still blank that the verdict depends on. */
  missing?: string[]
}

export interface InputError {
  /** null for errors that concern the request as a whole (unknown check or catalog). */
  inputId: string | null
  /** zh-CN; names the field and, for range errors, states the allowed range. */
  message: string
}

export interface CheckDefinition {
  /** Stable id, `<category>.<element>`, e.g. 'ramp.slope'. Never reuse or rename. */
  id: string
  category: CategoryId
  title: string
  /** The requirement in the project's own zh-CN words (a paraphrase, not the code text). */
  requirement: string
  clauses: readonly ClauseRef[]
  severity: Severity
  inputs: readonly InputDefinition[]
  /**
   * Alternative input sets: when given, the check is complete only if at least one set is fully filled
   * (e.g. [['rise', 'run'], ['gradient']]). Inputs named here should be `optional`.
   */
  requires?: readonly (readonly string[])[]
  appliesWhen?: AppliesWhen
  /** Cross-field plausibility checks, run after each input passed its own range check. */
  validate?(ctx: EvalContext): InputError[]
  /** Pure: same inputs, same outcome. Called only with complete inputs. */
  evaluate(ctx: EvalContext): CheckOutcome
}

export interface CodeInfo {
  code: string
  title: string
  note: string
}

export interface Catalog {
  id: string
  name: string
  /** Version of the catalog data (bump when a figure, clause or input changes). */
  version: string
  locale: string
  codes: readonly CodeInfo[]
  categories: readonly CategoryId[]
  checks: readonly CheckDefinition[]
}

export interface CheckResult {
  checkId: string
  catalogId: string
  catalogVersion: string
  verdict: Verdict
  severity: Severity
  clauses: ClauseRef[]
  derived: DerivedValue[]
  /** zh-CN, states measured vs required */
  explanation: string
  reasons?: string[]
  advisories?: string[]
  missing?: string[]
}

export type EvaluateResponse = { ok: true; result: CheckResult } | { ok: false; errors: InputError[] }
