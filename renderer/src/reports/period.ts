import { dayFrom as day, lastDayOfMonth as lastDayOf } from '../../../shared/domain/local-dates'
import { planDays, type PlanRef } from '../../../shared/domain/plan-periods'

/** Report periods: calendar days of the user's own calendar, presets computed from today and the plan periods. */

export interface Period {
  from: string
  to: string
}

/** The calendar presets, then one per plan period (`plan-<id>`: 十四五 2021–2025, 十五五 2026–2030, …). */
export type PresetId = 'thisMonth' | 'thisQuarter' | 'thisYear' | `plan-${number}`

export const calendarPresetIds = ['thisMonth', 'thisQuarter', 'thisYear'] as const

export function presetIds(plans: readonly PlanRef[]): PresetId[] {
  return [...calendarPresetIds, ...plans.map((p) => `plan-${p.id}` as const)]
}

export function planOfPreset(id: PresetId, plans: readonly PlanRef[]): PlanRef | undefined {
  return id.startsWith('plan-') ? plans.find((p) => `plan-${p.id}` === id) : undefined
}

export function presetPeriod(id: PresetId, today: Date, plans: readonly PlanRef[] = []): Period {
  const y = today.getFullYear()
  const m = today.getMonth() + 1
  switch (id) {
    case 'thisMonth':
      return { from: day(y, m, 1), to: day(y, m, lastDayOf(y, m)) }
    case 'thisQuarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1
      return { from: day(y, first, 1), to: day(y, first + 2, lastDayOf(y, first + 2)) }
    }
    case 'thisYear':
      return { from: day(y, 1, 1), to: day(y, 12, 31) }
    default: {
      // A plan period, as data (设置 → 规划与指标).
      const plan = planOfPreset(id, plans)
      return plan ? planDays(plan) : { from: day(y, 1, 1), to: day(y, 12, 31) }
    }
  }
}

export function matchingPreset(period: Period, today: Date, plans: readonly PlanRef[] = []): PresetId | null {
  return (
    presetIds(plans).find((id) => {
      const p = presetPeriod(id, today, plans)
      return p.from === period.from && p.to === period.to
    }) ?? null
  )
}

/** null when the period can be reported; otherwise which problem to tell the user about. */
export function periodProblem(period: Period): 'missingDate' | 'badRange' | null {
  const ok = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
  if (!ok(period.from) || !ok(period.to)) return 'missingDate'
  return period.to >= period.from ? null : 'badRange'
}
