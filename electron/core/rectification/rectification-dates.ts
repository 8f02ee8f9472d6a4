/**
 * Calendar days as the inspector sees them. Deadlines and "overdue" are local calendar days (a notice issued on
 * the morning of 28 November in Inner Mongolia is dated the 28th, although UTC still says the 27th).
 */

const pad = (n: number) => String(n).padStart(2, '0')

/** The local calendar day of `date` as YYYY-MM-DD. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The local calendar day of a stored ISO timestamp (or a stored day, returned as is). */
export function dayOf(isoTimestampOrDay: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoTimestampOrDay)) return isoTimestampOrDay
  const parsed = new Date(isoTimestampOrDay)
  return Number.isNaN(parsed.getTime()) ? isoTimestampOrDay.slice(0, 10) : localDay(parsed)
}

/** `day` plus `days` calendar days (no time zone involved: both ends are plain dates). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
