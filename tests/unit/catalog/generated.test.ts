import { describe, expect, it } from 'vitest'
import {
  cnGbCatalog,
  evaluateCheck,
  type CheckDefinition,
  type CheckResult,
  type InputDefinition,
  type NumericInputDefinition,
} from '../../../shared/catalog/index'
import { readingTolerances } from '../../../shared/catalog/units'
import { rng, type Case, type CaseTable } from './cases/build'
import { coverageCases } from './cases/coverage'
import { curbRampCases } from './cases/curb-ramps'
import { doorHandrailLiftCases } from './cases/doors-handrails-lifts'
import { parkingCounterSignageCases } from './cases/parking-counters-signage'
import { rampCases } from './cases/ramps'
import { signalEntranceRouteCases } from './cases/signals-entrances-routes'
import { tactileCases } from './cases/tactile'
import { toiletCases } from './cases/toilets'

/*
 * Tests generated from the catalog data and the boundary tables, for every check:
 * - fail first: a failing value stays a fail when its companions are blank, exactly when every way of filling the
 *   blanks fails (checked against a brute-force oracle over the blanks' options and sampled values);
 * - boundaries of every single-reading limit: just inside, at, within the measuring tolerance, just outside;
 * - what every result may say: deciding clauses, plain zh-CN, figures that never contradict the verdict.
 */

const tables: CaseTable = Object.assign(
  {},
  rampCases,
  curbRampCases,
  tactileCases,
  signalEntranceRouteCases,
  doorHandrailLiftCases,
  toiletCases,
  parkingCounterSignageCases,
  coverageCases,
)

const checks = cnGbCatalog.checks

function evaluate(check: CheckDefinition, inputs: Record<string, unknown>): CheckResult | null {
  const r = evaluateCheck(check.id, inputs)
  return r.ok ? r.result : null
}

// ── fail first ──

/** Checks whose every figure is unconfirmed or absent: they never fail a place, whatever is typed. */
const neverFail = new Set([
  'audible-signal.acoustics',
  'audible-signal.operation',
  'entrance.bollard-spacing',
  'toilet-stall.grab-bar-height',
  'toilet-fixture.washbasin-rim',
  'bathing.shower-room',
  'seating.size',
  'stairs.marking',
  'tactile-directional.width',
  'tactile-directional.side-offset',
])

/**
 * Checks whose every companion input can still make the requirement inapplicable or met, so no filled value fails
 * while they are blank (the oracle above checks each variant; this names the reason once per check).
 */
const noFailWithBlanks: Record<string, string> = {
  'ramp.landing-width': '平台净宽只与同一坡道的通行净宽相比，后者空白时无从比较',
  'ramp.edge-protection': '是否有临空侧决定本项是否适用',
  'curb-ramp.provision': '有无高差决定本项是否适用',
  'curb-ramp.width': '类型决定所依据的款，类型空白时不能假定',
  'tactile-warning.width': '行进盲道宽度决定本项是否适用',
  'tactile-warning.stair-offset': '主要供视觉障碍者使用的楼梯只能待复核，一般楼梯只作提示',
  'entrance.landing-depth': '是否为平坡出入口决定本项是否适用',
  'route.level-change': '有无高差决定本项是否适用',
  'route.low-headroom': '净高决定本项是否适用',
  'route.protrusion': '突出物底面高度决定本项是否适用',
  'door.opening-force': '防火门不受开门力限制',
  'handrail.stairs-provision': '踏步级数和主要使用者决定本项是否适用',
  'lift.provision': '是否为设有电梯的公共建筑决定本项是否适用',
  'public-toilet.per-floor': '是否为公共建筑决定本项是否适用',
  'information.text-backup': '是否为以声音为主的服务决定本项是否适用',
  'information.audio-backup': '是否为以视觉为主的服务决定本项是否适用',
}

/** Values to try for a blank input: every option, or a grid over the plausible range plus every value the tables use. */
function candidates(check: CheckDefinition, def: InputDefinition): unknown[] {
  if (def.kind === 'boolean') return [true, false]
  if (def.kind === 'choice') return def.options.map((o) => o.id)
  const grid = Array.from({ length: 9 }, (_, i) => def.min + ((def.max - def.min) * i) / 8).map((v) => ({
    value: def.kind === 'count' ? Math.round(v) : v,
    unit: def.unit,
  }))
  // counts: also every small number (a car park of 700 spaces with 7 accessible ones)
  if (def.kind === 'count')
    for (let n = def.min; n <= Math.min(def.max, def.min + 12); n++) grid.push({ value: n, unit: def.unit })
  const fromTables = (tables[check.id] ?? []).map((k) => k.inputs[def.id]).filter((v) => v != null)
  return [...grid, ...fromTables]
}

