import '../reports/shanghai-time'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Inspection } from '../../../shared/domain/inspections'
import { openTestCore, type TestCore } from '../../support/test-core'
import { submitWithRamp as submitRamp } from './submit-with-ramp'

/**
 * 新建检查 (`inspections:create`) refuses a date the inspection cannot have been made on, as 修改基本信息 does: after
 * today (the team's local calendar day), or, for a re-inspection, before the inspection it is compared with. The
 * refusal is on the date's field in zh-CN, and nothing is written: no inspection, no elements carried over.
 */

let t: TestCore
let placeId: number
let clock: Date

beforeEach(async () => {
  // 00:30 on 28 November in Asia/Shanghai, still 27 November in UTC: "today" must be the local day, the 28th.
  clock = new Date('2026-11-27T16:30:00Z')
  t = openTestCore({}, { now: () => clock })
  placeId = (await t.call('places:create', { name: '区图书馆', type: 'park' })).id
})
afterEach(() => t.close())

const create = (inspectedOn: string) => ({ placeId, inspectedOn, inspectors: '张伟', notes: '' })

const rows = (): number =>
  (t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM inspections').get() as { n: number }).n

const submitWithRamp = (insp: Inspection) => submitRamp(t, insp)

describe('inspections:create, the date', () => {
  it('runs in UTC+8 (else the local-day case proves nothing)', () => {
    expect(clock.getTimezoneOffset()).toBe(-480)
    expect(clock.getUTCDate()).toBe(27)
  })

  it('accepts today, the local day, and refuses a later date on its field, writing nothing', async () => {
    const refused = await t.fail('inspections:create', create('2026-11-29'))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.message).toBe('检查日期 2026-11-29 晚于今天（2026-11-28）')
    expect(refused.fields).toEqual([{ path: 'inspectedOn', message: '检查日期：不能晚于今天（2026-11-28）' }])
    const nextMonth = await t.fail('inspections:create', create('2026-12-28'))
    expect(nextMonth.fields).toEqual([
      { path: 'inspectedOn', message: '检查日期：不能晚于今天（2026-11-28）' },
    ])
    expect(rows()).toBe(0)
    expect(await t.call('inspections:list', { placeId })).toEqual([])

    const today = await t.call('inspections:create', create('2026-11-28'))
    expect(today).toMatchObject({ inspectedOn: '2026-11-28', status: 'draft', previousInspectionId: null })
  })

  it('refuses with the same words as 修改基本信息', async () => {
    const draft = await t.call('inspections:create', create('2026-11-20'))
    const onCreate = await t.fail('inspections:create', create('2026-11-30'))
    const onUpdate = await t.fail('inspections:update', {
      id: draft.id,
      baseVersion: draft.version,
      inspectedOn: '2026-11-30',
      inspectors: draft.inspectors,
      notes: '',
    })
    expect(onCreate).toEqual(onUpdate)
  })

  it('refuses a re-inspection dated before the inspection it would be compared with; the same day is accepted', async () => {
    const first = await submitWithRamp(await t.call('inspections:create', create('2026-11-10')))
    const refused = await t.fail('inspections:create', create('2026-11-09'))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.message).toBe('检查日期 2026-11-09 早于上次检查（2026-11-10），复查的日期不能早于上次检查')
    expect(refused.fields).toEqual([
      { path: 'inspectedOn', message: '检查日期：复查不能早于上次检查（2026-11-10）' },
    ])
    expect(rows()).toBe(1)
    const elements = t.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM inspection_elements').get() as {
      n: number
    }
    expect(elements.n).toBe(1)

    const sameDay = await t.call('inspections:create', create('2026-11-10'))
    expect(sameDay.previousInspectionId).toBe(first.id)
    expect(sameDay.elements.map((e) => e.previousElementId)).toEqual([first.elements[0]!.id])
    expect((await t.call('inspections:compare', { id: sameDay.id })).previousInspectedOn).toBe('2026-11-10')
  })

  it('compares with the corrected date once a revision moved the last inspection earlier', async () => {
    const original = await submitWithRamp(await t.call('inspections:create', create('2026-11-20')))
    let revision = await t.call('inspections:revise', { id: original.id })
    revision = await t.call('inspections:update', {
      id: revision.id,
      baseVersion: revision.version,
      inspectedOn: '2026-11-05',
      inspectors: revision.inspectors,
      notes: '',
    })
    // Until the correction is submitted, the re-inspection is still compared with the original.
    const beforeSubmit = await t.fail('inspections:create', create('2026-11-12'))
    expect(beforeSubmit.fields?.[0]?.message).toBe('检查日期：复查不能早于上次检查（2026-11-20）')
    revision = await t.call('inspections:submit', { id: revision.id, baseVersion: revision.version })

    const again = await t.call('inspections:create', create('2026-11-12'))
    expect(again.previousInspectionId).toBe(revision.id)
    const refused = await t.fail('inspections:create', create('2026-11-04'))
    expect(refused.fields?.[0]?.message).toBe('检查日期：复查不能早于上次检查（2026-11-05）')
  })

  it('is not bound by a draft of the place: only a submitted inspection is compared with', async () => {
    await t.call('inspections:create', create('2026-11-20'))
    const earlier = await t.call('inspections:create', create('2026-11-15'))
    expect(earlier).toMatchObject({ inspectedOn: '2026-11-15', previousInspectionId: null })
  })
})
