import { describe, expect, it } from 'vitest'
import type { PlanRef } from '../../../shared/domain/plan-periods'
import { monthsOf } from '../../../electron/core/reports/report-dates'
import { matchingPreset, periodProblem, presetPeriod } from '../../../renderer/src/reports/period'

describe('report periods', () => {
  it('splits a period into calendar months clipped to it, across a year end and a leap February', () => {
    expect(monthsOf({ from: '2023-12-15', to: '2024-03-02' })).toEqual([
      { key: '2023-12', label: '2023年12月', from: '2023-12-15', to: '2023-12-31' },
      { key: '2024-01', label: '2024年1月', from: '2024-01-01', to: '2024-01-31' },
      { key: '2024-02', label: '2024年2月', from: '2024-02-01', to: '2024-02-29' },
      { key: '2024-03', label: '2024年3月', from: '2024-03-01', to: '2024-03-02' },
    ])
    expect(monthsOf({ from: '2026-02-10', to: '2026-02-10' })).toEqual([
      { key: '2026-02', label: '2026年2月', from: '2026-02-10', to: '2026-02-10' },
    ])
    expect(monthsOf({ from: '2021-01-01', to: '2025-12-31' })).toHaveLength(60)
  })

  it("computes the screen's presets from today and recognises them", () => {
    const today = new Date(2026, 10, 28) // 28 November 2026, local time
    expect(presetPeriod('thisMonth', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(presetPeriod('thisQuarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(presetPeriod('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    // One preset per plan period, from the plan periods as data (plans:list), not from today.
    const plans: PlanRef[] = [
      { id: 1, shortName: '十四五', name: '', startYear: 2021, endYear: 2025, published: true },
      { id: 2, shortName: '十五五', name: '', startYear: 2026, endYear: 2030, published: false },
    ]
    expect(presetPeriod('plan-1', today, plans)).toEqual({ from: '2021-01-01', to: '2025-12-31' })
    expect(presetPeriod('plan-2', today, plans)).toEqual({ from: '2026-01-01', to: '2030-12-31' })
    expect(matchingPreset({ from: '2026-01-01', to: '2030-12-31' }, today, plans)).toBe('plan-2')
    expect(presetPeriod('thisQuarter', new Date(2024, 1, 10))).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
    })
    expect(matchingPreset({ from: '2026-10-01', to: '2026-12-31' }, today)).toBe('thisQuarter')
    expect(matchingPreset({ from: '2026-10-02', to: '2026-12-31' }, today)).toBeNull()
  })

  it('tells a missing date from a reversed range', () => {
    expect(periodProblem({ from: '', to: '2026-01-01' })).toBe('missingDate')
    expect(periodProblem({ from: '2026-02-01', to: '2026-01-01' })).toBe('badRange')
    expect(periodProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull()
  })
})
