import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checksForCategory } from '../../../shared/catalog/index'
import type { Inspection } from '../../../shared/domain/inspections'
import { openTestCore, type TestCore } from '../../support/test-core'

let t: TestCore
let placeId: number
let first: Inspection

const mm = (value: number) => ({ value, unit: 'mm' })
const el = (i: Inspection) => i.elements[0]!

/** Last time: the ramp's rise and run (shared), its width, and its cross slope; then submitted. */
beforeEach(async () => {
  t = openTestCore()
  placeId = (await t.call('places:create', { name: '区档案馆', type: 'government-service-hall' })).id
  let insp = await t.call('inspections:create', { placeId, inspectedOn: '2026-06-01', inspectors: '张三' })
  insp = await t.call('inspections:addElement', {
    inspectionId: insp.id,
    baseVersion: insp.version,
    category: 'ramp',
    label: '北门坡道',
  })
  insp = await t.call('inspections:saveMeasurements', {
    elementId: el(insp).id,
    baseVersion: insp.version,
    values: { rise: mm(300), run: mm(3600) },
  })
  for (const [checkId, inputs] of [
    ['ramp.clear-width', { width: mm(1200) }],
    ['ramp.cross-slope', { crossSlope: { value: 1, unit: '%' } }],
  ] as const)
    insp = await t.call('inspections:saveCheck', {
      elementId: el(insp).id,
      baseVersion: insp.version,
      checkId,
      inputs,
    })
  first = await t.call('inspections:submit', { id: insp.id, baseVersion: insp.version })
})
afterEach(() => t.close())

async function reinspect(): Promise<Inspection> {
  return t.call('inspections:create', { placeId, inspectedOn: '2026-11-20', inspectors: '李四' })
}

describe('沿用上次: a re-inspection copies the last values only by a deliberate action', () => {
  it('starts blank (never copied silently); one action copies one check, marked as not re-measured', async () => {
    let second = await reinspect()
    expect(el(second).checks).toEqual({})
    expect(el(second).measurements).toEqual({})
    second = await t.call('inspections:copyPrevious', {
      elementId: el(second).id,
      baseVersion: second.version,
      checkId: 'ramp.clear-width',
    })
    expect(el(second).checks['ramp.clear-width']).toMatchObject({
      inputs: { width: mm(1200) },
      carried: ['width'],
    })
    expect(el(second).checks['ramp.clear-width']?.result?.verdict).toBe('pass')
    expect(el(second).checks['ramp.cross-slope']).toBeUndefined()
    expect(el(second).measurements).toEqual({})
  })

  it('copies the whole facility into what is blank, never over a value typed today', async () => {
    let second = await reinspect()
    second = await t.call('inspections:saveCheck', {
      elementId: el(second).id,
      baseVersion: second.version,
      checkId: 'ramp.clear-width',
      inputs: { width: mm(1100) },
    })
    second = await t.call('inspections:copyPrevious', {
      elementId: el(second).id,
      baseVersion: second.version,
    })
    const ramp = el(second)
    expect(ramp.measurements).toEqual({ rise: mm(300), run: mm(3600) })
    expect(ramp.carriedMeasurements).toEqual(['rise', 'run'])
    expect(ramp.checks['ramp.clear-width']).toMatchObject({ inputs: { width: mm(1100) }, carried: [] })
    expect(ramp.checks['ramp.cross-slope']).toMatchObject({ carried: ['crossSlope'] })
    expect(ramp.checks['ramp.slope']).toMatchObject({ carried: ['rise', 'run'] })
    expect(ramp.checks['ramp.slope']?.result?.verdict).toBe('pass')
  })

  it('a copied value measured again loses its mark; an untouched one keeps it through other saves', async () => {
    let second = await reinspect()
    second = await t.call('inspections:copyPrevious', {
      elementId: el(second).id,
      baseVersion: second.version,
    })
    second = await t.call('inspections:saveMeasurements', {
      elementId: el(second).id,
      baseVersion: second.version,
      values: { rise: mm(280), run: mm(3600) },
      carried: ['run'],
    })
    expect(el(second).carriedMeasurements).toEqual(['run'])
    // The screen re-sends the same value it was given, naming it measured (carried left out of the list).
    second = await t.call('inspections:saveCheck', {
      elementId: el(second).id,
      baseVersion: second.version,
      checkId: 'ramp.cross-slope',
      inputs: { crossSlope: { value: 1, unit: '%' } },
      carried: [],
    })
    expect(el(second).checks['ramp.cross-slope']?.carried).toEqual([])
    // A client that does not know about marks keeps them for values it did not change.
    second = await t.call('inspections:saveCheck', {
      elementId: el(second).id,
      baseVersion: second.version,
      checkId: 'ramp.clear-width',
      inputs: { width: mm(1200) },
      note: '复测前未改动',
    })
    expect(el(second).checks['ramp.clear-width']?.carried).toEqual(['width'])
  })

  it('refuses to copy into a facility that is new in this inspection', async () => {
    let second = await reinspect()
    second = await t.call('inspections:addElement', {
      inspectionId: second.id,
      baseVersion: second.version,
      category: 'ramp',
      label: '新建坡道',
    })
    const added = second.elements.find((e) => e.label === '新建坡道')!
    const error = await t.fail('inspections:copyPrevious', {
      elementId: added.id,
      baseVersion: second.version,
    })
    expect(error.message).toContain('没有上次的测量值可沿用')
  })
})

