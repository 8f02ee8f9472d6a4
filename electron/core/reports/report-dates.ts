/**
 * Calendar days for reports. Stored timestamps are ISO instants (UTC); a report period is a range of the team's
 * own calendar days, so every instant is turned into the local day it fell on (dayOf) before it is compared. Plain
 * dates (deadlines, notice dates, reply dates) are already calendar days and stay as they are. The day helpers are
 * the ones the rectification items use (shared/domain/local-dates.ts), so a report and the items agree on a day.
 */
import { dayFrom, lastDayOfMonth } from '../../../shared/domain/local-dates'

export { addDays, dayOf, localDay as localDayOf } from '../../../shared/domain/local-dates'

export interface DayRange {
  from: string
  to: string
}

export function inRange(day: string | null, range: DayRange): boolean {
  return day !== null && day >= range.from && day <= range.to
}

/** The calendar months a range touches, each clipped to the range (the first and last may be partial). */
export function monthsOf(range: DayRange): Array<DayRange & { key: string; label: string }> {
  const months: Array<DayRange & { key: string; label: string }> = []
  let year = Number(range.from.slice(0, 4))
  let month = Number(range.from.slice(5, 7))
  const lastKey = range.to.slice(0, 7)
  for (;;) {
    const start = dayFrom(year, month, 1)
    const end = dayFrom(year, month, lastDayOfMonth(year, month))
    const key = start.slice(0, 7)
    months.push({
      key,
      label: `${year}年${month}月`,
      from: start < range.from ? range.from : start,
      to: end > range.to ? range.to : end,
    })
    if (key >= lastKey) break
    month += 1
    if (month === 13) {
      month = 1
      year += 1
    }
  }
  return months
}
