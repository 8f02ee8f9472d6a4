import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReportRow } from '../../../shared/domain/rectification'
import { indicatorFigure, indicatorTarget, laterYearsText } from '../../../shared/domain/report-definitions'
import { openReportHarness, type ReportHarness } from './report-harness'
import { seedReportData, seedToday, type SeededIds } from './report-seed'

let h: ReportHarness
let ids: SeededIds
beforeEach(() => {
  h = openReportHarness(seedToday)
  ids = seedReportData(h.ctx.db)
})
afterEach(() => h.close())

const q1 = { from: '2026-01-01', to: '2026-03-31' }

function row(rows: ReportRow[], label: string): ReportRow {
  const found = rows.find((r) => r.label === label)
  if (!found) throw new Error(`no row ${label} in ${rows.map((r) => r.label).join(', ')}`)
  return found
}

describe('reports:summary (统计报表)', () => {
  it('counts each item by the date of what it counts, within the period only', async () => {
    const s = await h.call('reports:summary', q1)
    expect(s.asOf).toBe('2026-03-31')
    // found: items 1, 2, 3, 8, 9, 10, 11 (4 found before, 5 after, 6 dropped, 7 merged are left out)
    // notified: 1, 2, 3, 4, 8, 9, 11 · claimed: 1, 11 · verified: 1, 3, 4 · overdue: 2, 8, 9 · dropped: 6
    // days from notice to verification: 21, 10, 10 → median 10
    expect(s.totals).toEqual({
      found: 7,
      notified: 7,
      claimed: 2,
      verified: 3,
      overdue: 3,
      dropped: 1,
      medianDaysToFix: 10,
    })
  })

  it('evaluates overdue at the end of a past period from the history, and today for a running one', async () => {
    // Item 9 was verified in May, but at the end of February it was notified and its deadline (20 Feb) had passed.
    const feb = await h.call('reports:summary', { from: '2026-02-01', to: '2026-02-28' })
    expect(feb.totals.overdue).toBe(1)
    // Item 5 (deadline 1 May, still open) is overdue today; the period runs on past today.
    const q2 = await h.call('reports:summary', { from: '2026-04-01', to: '2026-06-30' })
    expect(q2.asOf).toBe('2026-06-15')
    expect(q2.totals).toMatchObject({ found: 1, overdue: 1, verified: 1, medianDaysToFix: 89 })
  })

  it('splits the period by month so the months add up to the period', async () => {
    const s = await h.call('reports:summary', q1)
    expect(s.byMonth.map((m) => [m.key, m.label, m.found, m.verified, m.overdue])).toEqual([
      ['2026-01', '2026年1月', 2, 1, 0],
      ['2026-02', '2026年2月', 2, 1, 1],
      ['2026-03', '2026年3月', 3, 1, 2],
    ])
    const sum = (k: 'found' | 'notified' | 'verified' | 'dropped') => s.byMonth.reduce((n, m) => n + m[k], 0)
    expect([sum('found'), sum('notified'), sum('verified'), sum('dropped')]).toEqual([7, 7, 3, 1])
  })

  it('breaks down by unit and category, and by clause once per item', async () => {
    const s = await h.call('reports:summary', q1)
    expect(row(s.byUnit, ids.unitAName)).toMatchObject({ found: 4, verified: 1, overdue: 2, claimed: 2 })
    expect(row(s.byUnit, ids.unitBName)).toMatchObject({ found: 3, verified: 2, overdue: 1, dropped: 1 })
    expect(row(s.byCategory, '无障碍电梯')).toMatchObject({ found: 1, verified: 2, medianDaysToFix: 10 })
    expect(row(s.byCategory, '门')).toMatchObject({ found: 0, dropped: 1 })
    // Item 1 has two findings both citing 3.1.4: the clause counts it once, beside item 2.
    expect(row(s.byClause, 'GB 55019-2021 第3.1.4条（强制性条文）')).toMatchObject({ found: 2, verified: 1 })
    expect(row(s.byClause, 'GB 50763-2012 第3.4.4条')).toMatchObject({ found: 1 })
    expect(row(s.byClause, 'WCAG 2.2 成功准则 1.1.1')).toMatchObject({ found: 1, overdue: 1 })
    expect(row(s.byClause, '未注明条款').found).toBe(4)
  })

  it('filters by responsible unit (counts and portal scores), keeping the district indicators', async () => {
    const s = await h.call('reports:summary', { ...q1, unitId: ids.unitA })
    expect(s.unitId).toBe(ids.unitA)
    expect(s.totals).toMatchObject({ found: 4, verified: 1, overdue: 2 })
    expect(s.byUnit.map((r) => r.label)).toEqual([ids.unitAName])
    expect(s.portalScores.map((p) => p.portalName)).toEqual(['区教育局网站'])
    expect(s.indicators.find((i) => i.id === 'items-verified')?.value).toBe(3)
  })

  it("lists each portal's completed runs of the period with their scores", async () => {
    const s = await h.call('reports:summary', q1)
    expect(s.portalScores.map((p) => [p.portalName, p.points.map((pt) => [pt.date, pt.score])])).toEqual([
      ['区卫健委网站', [['2026-02-10', 70]]],
      [
        '区教育局网站',
        [
          ['2026-01-15', 60],
          ['2026-03-20', 95.5],
        ],
      ],
    ])
  })

  it('derives the plan indicators at the end of the period', async () => {
    const s = await h.call('reports:summary', q1)
    const byId = Object.fromEntries(s.indicators.map((i) => [i.id, i]))
    // Public facilities with site items: school (item 2 open), hospital (all verified), bank (item 9 not yet).
    expect(byId['public-facilities-rectified']).toMatchObject({ value: 1, outOf: 3, kind: 'derived' })
    // 教育局 site passes on its latest run (no critical/serious); 卫健委's latest by 31 March has a critical one.
    expect(byId['portals-passing']).toMatchObject({ value: 1, outOf: 2 })
    expect(byId['audible-signals-rectified']).toMatchObject({ value: 0, outOf: 1 })
    expect(byId['items-verified']).toMatchObject({ value: 3 })
    // 2026 belongs to the 十五五 plan, not published yet: no target, no verdict, never a figure made up.
    expect(s.plan).toMatchObject({ shortName: '十五五', startYear: 2026, endYear: 2030, published: false })
    expect(byId['home-modifications']).toMatchObject({
      value: 0,
      target: null,
      targetPending: true,
      met: null,
      plan: { shortName: '十五五' },
    })
    expect(byId['portals-passing']).toMatchObject({ target: null, targetPending: true, met: null })
    expect(indicatorTarget(byId['portals-passing']!)).toBe('待发布')

    // Once the team enters the published plan's targets, the same figures are judged against them.
    const [, fifteenth] = await h.call('plans:list', {})
    await h.call('plans:save', {
      ...fifteenth!,
      published: true,
      indicators: fifteenth!.indicators.map((i) =>
        i.indicatorId === 'portals-passing'
          ? { indicatorId: i.indicatorId, target: '全部达标' }
          : i.indicatorId === 'home-modifications'
            ? { indicatorId: i.indicatorId, target: '≥300', targetValue: 300 }
            : { indicatorId: i.indicatorId },
      ),
    })
    const judged = Object.fromEntries((await h.call('reports:summary', q1)).indicators.map((i) => [i.id, i]))
    expect(judged['portals-passing']).toMatchObject({ met: false, target: '全部达标', targetPending: false })
    expect(judged['home-modifications']).toMatchObject({ met: false, targetValue: 300 })
    expect(indicatorTarget(judged['items-verified']!)).toBe('—')

    const now = await h.call('reports:summary', { from: '2026-04-01', to: '2026-06-30' })
    const later = Object.fromEntries(now.indicators.map((i) => [i.id, i]))
    expect(later['public-facilities-rectified']).toMatchObject({ value: 2, outOf: 3 })
    expect(later['portals-passing']).toMatchObject({ value: 2, outOf: 2, met: true })
  })

  it('measures a 十四五 period against the 十四五 targets', async () => {
    const s = await h.call('reports:summary', { from: '2021-01-01', to: '2025-12-31' })
    expect(s.plan).toMatchObject({ shortName: '十四五', published: true })
    expect(s.indicators.find((i) => i.id === 'home-modifications')).toMatchObject({
      target: '≥362',
      targetValue: 362,
      met: false,
      basis: '专栏1 主要指标第11项（约束性）；专栏6 第3项',
    })
  })

  it('refuses a period that ends before it starts, in zh-CN', async () => {
    const error = await h.fail('reports:summary', { from: '2026-03-01', to: '2026-02-01' })
    expect(error.code).toBe('VALIDATION')
    expect(error.fields?.[0]).toMatchObject({ path: 'to' })
    expect(error.message).toContain('结束日期不能早于开始日期')
    expect((await h.fail('reports:summary', { from: '2026-02-30', to: '2026-03-01' })).message).toContain(
      '不是有效日期',
    )
  })
})