/**
 * Completions of the blank inputs: all of them when there are at most `limit` (exhaustive), else `limit` random ones
 * (then only soundness can be checked: a sample may miss the one value that passes).
 */
function completions(
  check: CheckDefinition,
  blanks: readonly InputDefinition[],
  limit: number,
  seed: number,
) {
  const lists = blanks.map((d) => candidates(check, d))
  const total = lists.reduce((n, l) => n * l.length, 1)
  if (total <= limit) {
    let acc: Record<string, unknown>[] = [{}]
    blanks.forEach((d, i) => {
      acc = acc.flatMap((a) => lists[i]!.map((v) => ({ ...a, [d.id]: v })))
    })
    return { exhaustive: true, records: acc }
  }
  const r = rng(seed)
  const records: Record<string, unknown>[] = []
  for (let n = 0; n < 40; n++)
    records.push(
      Object.fromEntries(blanks.map((d, i) => [d.id, lists[i]![Math.floor(r() * lists[i]!.length)]])),
    )
  return { exhaustive: false, records }
}

/**
 * The blank inputs a completion may fill: all of them, except the inputs of an alternative set when another set is
 * already complete (a gradient reading makes rise and run unnecessary; typed later they would replace it).
 */
function blanksToFill(check: CheckDefinition, inputs: Record<string, unknown>): InputDefinition[] {
  const blank = check.inputs.filter((d) => inputs[d.id] === undefined)
  const sets = check.requires ?? []
  const complete = sets.find((set) => set.every((id) => inputs[id] !== undefined))
  if (!complete) return blank
  const alternative = new Set(sets.flat().filter((id) => !complete.includes(id)))
  return blank.filter((d) => !alternative.has(d.id))
}

/** The fail cases of a check, and for each the records with some companions blanked: all but one, or one. */
function blankedVariants(check: CheckDefinition): { name: string; inputs: Record<string, unknown> }[] {
  const fails = (tables[check.id] ?? []).filter((k) => k.verdict === 'fail').slice(0, 3)
  const out: { name: string; inputs: Record<string, unknown> }[] = []
  for (const k of fails) {
    const filled = Object.keys(k.inputs).filter((id) => k.inputs[id] != null)
    const others = check.inputs.map((d) => d.id).filter((id) => !filled.includes(id))
    const keepOne = filled.map((keep) => [keep])
    const dropOne = filled.length > 2 ? filled.map((drop) => filled.filter((id) => id !== drop)) : []
    for (const kept of [...keepOne, ...dropOne]) {
      if (kept.length === filled.length && !others.length) continue
      out.push({
        name: `${k.name} — only ${kept.join(', ')}`,
        inputs: Object.fromEntries(kept.map((id) => [id, k.inputs[id]])),
      })
    }
  }
  return out
}

