import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Inspection } from '../../../shared/domain/inspections'
import { openTestCore, type TestCore } from '../../support/test-core'

let t: TestCore
let insp: Inspection

const mm = (value: number) => ({ value, unit: 'mm' })

beforeEach(async () => {
  t = openTestCore()
  const place = await t.call('places:create', { name: '区图书馆', type: 'cultural-venue' })
  insp = await t.call('inspections:create', {
    placeId: place.id,
    inspectedOn: '2026-11-20',
    inspectors: '张三',
  })
  insp = await add('ramp', '北门坡道')
})
afterEach(() => t.close())

async function add(category: 'ramp' | 'lift' | 'toilet-room', label: string): Promise<Inspection> {
  return t.call('inspections:addElement', {
    inspectionId: insp.id,
    baseVersion: insp.version,
    category,
    label,
  })
}
const el = (i: Inspection, label = '北门坡道') => i.elements.find((e) => e.label === label)!

/** The ramp's shared values (null clears one). */
async function measure(values: Record<string, ReturnType<typeof mm> | null>): Promise<Inspection> {
  return t.call('inspections:saveMeasurements', { elementId: el(insp).id, baseVersion: insp.version, values })
}

describe('measure once: a facility’s shared values are typed once and used by every check', () => {
  it('rise and run typed once judge the slope, the rise per run and the handrails', async () => {
    insp = await measure({ rise: mm(600), run: mm(7200) })
    const ramp = el(insp)
    expect(ramp.measurements).toEqual({ rise: mm(600), run: mm(7200) })
    expect(ramp.checks['ramp.slope']).toMatchObject({ inputs: { rise: mm(600), run: mm(7200) } })
    expect(ramp.checks['ramp.slope']?.result?.verdict).toBe('pass')
    expect(ramp.checks['ramp.rise-per-run']?.result?.verdict).toBe('pass')
    // Handrails need their own answers: judged with the rise, still 未填写 for both sides and continuity.
    expect(ramp.checks['ramp.handrails']?.inputs).toEqual({ rise: mm(600), run: mm(7200) })
    expect(ramp.checks['ramp.handrails']?.result).toMatchObject({
      verdict: 'not-entered',
      missing: expect.arrayContaining(['bothSides', 'continuous']),
    })
    // A check that uses no shared value is untouched.
    expect(ramp.checks['ramp.clear-width']).toBeUndefined()
  })

  it('a check’s own save keeps the shared values, and a shared value sent with a check changes it for all', async () => {
    insp = await measure({ rise: mm(600), run: mm(7200) })
    insp = await t.call('inspections:saveCheck', {
      elementId: el(insp).id,
      baseVersion: insp.version,
      checkId: 'ramp.handrails',
      inputs: { bothSides: true, continuous: false },
      note: '北侧扶手在平台处中断',
    })
    expect(el(insp).checks['ramp.handrails']).toMatchObject({
      inputs: { rise: mm(600), run: mm(7200), bothSides: true, continuous: false },
      note: '北侧扶手在平台处中断',
    })
    expect(el(insp).checks['ramp.handrails']?.result?.verdict).toBe('fail')

    // An older client sends the whole record of one check: the rise in it is the ramp's rise.
    insp = await t.call('inspections:saveCheck', {
      elementId: el(insp).id,
      baseVersion: insp.version,
      checkId: 'ramp.slope',
      inputs: { rise: mm(900), run: mm(7200) },
    })
    expect(el(insp).measurements.rise).toEqual(mm(900))
    expect(el(insp).checks['ramp.rise-per-run']?.inputs.rise).toEqual(mm(900))
    expect(el(insp).checks['ramp.handrails']).toMatchObject({
      inputs: { rise: mm(900) },
      note: '北侧扶手在平台处中断',
    })
  })

  it('clearing a shared value clears it from every check; a check left with nothing is removed', async () => {
    insp = await measure({ rise: mm(300), run: mm(3600) })
    insp = await measure({ rise: null, run: null })
    expect(el(insp).measurements).toEqual({})
    expect(el(insp).checks).toEqual({})
  })

  it('takes a toilet room’s area in m² when its length and width were not measured', async () => {
    insp = await add('toilet-room', '一层无障碍厕所')
    const room = () => el(insp, '一层无障碍厕所')
    const saveArea = async (value: number) =>
      (insp = await t.call('inspections:saveCheck', {
        elementId: room().id,
        baseVersion: insp.version,
        checkId: 'toilet-room.area',
        inputs: { area: { value, unit: 'm2' } },
      }))
    await saveArea(3.6)
    const small = room().checks['toilet-room.area']!
    expect(small.inputs).toEqual({ area: { value: 3.6, unit: 'm2' } })
    expect(small.result?.verdict).toBe('fail')
    expect(small.result?.explanation).toContain('3.60 m²')
    await saveArea(4.5)
    expect(room().checks['toilet-room.area']?.result?.verdict).toBe('pass')
  })

  it('refuses a value one of the checks refuses, naming that check; nothing is written', async () => {
    const before = insp.version
    const error = await t.fail('inspections:saveMeasurements', {
      elementId: el(insp).id,
      baseVersion: insp.version,
      values: { rise: mm(30000) },
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('高差 须在')
    expect(error.fields?.[0]?.path).toBe('values.rise')
    const again = await t.call('inspections:get', { id: insp.id })
    expect(again.version).toBe(before)
    expect(el(again).measurements).toEqual({})
    expect(el(again).checks).toEqual({})
  })

  it('refuses an id that is not a shared value of the facility', async () => {
    const error = await t.fail('inspections:saveMeasurements', {
      elementId: el(insp).id,
      baseVersion: insp.version,
      values: { width: mm(1200) },
    })
    expect(error.message).toContain('不是该设施的共用测量值')
  })

  it('keeps apart one id that means two things (the lift car’s width and the lift door’s width)', async () => {
    insp = await add('lift', '1号电梯')
    insp = await t.call('inspections:saveCheck', {
      elementId: el(insp, '1号电梯').id,
      baseVersion: insp.version,
      checkId: 'lift.car-size',
      inputs: { carType: 'wheelchair', width: mm(1100), depth: mm(1400) },
    })
    expect(el(insp, '1号电梯').checks['lift.door-width']).toBeUndefined()
    expect(el(insp, '1号电梯').measurements).toEqual({})
  })

  it('the submit judges every check with the facility’s values, also for records saved check by check before', async () => {
    // A draft saved before measure once: the rise only in the slope check, so 每段提升高度 was never judged.
    insp = await t.call('inspections:saveCheck', {
      elementId: el(insp).id,
      baseVersion: insp.version,
      checkId: 'ramp.clear-width',
      inputs: { width: mm(1200) },
    })
    t.core.ctx.db
      .prepare(
        `INSERT INTO check_values (element_id, check_id, inputs_json, result_json, verdict, updated_at)
         VALUES (?, 'ramp.slope', ?, NULL, 'fail', 'x')`,
      )
      .run(el(insp).id, JSON.stringify({ rise: mm(300), run: mm(2400) }))
    const shown = await t.call('inspections:get', { id: insp.id })
    expect(el(shown).measurements).toEqual({ rise: mm(300), run: mm(2400) })
    expect(el(shown).checks['ramp.rise-per-run']).toBeUndefined()
    const submitted = await t.call('inspections:submit', { id: insp.id, baseVersion: shown.version })
    // 每段提升高度 is judged with the ramp's rise and run at submit, as the screen showed it.
    const perRun = el(submitted).checks['ramp.rise-per-run']
    expect(perRun?.inputs).toEqual({ rise: mm(300), run: mm(2400) })
    const fails = Object.values(el(submitted).checks).filter((c) => c.result?.verdict === 'fail')
    const findings = await t.call('findings:list', { inspectionId: insp.id })
    expect(findings.map((f) => f.checkId).sort()).toEqual(fails.map((c) => c.checkId).sort())
  })
})