describe('indicators:record (规划指标填报)', () => {
  it('sums the yearly household figures of the plan period and meets the ≥362 target', async () => {
    await h.call('indicators:record', { indicatorId: 'home-modifications', year: 2021, value: 80 })
    await h.call('indicators:record', { indicatorId: 'home-modifications', year: 2022, value: 90 })
    let views = await h.call('indicators:record', {
      indicatorId: 'home-modifications',
      year: 2023,
      value: 100,
      note: '含农区危房改造同步实施 12 户',
    })
    let homes = views.find((i) => i.id === 'home-modifications')!
    expect(homes).toMatchObject({ value: 270, met: false, kind: 'manual' })
    views = await h.call('indicators:record', { indicatorId: 'home-modifications', year: 2024, value: 92 })
    homes = views.find((i) => i.id === 'home-modifications')!
    expect(homes).toMatchObject({ value: 362, met: true })
    expect(homes.entries).toEqual([
      { year: 2021, value: 80, note: null },
      { year: 2022, value: 90, note: null },
      { year: 2023, value: 100, note: '含农区危房改造同步实施 12 户' },
      { year: 2024, value: 92, note: null },
    ])
    // Recording a year again corrects it rather than adding a second entry.
    views = await h.call('indicators:record', { indicatorId: 'home-modifications', year: 2024, value: 60 })
    expect(views.find((i) => i.id === 'home-modifications')).toMatchObject({ value: 330, met: false })
    const summary = await h.call('reports:summary', { from: '2021-01-01', to: '2025-12-31' })
    expect(summary.indicators.find((i) => i.id === 'home-modifications')?.entries).toHaveLength(4)
  })

  it("counts a report's figures up to its as-of year, and years after the plan (2021–2025) apart", async () => {
    for (const [year, value] of [
      [2021, 80],
      [2022, 90],
      [2025, 100],
      [2026, 40],
    ] as const) {
      await h.call('indicators:record', { indicatorId: 'home-modifications', year, value })
    }
    const homesOf = async (from: string, to: string) =>
      (await h.call('reports:summary', { from, to })).indicators.find((i) => i.id === 'home-modifications')!
    // A report of 2022 knows nothing of later years.
    const y2022 = await homesOf('2022-01-01', '2022-12-31')
    expect(y2022).toMatchObject({ value: 170, met: false })
    expect(y2022.entries.map((e) => e.year)).toEqual([2021, 2022])
    // The plan period's report: its four years, the target compared with them only.
    const plan = await homesOf('2021-01-01', '2025-12-31')
    expect(plan).toMatchObject({ value: 270 })
    expect(plan.entries.map((e) => e.year)).toEqual([2021, 2022, 2025])
    expect(laterYearsText(plan)).toBeNull()
    // This year's report is the 十五五 plan's: only its own years count (2026), the 十四五 years belong to that plan.
    const now = await homesOf('2026-01-01', '2026-12-31')
    expect(now).toMatchObject({ value: 40, met: null, targetPending: true })
    expect(now.entries.map((e) => [e.year, e.value])).toEqual([[2026, 40]])
    expect(indicatorFigure(now)).toBe('规划期内 40 户')
    // A year no plan holds (here: the next plan moved to start in 2027) is listed after the last plan, never added.
    const [, fifteenth] = await h.call('plans:list', {})
    await h.call('plans:save', {
      ...fifteenth!,
      startYear: 2027,
      endYear: 2031,
      indicators: fifteenth!.indicators.map((i) => ({ indicatorId: i.indicatorId })),
    })
    const between = await homesOf('2026-01-01', '2026-12-31')
    expect(between).toMatchObject({ value: 270, plan: { shortName: '十四五' } })
    expect(laterYearsText(between)).toBe('规划期后（不计入目标）：2026 年 40 户')
  })

  it('refuses negative figures, years outside the plan period to this year, and derived or unknown indicators', async () => {
    const negative = await h.fail('indicators:record', {
      indicatorId: 'home-modifications',
      year: 2025,
      value: -3,
    })
    expect(negative.code).toBe('VALIDATION')
    expect(negative.fields?.[0]?.message).toBe('数值：不能为负数')

    const early = await h.fail('indicators:record', {
      indicatorId: 'home-modifications',
      year: 2020,
      value: 3,
    })
    expect(early).toMatchObject({ code: 'VALIDATION' })
    expect(early.fields?.[0]).toEqual({
      path: 'year',
      message: '年度：须在 2021 年（首个规划期起始）至 2026 年（今年）之间',
    })
    const future = await h.fail('indicators:record', {
      indicatorId: 'home-modifications',
      year: 2027,
      value: 3,
    })
    expect(future.fields?.[0]?.path).toBe('year')

    const fraction = await h.fail('indicators:record', {
      indicatorId: 'home-modifications',
      year: 2025,
      value: 1.5,
    })
    expect(fraction.fields?.[0]?.message).toBe('数值：须为整数')

    const derived = await h.fail('indicators:record', {
      indicatorId: 'portals-passing',
      year: 2025,
      value: 3,
    })
    expect(derived.code).toBe('VALIDATION')
    expect(derived.message).toContain('自动统计')
    expect((await h.fail('indicators:record', { indicatorId: 'nope', year: 2025, value: 3 })).code).toBe(
      'NOT_FOUND',
    )

    // Nothing was written by the refused calls.
    const count = h.ctx.db.prepare(`SELECT COUNT(*) AS n FROM indicator_entries`).get() as { n: number }
    expect(count.n).toBe(0)
  })
})
