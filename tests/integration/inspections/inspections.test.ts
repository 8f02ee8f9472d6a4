import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checksForCategory } from '../../../shared/catalog/index'
import type { Inspection } from '../../../shared/domain/inspections'
import { openTestCore, type TestCore } from '../../support/test-core'

let t: TestCore
let placeId: number

beforeEach(async () => {
  t = openTestCore()
  const unit = (await t.call('units:list', { search: '政务服务局' }))[0]
  const place = await t.call('places:create', {
    name: '区政务服务大厅',
    type: 'government-service-hall',
    unitId: unit?.id,
  })
  placeId = place.id
})
afterEach(() => t.close())

const mm = (value: number) => ({ value, unit: 'mm' })

async function newInspection(inspectedOn = '2026-11-20'): Promise<Inspection> {
  return t.call('inspections:create', { placeId, inspectedOn, inspectors: '张三、李四' })
}

async function addRamp(inspection: Inspection, label: string): Promise<Inspection> {
  return t.call('inspections:addElement', {
    inspectionId: inspection.id,
    baseVersion: inspection.version,
    category: 'ramp',
    label,
  })
}

/** The checks of a facility that fail. */
function failing(inspection: Inspection, label: string): string[] {
  return Object.values(element(inspection, label).checks)
    .filter((c) => c.result?.verdict === 'fail')
    .map((c) => c.checkId)
}

function element(inspection: Inspection, label: string) {
  const found = inspection.elements.find((e) => e.label === label)
  if (!found) throw new Error(`no element ${label}`)
  return found
}

async function saveSlope(
  inspection: Inspection,
  label: string,
  rise: number,
  run: number,
): Promise<Inspection> {
  return t.call('inspections:saveCheck', {
    elementId: element(inspection, label).id,
    baseVersion: inspection.version,
    checkId: 'ramp.slope',
    inputs: { rise: mm(rise), run: mm(run) },
  })
}

