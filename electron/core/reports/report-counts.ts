import { daysBetween, isOverdue, median, type ReportCounts } from '../../../shared/domain/rectification'
import { addDays, inRange, type DayRange } from './report-dates'
import { statusAt, type ReportItem } from './report-items'

/**
 * The report's counts. Each is a flow: an item is counted in a period when the event it counts happened on a day
 * of the period, so the months of a year add up to the year.
 *
 * - found:     first found (first_found_at) in the period; items later dropped as false positives are left out.
 * - notified:  the date of the notice the item is on (notified_at, which the notices service sets to the notice's
 *              issuedOn — the date printed on it, not when it was entered) in the period.
 * - claimed:   the unit's reply "fixed" is dated in the period: a 'claim' event's on_day, which the items service
 *              sets to the reply's repliedOn (not the day it was registered); once per item.
 * - verified:  verified (verified_at) in the period.
 * - overdue:   the deadline fell in the period and, at the end of the period (or today, if the period has not
 *              ended), the unit still owed the fix (status open, notified or reopened — see isOverdue);
 *              dropped items never count.
 * - dropped:   dropped (撤销, a 'drop' event) in the period.
 * - medianDaysToFix: over the items verified in the period, the median of whole days from the notice's date
 *              (notified_at) to verified_at — from the day the unit was told, because the unit cannot act before;
 *              first_found_at when an item was verified without a notice.
 *
 * The wording shown to users is shared/domain/report-definitions.ts (countDefinitions): change both together.
 *
 * Merged duplicates are never counted (see loadReportItems).
 */
export function countItems(items: Iterable<ReportItem>, range: DayRange, today: string): ReportCounts {
  const counts: ReportCounts = {
    found: 0,
    notified: 0,
    claimed: 0,
    verified: 0,
    overdue: 0,
    dropped: 0,
    medianDaysToFix: null,
  }
  const periodRunning = range.to >= today
  const days: number[] = []
  for (const item of items) {
    if (inRange(item.firstFound, range) && item.status !== 'dropped') counts.found++
    if (inRange(item.notified, range)) counts.notified++
    if (item.claimDays.some((d) => inRange(d, range))) counts.claimed++
    if (inRange(item.verified, range)) {
      counts.verified++
      days.push(daysBetween(item.notified ?? item.firstFound, item.verified!))
    }
    if (inRange(item.dropDay, range)) counts.dropped++
    if (
      item.status !== 'dropped' &&
      inRange(item.deadline, range) &&
      overdueAtEnd(item, range.to, today, periodRunning)
    )
      counts.overdue++
  }
  counts.medianDaysToFix = median(days)
  return counts
}

function overdueAtEnd(item: ReportItem, end: string, today: string, periodRunning: boolean): boolean {
  if (periodRunning) return isOverdue(item.status, item.deadline, today)
  const status = statusAt(item, end)
  // "At the end of the period" is the start of the next day: a deadline on the last day has then passed.
  return status !== null && isOverdue(status, item.deadline, addDays(end, 1))
}