describe('fail first (generated for every check)', () => {
  for (const check of checks) {
    const variants = blankedVariants(check)
    describe(check.id, () => {
      if (variants.length)
        it.each(variants.map((v) => [v.name, v] as const))('%s', (_name, v) => {
          const result = evaluate(check, v.inputs)
          if (!result) return // a partial record may already be implausible on its own
          const blanks = blanksToFill(check, v.inputs)
          const { exhaustive, records } = completions(check, blanks, 600, v.name.length)
          const tried = records
            .map((c) => ({ c, result: evaluate(check, { ...v.inputs, ...c }) }))
            .filter((x) => x.result !== null)
            .map((x) => ({ c: x.c, verdict: x.result!.verdict, clauses: x.result!.clauses }))
          // a fail must name a clause that is broken whatever the blanks are (the kind of place in parking.count
          // selects the clause itself, so a blank one cannot be assumed)
          const key = (c: { code: string; clause: string; item?: string }) =>
            `${c.code} ${c.clause} ${c.item ?? ''}`
          const common = tried.length
            ? tried
                .map((x) => new Set(x.clauses.map(key)))
                .reduce((a, b) => new Set([...a].filter((k) => b.has(k))))
            : new Set<string>()
          const allFail =
            exhaustive && tried.length > 0 && tried.every((x) => x.verdict === 'fail') && common.size > 0
          if (result.verdict === 'fail') {
            // sound: a fail with blanks must hold whatever the blanks turn out to be
            expect(
              tried.find((x) => x.verdict !== 'fail'),
              'a completion that does not fail',
            ).toBeUndefined()
            const required = check.inputs.filter((d) => !d.optional && v.inputs[d.id] === undefined)
            for (const d of required)
              expect(result.missing ?? [], 'a blank required input is listed').toContain(d.id)
          } else {
            // complete: when every completion fails, the filled values already fail
            expect(allFail, `every completion fails, but the verdict is ${result.verdict}`).toBe(false)
          }
        })

      if (noFailWithBlanks[check.id])
        it(`cannot fail with its companions blank: ${noFailWithBlanks[check.id]}`, () => {
          expect(variants.filter((v) => evaluate(check, v.inputs)?.verdict === 'fail')).toEqual([])
        })
      else if (neverFail.has(check.id))
        it('never fails (its figures are not confirmed against the code text)', () => {
          expect((tables[check.id] ?? []).filter((k) => k.verdict === 'fail')).toEqual([])
        })
      else if (check.inputs.length === 1)
        it('has no companion inputs: its failing value fails', () => {
          const fails = (tables[check.id] ?? []).filter((k) => k.verdict === 'fail')
          expect(fails.length).toBeGreaterThan(0)
          for (const k of fails) expect(evaluate(check, k.inputs)?.verdict, k.name).toBe('fail')
        })
      else
        it('a failing filled value with blank companions gives fail', () => {
          const failing = variants.filter((v) => evaluate(check, v.inputs)?.verdict === 'fail')
          expect(failing.length, 'no fail case keeps failing with companions blank').toBeGreaterThan(0)
        })
    })
  }

  it('checks that never fail really never fail', () => {
    const r = rng(7)
    for (const id of neverFail) {
      const check = checks.find((c) => c.id === id)!
      for (const inputs of completions(check, check.inputs, 120, 11 + Math.floor(r() * 100)).records)
        expect(evaluate(check, inputs)?.verdict, `${id} ${JSON.stringify(inputs)}`).not.toBe('fail')
    }
  })
})

// ── boundaries of single-reading limits ──

/** The tolerance of a reading typed in the input's canonical unit (its own, or the unit's default). */
function toleranceOf(def: NumericInputDefinition): number {
  if (def.tolerance) return def.tolerance.amount
  const t = readingTolerances[def.unit]
  return t.in === def.unit ? t.amount : def.unit === 'mm' ? t.amount : 0
}

describe('boundaries of every single-reading limit (generated)', () => {
  const limited = checks.filter((c) => c.limits?.length)
  it('covers the measure checks', () => {
    expect(limited.length).toBeGreaterThan(30)
  })
  for (const check of limited)
    for (const limit of check.limits!) {
      const def = check.inputs.find((d) => d.id === limit.input) as NumericInputDefinition
      // the other inputs as in a table case that reaches a verdict on this input (applicability answered)
      const base: Case | undefined = (tables[check.id] ?? []).find(
        (k) => k.inputs[def.id] !== undefined && k.verdict !== 'not-applicable',
      )
      const rest = { ...(base?.inputs ?? {}) }
      delete rest[def.id]
      const t = toleranceOf(def)
      const at = (value: number) => evaluate(check, { ...rest, [def.id]: { value, unit: def.unit } })
      const beyond = limit.advisory ? 'pass' : limit.lowConfidence ? 'needs-review' : 'fail'
      const inside = limit.lowConfidence ? 'needs-review' : 'pass'
      const near = limit.advisory ? 'pass' : 'needs-review'
      const step = t > 0 ? t : (def.step ?? 1)
      describe(`${check.id} ${def.id}`, () => {
        if (limit.min !== undefined) {
          const min = limit.min
          it(`at ${min}, just inside, within tolerance, just outside`, () => {
            if (!limit.minExclusive) expect(at(min)?.verdict).toBe(inside)
            expect(at(min + step)?.verdict).toBe(inside)
            if (t > 0) expect(at(min - t / 2)?.verdict).toBe(limit.lowConfidence ? inside : near)
            if (min - step >= def.min) expect(at(min - step)?.verdict).toBe(beyond)
          })
        }
        if (limit.max !== undefined) {
          const max = limit.max
          it(`at ${max}, just inside, within tolerance, just outside`, () => {
            if (!limit.maxExclusive) expect(at(max)?.verdict).toBe(inside)
            if (max - step >= def.min) expect(at(max - step)?.verdict).toBe(inside)
            if (t > 0) expect(at(max + t / 2)?.verdict).toBe(limit.lowConfidence ? inside : near)
            expect(at(max + step)?.verdict).toBe(beyond)
          })
        }
      })
    }
})

