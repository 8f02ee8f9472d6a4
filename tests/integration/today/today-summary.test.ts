import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditBatchView } from '../../../shared/domain/audits'
import { batchNeedsUser } from '../../../electron/core/today/today-service'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, passing, seededUnit } from '../rectification/fixtures'

/** 今日待办: one answer with what needs the user now, counted from the same rows the screens use. */

let t: TestCore
let unit: { id: number; name: string }
let clock: Date

beforeEach(async () => {
  t = openTestCore()
  clock = new Date('2026-12-15T10:00:00+08:00')
  t.core.ctx.now = () => clock
  unit = await seededUnit(t, '住房和城乡建设局')
})
afterEach(() => t.close())

describe('today:summary', () => {
  it('is empty on a new data folder', async () => {
    const today = await t.call('today:summary', {})
    expect(today.today).toBe('2026-12-15')
    for (const list of [
      today.overdue,
      today.proposals,
      today.dueSoon,
      today.toVerify,
      today.toNotify,
      today.drafts,
      today.batches,
    ])
      expect(list).toEqual({ count: 0, entries: [] })
  })

  it('counts overdue, due-soon, to-verify, to-notify items, pending proposals and drafts', async () => {
    const hall = await createPlace(t, '区政务服务大厅', unit.id)
    const school = await createPlace(t, '第一小学', unit.id)
    await inspect(t, hall, '2026-11-20', [
      { label: '北门坡道', slope: failing },
      { label: '南门坡道', slope: failing },
      { label: '东门坡道', slope: failing },
    ])
    await inspect(t, school, '2026-11-21', [{ label: '校门坡道', slope: failing }])
    const [north, south, east] = await t.call('rectification:list', { placeId: hall })
    // North: notified with a past deadline (overdue); south: due in 3 days; east: claimed (to verify).
    await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: [north!.id],
      issuedOn: '2026-11-28',
      deadline: '2026-12-10',
    })
    await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: [south!.id, east!.id],
      issuedOn: '2026-11-28',
      deadline: '2026-12-18',
    })
    const eastNow = await t.call('rectification:get', { id: east!.id })
    await t.call('rectification:claim', {
      id: eastNow.id,
      version: eastNow.version,
      text: '已改',
      repliedOn: '2026-12-12',
    })
    // A re-inspection of the hall that shows the south ramp fixed proposes its verification.
    await inspect(t, hall, '2026-12-14', [{ label: '南门坡道', slope: passing }])
    // A draft inspection left unfinished.
    await t.call('inspections:create', { placeId: school, inspectedOn: '2026-12-15', inspectors: '李四' })

    const today = await t.call('today:summary', {})
    expect(today.overdue.count).toBe(1)
    expect(today.overdue.entries[0]).toMatchObject({
      id: north!.id,
      where: '区政务服务大厅',
      unitName: '乌达区住房和城乡建设局',
      deadline: '2026-12-10',
      days: 5,
    })
    expect(today.dueSoon.entries.map((e) => [e.id, e.days])).toEqual([[south!.id, 3]])
    expect(today.toVerify.entries.map((e) => e.id)).toEqual([east!.id])
    expect(today.proposals.count).toBe(1)
    expect(today.proposals.entries[0]).toMatchObject({ itemId: south!.id })
    expect(today.proposals.entries[0]!.explanation).toMatch(/^2026-12-14 复查/)
    expect(today.toNotify).toEqual({
      count: 1,
      entries: [{ unitId: unit.id, unitName: '乌达区住房和城乡建设局', count: 1 }],
    })
    expect(today.drafts.count).toBe(1)
    expect(today.drafts.entries[0]).toMatchObject({ placeName: '第一小学', inspectedOn: '2026-12-15' })

    // Deciding the proposal and the deadline passing change the answer at once.
    const proposal = (await t.call('rectification:get', { id: south!.id })).proposal!
    await t.call('rectification:decideProposal', { proposalId: proposal.id, accept: false })
    clock = new Date('2026-12-20T10:00:00+08:00')
    const later = await t.call('today:summary', {})
    expect(later.proposals.count).toBe(0)
    expect(later.overdue.entries.map((e) => [e.id, e.days])).toEqual([
      [north!.id, 10],
      [south!.id, 2],
    ])
    expect(later.dueSoon.count).toBe(0)
  })
})

describe('which batches need the user', () => {
  const now = new Date('2026-12-15T10:00:00+08:00')
  const batch = (over: Partial<AuditBatchView>): AuditBatchView => ({
    batchId: 1,
    status: 'completed',
    active: false,
    done: 10,
    skipped: 0,
    failed: 0,
    remaining: 0,
    total: 10,
    elapsedMs: 0,
    etaMs: null,
    pagesPerMinute: null,
    createdAt: '2026-12-14T08:00:00.000Z',
    error: null,
    runs: [],
    ...over,
  })

  it('names interrupted, resumable, failed and erroneous batches; leaves running and clean ones out', () => {
    expect(batchNeedsUser(batch({ status: 'running', active: true }), now)).toBeNull()
    expect(batchNeedsUser(batch({ status: 'running' }), now)).toBe('interrupted')
    expect(batchNeedsUser(batch({ status: 'queued' }), now)).toBe('interrupted')
    expect(batchNeedsUser(batch({ status: 'paused', remaining: 3 }), now)).toBe('paused')
    expect(batchNeedsUser(batch({ status: 'cancelled', remaining: 3 }), now)).toBe('paused')
    expect(batchNeedsUser(batch({ status: 'cancelled', remaining: 0 }), now)).toBeNull()
    expect(batchNeedsUser(batch({ failed: 2 }), now)).toBe('failed-pages')
    expect(batchNeedsUser(batch({ failed: 2, createdAt: '2026-12-01T08:00:00.000Z' }), now)).toBeNull()
    expect(batchNeedsUser(batch({ status: 'paused', error: '未找到浏览器' }), now)).toBe('error')
    expect(batchNeedsUser(batch({}), now)).toBeNull()
  })
})
