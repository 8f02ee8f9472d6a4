import type { IndicatorView, ReportCounts } from '../../../shared/domain/rectification'

/** Column order and zh-CN names of the counts, shared by the PDF and the Excel file. */
export const countKeys = [
  'found',
  'notified',
  'claimed',
  'verified',
  'overdue',
  'dropped',
  'medianDaysToFix',
] as const satisfies ReadonlyArray<keyof ReportCounts>

export const countLabels: Record<(typeof countKeys)[number], string> = {
  found: '发现',
  notified: '已通知',
  claimed: '报告已整改',
  verified: '核验通过',
  overdue: '超期未改',
  dropped: '撤销',
  medianDaysToFix: '用时中位数（天）',
}

/** The definitions printed with the report (kept in step with report-counts.ts). */
export const countDefinitions: Record<(typeof countKeys)[number], string> = {
  found: '首次发现日期在统计期间内的整改项（重复项合并后只计一次；已撤销的误报不计）。',
  notified: '整改通知书签发（通知日期）在统计期间内的整改项。',
  claimed: '统计期间内登记了责任单位整改回复的整改项（同一项多次回复只计一次）。',
  verified: '核验通过日期在统计期间内的整改项。',
  overdue:
    '整改期限在统计期间内、且到期间结束时（期间未结束的按今天）仍未整改（待通知、已通知或重新整改）的整改项。',
  dropped: '统计期间内撤销（误报、不属于本单位等）的整改项。',
  medianDaysToFix:
    '统计期间内核验通过的整改项，从发出通知到核验通过所用天数的中位数（未经通知直接核验的从首次发现起算）。',
}

export function formatMedian(value: number | null): string {
  return value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(1)
}

/** "3 / 5" for a share, "120" otherwise. */
export function indicatorValueText(indicator: IndicatorView): string {
  return indicator.outOf === null ? String(indicator.value) : `${indicator.value} / ${indicator.outOf}`
}