describe('site inspections', () => {
  it('records the catalog version, evaluates saved measurements and keeps the clause', async () => {
    let insp = await newInspection()
    expect(insp).toMatchObject({
      status: 'draft',
      catalogId: expect.any(String),
      catalogVersion: expect.any(String),
      version: 1,
    })
    insp = await addRamp(insp, '北门坡道')
    insp = await saveSlope(insp, '北门坡道', 300, 2400) // 1:8
    const entry = element(insp, '北门坡道').checks['ramp.slope']
    expect(entry?.result?.verdict).toBe('fail')
    expect(entry?.result?.explanation).toContain('1:8')
    expect(entry?.result?.clauses.map((c) => c.clause).length).toBeGreaterThan(0)
    // Rise and run are the ramp's, measured once: 每段提升高度 is judged with them too.
    expect(element(insp, '北门坡道').checks['ramp.rise-per-run']?.inputs).toEqual({
      rise: mm(300),
      run: mm(2400),
    })
    expect(insp.failCount).toBe(failing(insp, '北门坡道').length)
  })

  it('refuses an implausible value with the range, and keeps the last valid value', async () => {
    let insp = await addRamp(await newInspection(), '南门坡道')
    insp = await saveSlope(insp, '南门坡道', 300, 3600)
    const error = await t.fail('inspections:saveCheck', {
      elementId: element(insp, '南门坡道').id,
      baseVersion: insp.version,
      checkId: 'ramp.slope',
      inputs: { rise: mm(30000), run: mm(3600) },
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.fields?.[0]?.path).toBe('inputs.rise')
    expect(error.message).toMatch(/\d/)
    const again = await t.call('inspections:get', { id: insp.id })
    expect(element(again, '南门坡道').checks['ramp.slope']?.inputs).toEqual({ rise: mm(300), run: mm(3600) })
    expect(again.version).toBe(insp.version)
  })

  it('refuses a non-number in a number field and a check of another category', async () => {
    const insp = await addRamp(await newInspection(), '坡道')
    const el = element(insp, '坡道')
    const notNumber = await t.fail('inspections:saveCheck', {
      elementId: el.id,
      baseVersion: insp.version,
      checkId: 'ramp.slope',
      inputs: { rise: { value: 'abc', unit: 'mm' } },
    })
    expect(notNumber.code).toBe('VALIDATION')
    const wrongCategory = await t.fail('inspections:saveCheck', {
      elementId: el.id,
      baseVersion: insp.version,
      checkId: 'toilet-room.area',
      inputs: {},
    })
    expect(wrongCategory.message).toContain('不属于该设施类别')
  })

  it('detects two windows editing the same inspection (last-writer detection)', async () => {
    const insp = await addRamp(await newInspection(), '坡道')
    await saveSlope(insp, '坡道', 300, 3600) // window A, based on insp.version
    const error = await t.fail('inspections:saveCheck', {
      elementId: element(insp, '坡道').id,
      baseVersion: insp.version, // window B still holds the old version
      checkId: 'ramp.slope',
      inputs: { rise: mm(100), run: mm(1000) },
    })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('其他窗口')
    const now = await t.call('inspections:get', { id: insp.id })
    expect(element(now, '坡道').checks['ramp.slope']?.inputs).toEqual({ rise: mm(300), run: mm(3600) })
  })

  it('submits: read-only afterwards, fails and confirmed reviews become findings with the unit', async () => {
    let insp = await addRamp(await newInspection(), '北门坡道')
    insp = await addRamp(insp, '南门坡道')
    insp = await saveSlope(insp, '北门坡道', 300, 2400) // fail
    insp = await saveSlope(insp, '南门坡道', 300, 3600) // pass
    insp = await t.call('inspections:submit', { id: insp.id, baseVersion: insp.version })
    expect(insp.status).toBe('submitted')
    const findings = await t.call('findings:list', { inspectionId: insp.id })
    // A finding for each failing check, all of 北门坡道 (the slope among them).
    expect(findings.map((f) => f.checkId).sort()).toEqual(failing(insp, '北门坡道').sort())
    expect(findings.find((f) => f.checkId === 'ramp.slope')).toMatchObject({
      source: 'site',
      title: '北门坡道：轮椅坡道纵向坡度',
      placeName: '区政务服务大厅',
      unitName: '乌达区政务服务局',
      needsReview: false,
      evidence: { inputs: { rise: mm(300), run: mm(2400) } },
    })
    expect(findings.every((f) => f.clauses.length > 0)).toBe(true)
    const locked = await t.fail('inspections:saveCheck', {
      elementId: element(insp, '北门坡道').id,
      baseVersion: insp.version,
      checkId: 'ramp.slope',
      inputs: {},
    })
    expect(locked).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已提交') })
  })

  it('refuses to submit an empty inspection', async () => {
    const insp = await newInspection()
    const error = await t.fail('inspections:submit', { id: insp.id, baseVersion: insp.version })
    expect(error.message).toContain('还没有任何设施')
    expect((await t.call('inspections:get', { id: insp.id })).status).toBe('draft')
  })

  it('a correction is a new revision; its findings replace the original ones', async () => {
    let insp = await addRamp(await newInspection(), '北门坡道')
    insp = await saveSlope(insp, '北门坡道', 300, 2400)
    insp = await t.call('inspections:submit', { id: insp.id, baseVersion: insp.version })
    let revision = await t.call('inspections:revise', { id: insp.id })
    expect(revision).toMatchObject({ status: 'draft', revisionOf: insp.id })
    expect(element(revision, '北门坡道').checks['ramp.slope']?.result?.verdict).toBe('fail')
    revision = await saveSlope(revision, '北门坡道', 300, 3600) // the measurement was misread
    revision = await t.call('inspections:submit', { id: revision.id, baseVersion: revision.version })
    expect(await t.call('findings:list', { placeId })).toEqual([])
    expect((await t.call('inspections:get', { id: insp.id })).supersededBy).toBe(revision.id)
    expect((await t.fail('inspections:revise', { id: insp.id })).code).toBe('CONFLICT')
  })

  it('re-inspection starts from the previous elements and shows fixed, still failing and new', async () => {
    let first = await addRamp(await newInspection('2026-06-01'), '北门坡道')
    first = await addRamp(first, '南门坡道')
    first = await saveSlope(first, '北门坡道', 300, 2400) // fail
    first = await saveSlope(first, '南门坡道', 300, 2400) // fail
    first = await t.call('inspections:submit', { id: first.id, baseVersion: first.version })

    let second = await newInspection('2026-11-20')
    expect(second.previousInspectionId).toBe(first.id)
    expect(second.elements.map((e) => e.label)).toEqual(['北门坡道', '南门坡道'])
    second = await saveSlope(second, '北门坡道', 300, 3600) // fixed
    second = await saveSlope(second, '南门坡道', 300, 2000) // still failing
    second = await t.call('inspections:saveCheck', {
      elementId: element(second, '南门坡道').id,
      baseVersion: second.version,
      checkId: 'ramp.clear-width',
      inputs: { width: { value: 0.8, unit: 'm' } },
    })
    const comparison = await t.call('inspections:compare', { id: second.id })
    const status = (label: string, checkId: string) =>
      comparison.rows.find((r) => r.elementLabel === label && r.checkId === checkId)?.status
    expect(status('北门坡道', 'ramp.slope')).toBe('fixed')
    expect(status('南门坡道', 'ramp.slope')).toBe('still-failing')
    expect(status('南门坡道', 'ramp.clear-width')).toBe('new')
    const previous = comparison.rows.find((r) => r.elementLabel === '北门坡道')?.previous
    expect(previous?.inputs).toEqual({ rise: mm(300), run: mm(2400) })

    second = await t.call('inspections:submit', { id: second.id, baseVersion: second.version })
    const findings = await t.call('findings:list', { inspectionId: second.id })
    const firstFindings = await t.call('findings:list', { inspectionId: first.id })
    const southKey = firstFindings.find((f) => f.title.startsWith('南门坡道'))?.matchKey
    expect(findings.some((f) => f.matchKey === southKey)).toBe(true) // same problem, same key across inspections
  })

  it('lists inspections with counts and filters', async () => {
    let insp = await addRamp(await newInspection(), '坡道')
    insp = await saveSlope(insp, '坡道', 300, 2400)
    const list = await t.call('inspections:list', { placeId })
    // Every ramp check of the catalog: those judged with the rise and run are entered, the rest are 未填写.
    const judged = Object.values(element(insp, '坡道').checks).filter(
      (c) => c.result?.verdict !== 'not-entered',
    )
    expect(list).toEqual([
      expect.objectContaining({
        id: insp.id,
        placeName: '区政务服务大厅',
        elementCount: 1,
        failCount: failing(insp, '坡道').length,
        reviewCount: 0,
        notEnteredCount: checksForCategory(insp.catalogId, 'ramp').length - judged.length,
      }),
    ])
    expect(await t.call('inspections:list', { status: 'submitted' })).toEqual([])
    expect((await t.call('inspections:list', { search: '张三' })).length).toBe(1)
  })
})