describe('submit tells the truth: gaps and counts', () => {
  it('lists not entered and not re-measured checks, and the list counts them apart from 待复核 and 不合格', async () => {
    let second = await reinspect()
    second = await t.call('inspections:copyPrevious', {
      elementId: el(second).id,
      baseVersion: second.version,
      checkId: 'ramp.clear-width',
    })
    second = await t.call('inspections:saveCheck', {
      elementId: el(second).id,
      baseVersion: second.version,
      checkId: 'ramp.landing-length',
      inputs: { landingLength: mm(1000) },
    })
    const gaps = await t.call('inspections:gaps', { id: second.id })
    // Measured last time: slope, rise per run, handrails (n/a), width, cross slope. Width is copied; the rest blank.
    expect(gaps.notRemeasured.map((g) => [g.checkId, g.entered, g.carried])).toEqual([
      ['ramp.slope', false, false],
      ['ramp.rise-per-run', false, false],
      ['ramp.cross-slope', false, false],
      ['ramp.clear-width', true, true],
      ['ramp.handrails', false, false],
    ])
    const measuredBefore = [
      'ramp.slope',
      'ramp.rise-per-run',
      'ramp.cross-slope',
      'ramp.clear-width',
      'ramp.handrails',
    ]
    expect(gaps.notEntered.map((g) => g.checkId)).toEqual(
      checksForCategory(second.catalogId, 'ramp')
        .map((c) => c.id)
        .filter((id) => !measuredBefore.includes(id) && id !== 'ramp.landing-length'),
    )
    const checks = checksForCategory(second.catalogId, 'ramp').length
    expect(gaps.counts).toEqual({ checks, notEntered: checks - 2, needsReview: 0, fail: 1 })
    const [summary] = await t.call('inspections:list', { status: 'draft' })
    expect(summary).toMatchObject({ notEnteredCount: checks - 2, reviewCount: 0, failCount: 1 })
  })

  it('counts a result stored before 未填写 existed (needs-review with blanks) as not entered, not as 待复核', async () => {
    const second = await reinspect()
    t.core.ctx.db
      .prepare(
        `INSERT INTO check_values (element_id, check_id, inputs_json, result_json, verdict, updated_at)
         VALUES (?, 'ramp.landing-width', '{}', ?, 'needs-review', 'x')`,
      )
      .run(el(second).id, JSON.stringify({ verdict: 'needs-review', missing: ['rampWidth'], derived: [] }))
    const [summary] = await t.call('inspections:list', { status: 'draft' })
    const checks = checksForCategory(second.catalogId, 'ramp').length
    expect(summary).toMatchObject({ notEnteredCount: checks, reviewCount: 0 })
    expect(first.reviewCount).toBe(0)
  })
})
