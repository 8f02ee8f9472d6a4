import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { customIndicatorId } from '../../../electron/core/reports/plans-service'
import { openTestCore, type TestCore } from '../../support/test-core'

/** 设置 → 规划与指标: plan periods, their indicators and targets as data. */

let t: TestCore
beforeEach(() => {
  t = openTestCore({}, { now: () => new Date('2026-12-15T10:00:00+08:00') })
})
afterEach(() => t.close())

const fifteenth = async () => (await t.call('plans:list', {}))[1]!

describe('plans:save', () => {
  it('enters the published plan’s targets and an indicator of its own, recorded yearly', async () => {
    const plan = await fifteenth()
    const saved = await t.call('plans:save', {
      ...plan,
      name: '乌达区“十五五”残疾人事业发展规划',
      published: true,
      indicators: [
        {
          indicatorId: 'home-modifications',
          target: '≥400',
          targetValue: 400,
          basis: '专栏1第10项（约束性）',
        },
        { title: '无障碍环境建设培训', unit: '人次', target: '≥500', targetValue: 500 },
      ],
    })
    expect(saved).toMatchObject({ published: true, version: plan.version + 1 })
    const custom = saved.indicators[1]!
    expect(custom).toMatchObject({
      indicatorId: customIndicatorId('无障碍环境建设培训', '人次'),
      builtIn: false,
      kind: 'manual',
      title: '无障碍环境建设培训',
      unit: '人次',
    })
    // The team records it like the built-in one, and the report measures it against the plan's target.
    await t.call('indicators:record', { indicatorId: custom.indicatorId, year: 2026, value: 520 })
    const report = await t.call('reports:summary', { from: '2026-01-01', to: '2026-12-31' })
    expect(report.indicators.map((i) => [i.title, i.value, i.target, i.met])).toEqual([
      ['困难重度残疾人家庭无障碍改造数', 0, '≥400', false],
      ['无障碍环境建设培训', 520, '≥500', true],
    ])
  })

  it('keeps each kept indicator’s global id when the plan is saved again (exchange packages see it changed, not new)', async () => {
    const plan = await fifteenth()
    const ids = () =>
      t.core.ctx.db
        .prepare(
          'SELECT indicator_id, global_id FROM plan_indicators WHERE plan_id = ? ORDER BY indicator_id',
        )
        .all(plan.id) as Array<{ indicator_id: string; global_id: string }>
    const before = ids()
    const first = plan.indicators[0]!
    const saved = await t.call('plans:save', {
      ...plan,
      indicators: [{ indicatorId: first.indicatorId, target: '≥400', targetValue: 400 }],
    })
    expect(saved.indicators.map((i) => i.indicatorId)).toEqual([first.indicatorId])
    expect(ids()).toEqual(before.filter((r) => r.indicator_id === first.indicatorId))
  })

  it('refuses overlapping years, a new indicator without a name or unit, a duplicate and a stale version', async () => {
    const plan = await fifteenth()
    const base = { ...plan, indicators: plan.indicators.map((i) => ({ indicatorId: i.indicatorId })) }
    const overlap = await t.fail('plans:save', { ...base, startYear: 2025 })
    expect(overlap.fields).toEqual([
      { path: 'startYear', message: '起始年度：年度与“十四五”规划期（2021–2025）重叠' },
    ])
    const unnamed = await t.fail('plans:save', { ...base, indicators: [{ unit: '人次' }] })
    expect(unnamed.fields).toEqual([
      { path: 'indicators.0.title', message: '指标名称：请填写新增指标的名称' },
    ])
    const twice = await t.fail('plans:save', {
      ...base,
      indicators: [{ indicatorId: 'items-verified' }, { indicatorId: 'items-verified' }],
    })
    expect(twice.fields![0]!.path).toBe('indicators.1.title')
    const reversed = await t.fail('plans:save', { ...base, startYear: 2030, endYear: 2026 })
    expect(reversed.fields![0]).toEqual({ path: 'endYear', message: '结束年度：结束年度不能早于起始年度' })
    await t.call('plans:save', base)
    const stale = await t.fail('plans:save', base)
    expect(stale.code).toBe('CONFLICT')
    // Nothing of the refused saves was kept.
    expect((await fifteenth()).indicators).toHaveLength(5)
  })

  it('adds a plan period after the last, and refuses a second plan of the same name', async () => {
    const added = await t.call('plans:save', {
      shortName: '十六五',
      name: '乌达区“十六五”残疾人事业发展规划',
      startYear: 2031,
      endYear: 2035,
      published: false,
      indicators: [{ indicatorId: 'items-verified' }],
    })
    expect((await t.call('plans:list', {})).map((p) => p.shortName)).toEqual(['十四五', '十五五', '十六五'])
    expect(added.indicators.map((i) => i.title)).toEqual(['本期整改项核验通过'])
    const same = await t.fail('plans:save', {
      shortName: '十六五',
      name: '重复',
      startYear: 2036,
      endYear: 2040,
      published: false,
      indicators: [],
    })
    expect(same.fields![0]!.path).toBe('shortName')
  })
})
