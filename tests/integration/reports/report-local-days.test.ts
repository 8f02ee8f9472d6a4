import './shanghai-time'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, seededUnit } from '../rectification/fixtures'

/**
 * Period boundaries are the team's local calendar days. In Asia/Shanghai, 00:30 on 1 April is still 31 March in
 * UTC and 23:30 on 31 March is 15:30Z the same day: each item below is saved by the services minutes from local
 * midnight, and must count in the month of its local day — the UTC day would put two of them in the wrong month.
 */

let t: TestCore
let clock: Date
const at = (iso: string) => {
  clock = new Date(iso)
}

beforeAll(async () => {
  t = openTestCore()
  t.core.ctx.now = () => clock
  const unit = await seededUnit(t, '住房和城乡建设局')
  at('2026-03-31T02:00:00Z')
  const hall = await createPlace(t, '区政务服务大厅', unit.id)
  const library = await createPlace(t, '区图书馆', unit.id)

  // 23:30 on 31 March local (15:30Z): found in March.
  at('2026-03-31T15:30:00Z')
  await inspect(t, hall, '2026-03-31', [{ label: '北门坡道', slope: failing }])
  // 00:30 on 1 April local (16:30Z on 31 March): found in April, and dated 1 April (the notice too: "today" is
  // already 1 April here, so the service accepts that date).
  at('2026-03-31T16:30:00Z')
  await inspect(t, library, '2026-04-01', [{ label: '东门坡道', slope: failing }])
  const items = await t.call('rectification:list', {})
  await t.call('notices:issue', {
    unitId: unit.id,
    itemIds: items.map((i) => i.id),
    issuedOn: '2026-04-01',
    deadline: '2026-04-30',
  })
  // Verified at 00:10 on 1 May local (16:10Z on 30 April): a May verification.
  const hallItem = items.find((i) => i.placeId === hall)!
  const current = await t.call('rectification:get', { id: hallItem.id })
  at('2026-04-30T16:10:00Z')
  await t.call('rectification:verify', { id: current.id, version: current.version, note: '现场核实' })
  // 00:30 on 1 July local (16:30Z on 30 June): "today" for the reports.
  at('2026-06-30T16:30:00Z')
})
afterAll(() => t?.close())

describe('report periods in Asia/Shanghai', () => {
  it('runs in UTC+8 (else this file proves nothing)', () => {
    expect(new Date('2026-03-31T16:30:00Z').getTimezoneOffset()).toBe(-480)
    expect(new Date('2026-03-31T16:30:00Z').getDate()).toBe(1)
  })

  it('puts each event in the month of its local day', async () => {
    const s = await t.call('reports:summary', { from: '2026-03-01', to: '2026-05-31' })
    expect(s.byMonth.map((m) => [m.key, m.found, m.notified, m.verified])).toEqual([
      ['2026-03', 1, 0, 0],
      ['2026-04', 1, 2, 0],
      ['2026-05', 0, 0, 1],
    ])
    const march = await t.call('reports:summary', { from: '2026-03-31', to: '2026-03-31' })
    expect(march.totals.found).toBe(1)
    const firstOfApril = await t.call('reports:summary', { from: '2026-04-01', to: '2026-04-01' })
    expect(firstOfApril.totals).toMatchObject({ found: 1, notified: 2 })
  })

  it("takes today's local date for a running period and the deadline's day for overdue", async () => {
    // Local today is 1 July although UTC still says 30 June.
    const q3 = await t.call('reports:summary', { from: '2026-07-01', to: '2026-09-30' })
    expect(q3.asOf).toBe('2026-07-01')
    // Deadline 30 April: at the end of that local day both items were still notified — the hall's verification
    // came at 00:10 on 1 May (30 April in UTC, which would have made it fixed in time and overdue 1).
    const april = await t.call('reports:summary', { from: '2026-04-01', to: '2026-04-30' })
    expect(april.asOf).toBe('2026-04-30')
    expect(april.totals).toMatchObject({ overdue: 2, verified: 0 })
    // From the notice (1 April) to the verification on 1 May local: 30 days (UTC days would say 29).
    const may = await t.call('reports:summary', { from: '2026-05-01', to: '2026-05-31' })
    expect(may.totals.medianDaysToFix).toBe(30)
  })
})
