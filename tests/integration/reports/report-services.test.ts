import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReportRow } from '../../../shared/domain/rectification'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, seededUnit, webRun } from '../rectification/fixtures'

/**
 * The report over data the services wrote: an inspection and a web audit make the items (sync), a notice is
 * issued, the unit's reply is registered, one item verified and one dropped — each through the dispatcher, as
 * the app does it. The notice and the reply are entered a day after their own date, across a month end, so the
 * counts show which date they go by: 已通知 by the notice's date, 报告已整改 by the unit's reply date.
 */

let t: TestCore
let clock: Date
let unit: { id: number; name: string }

const at = (local: string) => {
  clock = new Date(`${local}+08:00`)
}

const row = (rows: ReportRow[], label: string) => {
  const found = rows.find((r) => r.label === label)
  if (!found) throw new Error(`no row ${label} in ${rows.map((r) => r.label).join(', ')}`)
  return found
}

beforeEach(async () => {
  t = openTestCore()
  at('2026-03-02T10:00:00')
  t.core.ctx.now = () => clock
  unit = await seededUnit(t, '住房和城乡建设局')
  const placeId = await createPlace(t, '区政务服务大厅', unit.id)

  // 2 March: three ramps fail their slope; submitting the inspection makes three site items.
  await inspect(t, placeId, '2026-03-02', [
    { label: '北门坡道', slope: failing },
    { label: '南门坡道', slope: failing },
    { label: '东门坡道', slope: failing },
  ])
  // 3 March: the unit's portal is audited; one element fails colour contrast → one web item.
  at('2026-03-03T10:00:00')
  const portal = await t.call('portals:create', {
    name: '区住建局网站',
    startUrl: 'https://zjj.example/',
    unitId: unit.id,
  })
  const node = { selector: 'p.tip', html: '<p class="tip">办事指南</p>', fingerprint: 'f-tip' }
  webRun(t, portal.id, [{ url: 'https://zjj.example/', rules: { 'color-contrast': [node] } }], clock)
  await t.call('rectification:sync', {})

  const items = await t.call('rectification:list', {})
  expect(items.map((i) => i.source).sort()).toEqual(['site', 'site', 'site', 'web'])
  const byTitle = (label: string) => items.find((i) => i.source === 'site' && i.location.includes(label))!
  const [north, south] = [byTitle('北门坡道'), byTitle('南门坡道')]

  // Entered on 1 April, the notice is dated 31 March (signed the day before).
  at('2026-04-01T09:00:00')
  await t.call('notices:issue', {
    unitId: unit.id,
    itemIds: items.map((i) => i.id),
    issuedOn: '2026-03-31',
    deadline: '2026-04-20',
  })
  // Entered on 1 May, the unit's reply is dated 30 April.
  at('2026-05-01T09:00:00')
  const notified = await t.call('rectification:get', { id: north.id })
  const current = await t.call('rectification:claim', {
    id: notified.id,
    version: notified.version,
    text: '已按 1:12 重新修建坡道',
    repliedOn: '2026-04-30',
  })
  // 6 May: the north ramp is verified on site; the south ramp is dropped as a false positive.
  at('2026-05-06T10:00:00')
  await t.call('rectification:verify', { id: current.id, version: current.version, note: '现场核实' })
  const southNow = await t.call('rectification:get', { id: south.id })
  await t.call('rectification:drop', {
    id: south.id,
    version: southNow.version,
    reason: '误报：该坡道已拆除',
  })

  at('2026-06-15T10:00:00')
})
afterEach(() => t.close())

const summary = (from: string, to: string) => t.call('reports:summary', { from, to })

describe('reports:summary over data the services wrote', () => {
  it('counts notices by their date and replies by the reply date, not by when they were entered', async () => {
    const march = await summary('2026-03-01', '2026-03-31')
    // Found: east, north and the web item (the dropped south ramp never counts as found); all four notified.
    expect(march.totals).toEqual({
      found: 3,
      notified: 4,
      claimed: 0,
      verified: 0,
      overdue: 0,
      dropped: 0,
      medianDaysToFix: null,
    })
    const april = await summary('2026-04-01', '2026-04-30')
    // The reply dated 30 April counts in April; at the end of April the east ramp and the web item (deadline
    // 20 April, still notified) were overdue; the north one had been replied to, the south one is dropped.
    expect(april.totals).toEqual({
      found: 0,
      notified: 0,
      claimed: 1,
      verified: 0,
      overdue: 2,
      dropped: 0,
      medianDaysToFix: null,
    })
    const may = await summary('2026-05-01', '2026-05-31')
    // 31 March (the notice's date) to 6 May: 36 days.
    expect(may.totals).toMatchObject({
      notified: 0,
      claimed: 0,
      verified: 1,
      dropped: 1,
      medianDaysToFix: 36,
    })
  })

  it('adds the months up to the period, and breaks it down by unit and category', async () => {
    const s = await summary('2026-03-01', '2026-06-30')
    expect(s.asOf).toBe('2026-06-15')
    expect(s.totals).toEqual({
      found: 3,
      notified: 4,
      claimed: 1,
      verified: 1,
      overdue: 2,
      dropped: 1,
      medianDaysToFix: 36,
    })
    expect(s.byMonth.map((m) => [m.key, m.found, m.notified, m.claimed, m.verified, m.dropped])).toEqual([
      ['2026-03', 3, 4, 0, 0, 0],
      ['2026-04', 0, 0, 1, 0, 0],
      ['2026-05', 0, 0, 0, 1, 1],
      ['2026-06', 0, 0, 0, 0, 0],
    ])
    expect(row(s.byUnit, unit.name)).toMatchObject({ found: 3, notified: 4, verified: 1, overdue: 2 })
    // Categories as the services store them (ids), named through categoryLabel.
    expect(s.byCategory.map((r) => [r.key, r.label, r.found])).toEqual([
      ['ramp', '轮椅坡道', 2],
      ['web', '网站无障碍', 1],
    ])
    expect(row(s.byCategory, '轮椅坡道')).toMatchObject({ verified: 1, dropped: 1, overdue: 1 })
    // The hall has the east ramp still open to fix: not yet a rectified public facility.
    expect(s.indicators.find((i) => i.id === 'public-facilities-rectified')).toMatchObject({
      value: 0,
      outOf: 1,
    })
    expect(s.portalScores.map((p) => [p.portalName, p.points.map((pt) => pt.date)])).toEqual([
      ['区住建局网站', ['2026-03-03']],
    ])
  })
})
