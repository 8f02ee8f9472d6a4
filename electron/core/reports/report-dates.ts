/**
 * Calendar days for reports. Stored timestamps are ISO instants (UTC); a report period is a range of the team's
 * own calendar days, so every instant is turned into the local day it fell on before it is compared. Plain dates
 * (deadlines, reply dates) are already calendar days and stay as they are.
 */

// The same calendar-day rules as the rectification items themselves (deadlines, overdue).
export { addDays, dayOf, localDay as localDayOf } from '../rectification/rectification-dates'
import { addDays } from '../rectification/rectification-dates'

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10)
}

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
    const key = `${year}-${pad(month)}`
    const start = `${key}-01`
    const end = addDays(isoOf(new Date(Date.UTC(year, month, 1))), -1)
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
