/**
 * Calendar days as the inspector sees them, shared by the services and the screens (pure: no clock is read
 * here; callers pass `now`). Deadlines, notice dates and "overdue" are local calendar days: a notice issued on
 * the morning of 28 November in Inner Mongolia is dated the 28th, although UTC still says the 27th. A day is a
 * YYYY-MM-DD string; day arithmetic happens in UTC so no time zone or daylight-saving shift can move it.
 */

/** Two digits: 3 → "03". */
export function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** YYYY-MM-DD of a year, month (1–12) and day of month. */
export function dayFrom(year: number, month: number, date: number): string {
  return `${year}-${pad(month)}-${pad(date)}`
}

/** The local calendar day of `date` as YYYY-MM-DD. */
export function localDay(date: Date): string {
  return dayFrom(date.getFullYear(), date.getMonth() + 1, date.getDate())
}

/** The local calendar day of a stored ISO timestamp (or a stored day, returned as is). */
export function dayOf(isoTimestampOrDay: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoTimestampOrDay)) return isoTimestampOrDay
  const parsed = new Date(isoTimestampOrDay)
  return Number.isNaN(parsed.getTime()) ? isoTimestampOrDay.slice(0, 10) : localDay(parsed)
}

/** `day` plus `days` calendar days (negative to go back). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The last day of a month (1–12) of a year. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
