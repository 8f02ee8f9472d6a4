import { describe, expect, it } from 'vitest'
import { cnGbCatalog, DEFAULT_CATALOG_ID } from '../../../shared/catalog/index'
import type { Catalog, CheckDefinition } from '../../../shared/catalog/types'
import {
  inputsForCheck,
  ownInputs,
  sameValue,
  sharedInputIds,
  sharedInputs,
} from '../../../shared/domain/inspection-measurements'
import { catalogs } from '../../../shared/catalog/registry'

const mm = (value: number) => ({ value, unit: 'mm' })
const ids = (category: Parameters<typeof sharedInputIds>[1]) => [
  ...sharedInputIds(DEFAULT_CATALOG_ID, category),
]

describe('measure once: shared inputs come from the catalog', () => {
  it('a ramp shares its rise, run and gradient reading; their checks are named', () => {
    expect(ids('ramp')).toEqual(['rise', 'run', 'gradient'])
    const rise = sharedInputs(DEFAULT_CATALOG_ID, 'ramp').find((s) => s.def.id === 'rise')!
    expect(rise.checkIds).toEqual(['ramp.slope', 'ramp.rise-per-run', 'ramp.handrails'])
    // Optional in the slope check (rise + run or a reading), required by the others: required as a whole.
    expect(rise.def.optional).toBe(false)
  })

  it('shares a choice described alike (curb ramp type, toilet project type)', () => {
    expect(ids('curb-ramp')).toEqual(['type'])
    expect(ids('toilet-room')).toContain('project')
  })

  it('keeps apart one id used for different things (lift car width vs lift door width, different labels)', () => {
    expect(ids('lift')).toEqual([])
    expect(ids('toilet-room')).not.toContain('width')
    expect(ids('toilet-room')).not.toContain('height')
    expect(ids('toilet-fixture')).toEqual([])
    expect(ids('door')).toEqual([])
  })

  it('takes the narrowest plausible range of the checks that share an input', () => {
    const base = cnGbCatalog.checks.find((c) => c.id === 'ramp.clear-width')!
    const widen = (id: string, max: number): CheckDefinition => ({
      ...base,
      id,
      inputs: [{ ...base.inputs[0]!, max } as CheckDefinition['inputs'][number]],
    })
    const test: Catalog = {
      ...cnGbCatalog,
      id: 'test-shared',
      checks: [widen('ramp.a', 5000), widen('ramp.b', 3000)],
    }
    ;(catalogs as Record<string, Catalog>)[test.id] = test
    try {
      const [shared] = sharedInputs(test.id, 'ramp')
      expect(shared?.def).toMatchObject({ id: 'width', max: 3000 })
    } finally {
      delete (catalogs as Record<string, Catalog>)[test.id]
    }
  })

  it('builds the record a check is judged with from its own and the shared values', () => {
    const slope = cnGbCatalog.checks.find((c) => c.id === 'ramp.slope')!
    const shared = sharedInputIds(DEFAULT_CATALOG_ID, 'ramp')
    expect(
      inputsForCheck(
        slope,
        { constrained: true, rise: mm(1) },
        { rise: mm(300), run: mm(3600), width: mm(9) },
        shared,
      ),
    ).toEqual({ rise: mm(300), run: mm(3600), constrained: true })
    expect(ownInputs({ rise: mm(300), constrained: false, note: null }, shared)).toEqual({
      constrained: false,
    })
  })

  it('compares values as typed: number and unit, yes/no, choice; blank equals blank', () => {
    expect(sameValue(mm(300), mm(300))).toBe(true)
    expect(sameValue(mm(300), { value: 30, unit: 'cm' })).toBe(false)
    expect(sameValue(null, undefined)).toBe(true)
    expect(sameValue(true, true)).toBe(true)
    expect(sameValue('new', 'existing')).toBe(false)
  })
})
