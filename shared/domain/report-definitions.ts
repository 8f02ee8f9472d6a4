import type { IndicatorView, ReportCounts } from './rectification'
import { splitPlanEntries } from './plan-indicators'
import { targetPendingText } from './plan-periods'

/**
 * The counts of the summary report (统计报表): their order, zh-CN names and definitions, in one place for the
 * screen, the printed PDF and the Excel file — so the three never name or explain a figure differently. The
 * definitions describe what electron/core/reports/report-counts.ts computes; change both together.
 */

export const countKeys = [
  'found',
  'notified',
  'claimed',
  'verified',
  'overdue',
  'dropped',
  'medianDaysToFix',
] as const satisfies ReadonlyArray<keyof ReportCounts>

export type CountKey = (typeof countKeys)[number]

/** Column and card names. The median carries its unit in the name, so its cells are bare numbers everywhere. */
export const countLabels: Readonly<Record<CountKey, string>> = {
  found: '发现',
  notified: '已通知',
  claimed: '报告已整改',
  verified: '核验通过',
  overdue: '超期未改',
  dropped: '撤销',
  medianDaysToFix: '整改用时中位数（天）',
}

export const countDefinitions: Readonly<Record<CountKey, string>> = {
  found: '首次发现日期在统计期间内的整改项（重复项合并后只计一次；已撤销的误报不计）。',
  notified: '所列入整改通知书的签发日期（通知书上的日期）在统计期间内的整改项。',
  claimed:
    '责任单位回复已整改的日期（回复中填写的回复日期）在统计期间内的整改项（同一项多次回复、且多次落在期间内的只计一次）。',
  verified: '核验通过日期在统计期间内的整改项。',
  overdue:
    '整改期限在统计期间内、且到期间结束时（期间未结束的按今天）仍未整改（待通知、已通知或重新整改）的整改项。',
  dropped: '统计期间内撤销（误报、不属于本单位等）的整改项。',
  medianDaysToFix:
    '统计期间内核验通过的整改项，从通知书签发日期到核验通过所用天数的中位数（未经通知直接核验的从首次发现起算）。',
}

/** A count as a cell or card value; a missing median (nothing verified) is a dash, never 0 days. */
export function formatCount(counts: ReportCounts, key: CountKey): string {
  const value = counts[key]
  if (value === null) return '—'
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

/**
 * An indicator's figure, the same on screen and in print: "3 / 5 处" for a share of a whole, "120 户" otherwise;
 * a plan-period figure says so ("规划期内 120 户"), since later years are listed apart (see laterYearsText).
 */
export function indicatorFigure(indicator: IndicatorView): string {
  if (indicator.outOf !== null) return `${indicator.value} / ${indicator.outOf} ${indicator.unit}`
  if (indicator.kind === 'manual') return `规划期内 ${indicator.value} ${indicator.unit}`
  return `${indicator.value} ${indicator.unit}`
}

/** The plan's target as printed; 待发布 while the plan is not published; a dash when the plan sets none. */
export function indicatorTarget(indicator: IndicatorView): string {
  return indicator.target ?? (indicator.targetPending ? targetPendingText : '—')
}

/** "规划期后（不计入目标）：2026 年 40 户" for a manual indicator with years after the plan; null when none. */
export function laterYearsText(indicator: IndicatorView): string | null {
  if (indicator.kind !== 'manual') return null
  const { after } = splitPlanEntries(indicator.entries, indicator.plan)
  if (after.length === 0) return null
  return `规划期后（不计入目标）：${after.map((e) => `${e.year} 年 ${e.value} ${indicator.unit}`).join('；')}`
}

/** A month's short axis tick, "9月", from its key "2026-09" (the year is given once, not on every tick). */
export function shortMonthLabel(monthKey: string): string {
  return `${Number(monthKey.slice(5, 7))}月`
}
