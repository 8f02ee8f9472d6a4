import { describe, expect, it } from 'vitest'
import { cnGbCatalog, evaluateCheck } from '../../../shared/catalog/index'
import type { CaseTable } from './cases/build'
import { coverageCases } from './cases/coverage'
import { curbRampCases } from './cases/curb-ramps'
import { doorHandrailLiftCases } from './cases/doors-handrails-lifts'
import { parkingCounterSignageCases } from './cases/parking-counters-signage'
import { rampCases } from './cases/ramps'
import { signalEntranceRouteCases } from './cases/signals-entrances-routes'
import { tactileCases } from './cases/tactile'
import { toiletCases } from './cases/toilets'

const tables: Record<string, CaseTable> = {
  ramps: rampCases,
  'curb ramps': curbRampCases,
  'tactile paving': tactileCases,
  'signals, entrances, routes': signalEntranceRouteCases,
  'doors, handrails, lifts': doorHandrailLiftCases,
  toilets: toiletCases,
  'parking, counters, signage': parkingCounterSignageCases,
  'stairs, platform lifts, public toilets, bathing, guest rooms, seating, information': coverageCases,
}

const allCases: CaseTable = Object.assign({}, ...Object.values(tables))

for (const [group, table] of Object.entries(tables)) {
  describe(`boundaries: ${group}`, () => {
    for (const [checkId, cases] of Object.entries(table)) {
      describe(checkId, () => {
        it.each(cases.map((k) => [k.name, k] as const))('%s', (_name, k) => {
          const response = evaluateCheck(checkId, k.inputs)
          if (!response.ok) throw new Error(`unexpected input errors: ${JSON.stringify(response.errors)}`)
          const { result } = response
          expect(result.verdict).toBe(k.verdict)
          expect(result.explanation).toMatch(/[\u4e00-\u9fff]/)
          if (k.explanation) expect(result.explanation).toMatch(k.explanation)
          if (k.reason) expect(result.reasons?.some((r) => k.reason!.test(r))).toBe(true)
          if (k.advisory === true) expect(result.advisories?.length ?? 0).toBeGreaterThan(0)
          if (k.advisory === false) expect(result.advisories).toBeUndefined()
          if (k.verdict === 'needs-review') expect(result.reasons?.length ?? 0).toBeGreaterThan(0)
          if (k.verdict === 'not-entered') expect(result.missing?.length ?? 0).toBeGreaterThan(0)
        })
      })
    }
  })
}

describe('boundary coverage', () => {
  it('has boundary cases for every check in the catalog', () => {
    const untested = cnGbCatalog.checks.map((c) => c.id).filter((id) => !(id in allCases))
    expect(untested).toEqual([])
  })

  it('only names checks that exist', () => {
    const ids = new Set(cnGbCatalog.checks.map((c) => c.id))
    expect(Object.keys(allCases).filter((id) => !ids.has(id))).toEqual([])
  })

  it('has at least two cases per check, with different outcomes', () => {
    for (const [id, cases] of Object.entries(allCases)) {
      const explanations = new Set(
        cases.map((k) => {
          const r = evaluateCheck(id, k.inputs)
          return r.ok ? `${r.result.verdict}|${r.result.explanation}` : 'error'
        }),
      )
      expect(explanations.size, id).toBeGreaterThan(1)
    }
  })
})
