import { dayFrom as day, lastDayOfMonth as lastDayOf } from '../../../shared/domain/local-dates'
import { planPeriodDays } from '../../../shared/domain/plan-indicators'

/** Report periods: calendar days of the user's own calendar, presets computed from today. */

export interface Period {
  from: string
  to: string
}

export type PresetId = 'thisMonth' | 'thisQuarter' | 'thisYear' | 'planPeriod'

export const presetIds: readonly PresetId[] = ['thisMonth', 'thisQuarter', 'thisYear', 'planPeriod']

export function presetPeriod(id: PresetId, today: Date): Period {
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
    case 'planPeriod':
      // The plan period is the indicator catalog's (乌达区“十四五”规划), written once there.
      return planPeriodDays()
  }
}

export function matchingPreset(period: Period, today: Date): PresetId | null {
  return (
    presetIds.find((id) => {
      const p = presetPeriod(id, today)
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
