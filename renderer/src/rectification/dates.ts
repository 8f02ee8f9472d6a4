import { localDay } from '../../../shared/domain/local-dates'
import { daysBetween } from '../../../shared/domain/rectification'

/** Today as YYYY-MM-DD on this machine's calendar (the inspector's day, not UTC's). */
export function localToday(): string {
  return localDay(new Date())
}

/** Days from today to the deadline: negative when it has passed. */
export function daysUntil(deadline: string, today: string): number {
  return daysBetween(today, deadline)
}

/** A day stays a day ("2026-03-02"); a timestamp is shown in local time (shared/format, one voice). */
export { formatDateTime as formatDay } from '../../../shared/format/index'
