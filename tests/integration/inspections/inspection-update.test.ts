import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Inspection } from '../../../shared/domain/inspections'
import { openTestCore, type TestCore } from '../../support/test-core'
import { submitWithRamp as submitRamp } from './submit-with-ramp'

/**
 * 修改基本信息 (`inspections:update`): date, inspectors and notes of a draft, one versioned save; a date that cannot
 * be true is refused on its field and nothing is written.
 */

let t: TestCore
let placeId: number
let clock: Date

beforeEach(async () => {
  t = openTestCore()
  // Local time, just after midnight: "today" is the local calendar day whatever the machine's time zone.
  clock = new Date(2026, 10, 28, 0, 30)
  t.core.ctx.now = () => clock
  const place = await t.call('places:create', { name: '区图书馆', type: 'park' })
  placeId = place.id
})
afterEach(() => t.close())

const create = (inspectedOn: string) =>
  t.call('inspections:create', { placeId, inspectedOn, inspectors: '张伟', notes: '上午' })

const update = (
  insp: Inspection,
  changes: { inspectedOn?: string; inspectors?: string; notes?: string },
) => ({
  id: insp.id,
  baseVersion: insp.version,
  inspectedOn: insp.inspectedOn,
  inspectors: insp.inspectors,
  notes: insp.notes ?? '',
  ...changes,
})

const submitWithRamp = (insp: Inspection) => submitRamp(t, insp)

describe('inspections:update', () => {
  it('changes the date, inspectors and notes of a draft in one versioned save', async () => {
    const insp = await create('2026-11-20')
    const saved = await t.call(
      'inspections:update',
      update(insp, { inspectedOn: '2026-11-27', inspectors: '  张伟、王强 ', notes: '' }),
    )
    expect(saved).toMatchObject({
      inspectedOn: '2026-11-27',
      inspectors: '张伟、王强',
      notes: null,
      version: insp.version + 1,
    })
    expect(await t.call('inspections:get', { id: insp.id })).toEqual(saved)
    expect((await t.call('inspections:list', { placeId }))[0]?.inspectedOn).toBe('2026-11-27')
  })

  it('accepts today (the local day) and refuses a later date on its field, writing nothing', async () => {
    const insp = await create('2026-11-20')
    const refused = await t.fail('inspections:update', update(insp, { inspectedOn: '2026-11-29' }))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.message).toBe('检查日期 2026-11-29 晚于今天（2026-11-28）')
    expect(refused.fields).toEqual([{ path: 'inspectedOn', message: '检查日期：不能晚于今天（2026-11-28）' }])
    const unchanged = await t.call('inspections:get', { id: insp.id })
    expect(unchanged).toMatchObject({ inspectedOn: '2026-11-20', version: insp.version })

    const today = await t.call('inspections:update', update(insp, { inspectedOn: '2026-11-28' }))
    expect(today.inspectedOn).toBe('2026-11-28')
  })

  it('does not judge an unchanged date again: the inspectors of a draft dated ahead can still be corrected', async () => {
    // Entered on 1 December by a laptop whose clock was ahead, and the clock has been put right since: the date
    // was possible when it was entered, and fixing a name must not be blocked by it.
    clock = new Date(2026, 11, 1, 9, 0)
    const insp = await create('2026-12-01')
    clock = new Date(2026, 10, 28, 0, 30)
    const saved = await t.call('inspections:update', update(insp, { inspectors: '张伟、李娜' }))
    expect(saved).toMatchObject({ inspectedOn: '2026-12-01', inspectors: '张伟、李娜' })
  })

  it('refuses to move a re-inspection before the inspection it is compared with; the same day is accepted', async () => {
    const first = await submitWithRamp(await create('2026-11-10'))
    const again = await create('2026-11-25')
    expect(again.previousInspectionId).toBe(first.id)
    const refused = await t.fail('inspections:update', update(again, { inspectedOn: '2026-11-09' }))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.fields).toEqual([
      { path: 'inspectedOn', message: '检查日期：复查不能早于上次检查（2026-11-10）' },
    ])
    expect((await t.call('inspections:get', { id: again.id })).inspectedOn).toBe('2026-11-25')
    const sameDay = await t.call('inspections:update', update(again, { inspectedOn: '2026-11-10' }))
    expect(sameDay.inspectedOn).toBe('2026-11-10')
    const comparison = await t.call('inspections:compare', { id: again.id })
    expect(comparison.previousInspectionId).toBe(first.id)
  })

  it('refuses a save based on an older version (another window, or a check saved meanwhile)', async () => {
    const insp = await create('2026-11-20')
    const withElement = await t.call('inspections:addElement', {
      inspectionId: insp.id,
      baseVersion: insp.version,
      category: 'ramp',
      label: '南门坡道',
    })
    const stale = await t.fail('inspections:update', update(insp, { inspectors: '另一窗口' }))
    expect(stale.code).toBe('CONFLICT')
    expect(stale.message).toContain('其他窗口')
    const current = await t.call('inspections:get', { id: insp.id })
    expect(current).toMatchObject({ inspectors: '张伟', version: withElement.version })
    // Based on the version the last save returned, the same change goes through.
    const saved = await t.call('inspections:update', update(withElement, { inspectors: '另一窗口' }))
    expect(saved).toMatchObject({ inspectors: '另一窗口', version: withElement.version + 1 })
    expect(saved.elements.map((e) => e.label)).toEqual(['南门坡道'])
  })

  it('refuses any change to a submitted inspection (a correction is a new revision, which can change it)', async () => {
    const submitted = await submitWithRamp(await create('2026-11-20'))
    const refused = await t.fail('inspections:update', update(submitted, { inspectors: '王强' }))
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toContain('已提交')
    expect((await t.call('inspections:get', { id: submitted.id })).inspectors).toBe('张伟')

    const revision = await t.call('inspections:revise', { id: submitted.id })
    const corrected = await t.call('inspections:update', update(revision, { inspectedOn: '2026-11-21' }))
    expect(corrected).toMatchObject({ inspectedOn: '2026-11-21', revisionOf: submitted.id, status: 'draft' })
    expect((await t.call('inspections:get', { id: submitted.id })).inspectedOn).toBe('2026-11-20')
  })

  it('names the field of a missing inspector or a malformed date in zh-CN', async () => {
    const insp = await create('2026-11-20')
    const empty = await t.fail('inspections:update', update(insp, { inspectors: '   ' }))
    expect(empty.fields).toEqual([{ path: 'inspectors', message: '检查人员：请填写检查人员' }])
    const malformed = await t.fail('inspections:update', update(insp, { inspectedOn: '2026-13-45' }))
    expect(malformed.code).toBe('VALIDATION')
    expect(malformed.fields?.[0]?.path).toBe('inspectedOn')
    expect(malformed.fields?.[0]?.message).toMatch(/^检查日期：/)
  })
})
