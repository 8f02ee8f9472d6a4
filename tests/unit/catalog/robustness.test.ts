import { describe, expect, it } from 'vitest'
import { cnGbCatalog, evaluateCheck, type InputDefinition } from '../../../shared/catalog/index'
import { rng } from './cases/build'

function randomValue(def: InputDefinition, r: () => number): unknown {
  if (r() < 0.15) return null
  if (def.kind === 'boolean') return r() < 0.5
  if (def.kind === 'choice') return def.options[Math.floor(r() * def.options.length)]!.id
  const v = def.min + r() * (def.max - def.min)
  if (def.kind === 'count') return { value: Math.round(v), unit: 'count' }
  if (def.kind === 'length') return { value: Number((v / 10).toFixed(1)), unit: 'cm' }
  return { value: Number(v.toFixed(2)), unit: def.unit }
}

describe('robustness', () => {
  it('answers every check with an empty record without throwing', () => {
    for (const c of cnGbCatalog.checks) {
      const r = evaluateCheck(c.id, {})
      expect(r.ok, c.id).toBe(true)
      if (r.ok) expect(['not-entered', 'not-applicable']).toContain(r.result.verdict)
    }
  })

  // CPU-bound (a few thousand evaluations): the ceiling is generous for a loaded shared machine, not a speed check
  it('never throws on random in-range inputs and always explains in zh-CN', { timeout: 30_000 }, () => {
    const r = rng(20240601)
    for (const c of cnGbCatalog.checks)
      for (let i = 0; i < 25; i++) {
        const inputs = Object.fromEntries(c.inputs.map((d) => [d.id, randomValue(d, r)]))
        const res = evaluateCheck(c.id, inputs)
        if (res.ok) {
          expect(res.result.explanation, c.id).toMatch(/[\u4e00-\u9fff]/)
          expect(res.result.explanation).not.toMatch(/NaN|undefined|Infinity/)
        } else for (const e of res.errors) expect(e.message, c.id).toMatch(/[\u4e00-\u9fff]/)
      }
  })
})
