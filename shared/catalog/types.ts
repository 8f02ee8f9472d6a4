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
  /** Set when another clause replaces this one: shown as 仅供参考 (for reference only), never a basis. */
  supersededBy?: string
  note?: string
  /**
   * In a result's deciding clauses only: the figure the outcome was judged against, as printed (e.g. '≥ 1.20 m',
   * '≤ 1:12（8.33%）', '850–1000 mm'); absent for yes/no requirements. Optional so stored results stay valid.
   */
  figure?: string
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

/**
 * A yes/no or choice input that selects WHICH requirement applies (the kind of project, of place, of element) rather
 * than recording a measurement. While it is blank the engine judges every option: when all of them fail, the check
 * fails (fail first); when all of them give the same answer, the blank does not matter.
 */
interface ContextFlag {
  context?: boolean
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
  /**
   * Measuring tolerance in the canonical unit when this input is read with a finer (or coarser) instrument than its
   * unit suggests, e.g. a depth gauge ±0.1 mm for tactile bars; default: readingTolerances by typed unit.
   */
  tolerance?: { amount: number; source: string }
}

export interface BooleanInputDefinition extends InputBase, ContextFlag {
  kind: 'boolean'
}

export interface ChoiceOption {
  id: string
  label: string
}

export interface ChoiceInputDefinition extends InputBase, ContextFlag {
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

/**
 * A measured value with the range the true value lies in, given the instrument (canonical unit): a tape reading of
 * 899 mm is (898, 900) mm; an inclinometer reading of 1.15° is (1.05°, 1.25°) converted to %. `lo < value < hi`
 * (open bounds); exact values (counts) have lo = hi = value. `source` names the tolerance in zh-CN for explanations.
 */
export interface Reading {
  value: number
  lo: number
  hi: number
  /** zh-CN, e.g. '长度读数 ±1 mm', '坡度仪读数 ±0.1°'; '' for exact values */
  source: string
}

/** Read access to validated inputs; numbers come converted to the input's canonical unit. */
export interface EvalContext {
  has(id: string): boolean
  /** Throws a blank-input signal when blank: the engine then treats the part that needed it as not entered. */
  num(id: string): number
  optNum(id: string): number | undefined
  /** The value with its measuring tolerance (see Reading); throws like num when blank. */
  reading(id: string): Reading
  optReading(id: string): Reading | undefined
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

/** What a check's evaluator returns; the engine adds severity and catalog data. */
export interface CheckOutcome {
  verdict: Verdict
  explanation: string
  /**
   * The deciding clauses with the figure used: for fail the clauses whose figures the value breaks, for pass those
   * whose figures were met, for needs-review those an expert must judge against. Never a superseded clause.
   */
  basis?: ClauseRef[]
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
  /**
   * For each context input (see ContextFlag): its options from the least to the most demanding requirement. A fail
   * that holds for every option is explained with the least demanding one (its figure is surely broken); a pass that
   * holds for every option with the most demanding one (its figure is surely met).
   */
  leniency?: Readonly<Record<string, readonly (string | boolean)[]>>
  /**
   * One cause, one failure: requirements of another check of the same element that this check leaves to it
   * (e.g. ramp.rise-per-run leaves the slope and the 1:10 relaxation to ramp.slope). Documentation, listed in the
   * catalog JSON; the evaluator does not judge them.
   */
  defersTo?: readonly { checkId: string; what: string }[]
  /**
   * The single-reading limits the check judges, as data (set by measureCheck): listed in the catalog JSON and used by
   * the generated boundary tests (just inside, at, within the measuring tolerance, just outside).
   */
  limits?: readonly LimitSpec[]
  /** Cross-field plausibility checks, run after each input passed its own range check. */
  validate?(ctx: EvalContext): InputError[]
  /**
   * Pure: same inputs, same outcome. May be called with blank inputs: reading a blank one throws a signal the engine
   * catches (the part is not entered); `allOf` keeps independent requirements apart so a filled one can still fail.
   */
  evaluate(ctx: EvalContext): CheckOutcome
}

export interface LimitSpec {
  input: string
  min?: number
  max?: number
  minExclusive?: boolean
  maxExclusive?: boolean
  /** 宜: outside gives a note, never a fail */
  advisory?: boolean
  /** not confirmed against the code text: always needs-review */
  lowConfidence?: boolean
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
  /**
   * The deciding clauses of this outcome only, each with its 款 and the figure used (see CheckOutcome.basis); empty
   * when nothing was decided (not-entered, not-applicable). Results stored by catalog 1.x list every clause here.
   */
  clauses: ClauseRef[]
  /** Every clause of the check, for the screen (superseded ones marked); absent in results stored by catalog 1.x. */
  referenceClauses?: ClauseRef[]
  derived: DerivedValue[]
  /** zh-CN, states measured vs required */
  explanation: string
  reasons?: string[]
  advisories?: string[]
  missing?: string[]
}

export type EvaluateResponse = { ok: true; result: CheckResult } | { ok: false; errors: InputError[] }
