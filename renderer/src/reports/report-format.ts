import type { TFunction } from 'i18next'
import type { ReportCounts } from '../../../shared/domain/rectification'

export const countKeys = [
  'found',
  'notified',
  'claimed',
  'verified',
  'overdue',
  'dropped',
  'medianDaysToFix',
] as const satisfies ReadonlyArray<keyof ReportCounts>

export function formatDays(value: number | null, t: TFunction): string {
  if (value === null) return t('reports.totals.noMedian')
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${t('reports.totals.days')}`
}