// ── what every result may say ──

const INTERNAL =
  /可信度|记忆值|候选|设计模板|二手资料|参考资料|未取得|本工具|本目录|事实表|fact sheet|confidence|undefined|NaN|Infinity|null/i
const BROKEN = /：。|。。|；；|，，|：；|；。|：$|；$|高出 -|（）/

function allResults(): { where: string; result: CheckResult; check: CheckDefinition }[] {
  const out: { where: string; result: CheckResult; check: CheckDefinition }[] = []
  for (const check of checks) {
    for (const k of tables[check.id] ?? []) {
      const result = evaluate(check, k.inputs)
      if (result) out.push({ where: `${check.id} / ${k.name}`, result, check })
    }
    for (const v of blankedVariants(check)) {
      const result = evaluate(check, v.inputs)
      if (result) out.push({ where: `${check.id} / ${v.name}`, result, check })
    }
  }
  return out
}

describe('every result (tables and generated variants)', () => {
  const results = allResults()

  it('cites only deciding clauses, never a superseded one; a fail never rests on an advisory or unconfirmed figure', () => {
    for (const { where, result, check } of results) {
      expect(result.referenceClauses, where).toEqual(check.clauses.map((c) => ({ ...c })))
      for (const c of result.clauses) {
        expect(c.supersededBy, where).toBeUndefined()
        expect(c.mandatory, where).toBe(c.code === 'GB 55019-2021')
      }
      if (result.verdict === 'fail') {
        expect(result.clauses.length, where).toBeGreaterThan(0)
        for (const c of result.clauses) {
          expect(c.level, where).not.toBe('A')
          expect(c.confidence, where).not.toBe('low')
        }
      }
      if (result.verdict === 'not-entered') {
        expect(result.clauses, where).toEqual([])
        expect(result.missing?.length ?? 0, where).toBeGreaterThan(0)
      }
      if (result.verdict === 'needs-review') expect(result.reasons?.length ?? 0, where).toBeGreaterThan(0)
    }
  })

  it('speaks plain, complete zh-CN: no tool internals, no broken punctuation', () => {
    for (const { where, result } of results)
      for (const text of [result.explanation, ...(result.reasons ?? []), ...(result.advisories ?? [])]) {
        expect(text, where).toMatch(/[\u4e00-\u9fff]/)
        expect(text, where).not.toMatch(INTERNAL)
        expect(text, where).not.toMatch(BROKEN)
      }
    for (const check of checks) {
      expect(check.requirement, check.id).not.toMatch(INTERNAL)
      for (const c of check.clauses) expect(c.note ?? '', `${check.id} ${c.clause}`).not.toMatch(INTERNAL)
    }
  })

  it('never shows a value beyond a limit as the limit itself (1:12（8.34%）超过 1:12; 4 m² 小于 4.00 m²)', () => {
    const sameAsLimit =
      /(\d[\d.:]*(?:（[^）]*）)?(?: ?(?:mm|m²|m|N|s|dB))?)，(?:超过|小于|须小于|须大于) \1(?!\d)/
    for (const check of checks.filter((c) => c.limits?.length))
      for (const limit of check.limits!) {
        const def = check.inputs.find((d) => d.id === limit.input) as NumericInputDefinition
        const base = (tables[check.id] ?? []).find(
          (k) => k.inputs[def.id] !== undefined && k.verdict !== 'not-applicable',
        )
        for (const edge of [limit.min, limit.max].filter((x): x is number => x !== undefined))
          for (const delta of [-0.004, -0.0004, 0.0004, 0.004]) {
            const result = evaluate(check, {
              ...base?.inputs,
              [def.id]: { value: edge * (1 + delta), unit: def.unit },
            })
            if (result) expect(result.explanation, `${check.id} ${edge} ${delta}`).not.toMatch(sameAsLimit)
          }
      }
  })
})
