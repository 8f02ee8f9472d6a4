import type { Severity } from '../catalog/types'
import { dayOf, pad } from '../domain/local-dates'

/**
 * One voice for counts, dates and severities: the screens, the CLI and the documents all format through here, so
 * "3 项", "2026-11-28 09:30" and "较重" read the same everywhere.
 *
 * - Days are YYYY-MM-DD on screens and in the CLI (what the date fields show and the CLI's options take); times are
 *   "YYYY-MM-DD HH:mm" in the reader's local time. A stored day (e.g. a notice's date) stays a day: it is never
 *   turned into midnight UTC and shown with a time. Documents that follow GB/T 9704 print 2026年11月28日
 *   (`formatChineseDay`).
 * - Counts are whole numbers with the zh-CN thousands separator and a space before the measure word: "1,204 项".
 * - Severities of items and findings read 严重 / 较重 / 轻微; the four axe impacts of a web run read 严重 / 较重 /
 *   一般 / 轻微 — a serious (较重) web violation becomes a 较重 item; moderate (一般) and minor (轻微) ones become
 *   轻微 items (shared/web/standards.ts `impactSeverity`).
 */

export const severityLabels: Readonly<Record<Severity, string>> = {
  critical: '严重',
  major: '较重',
  minor: '轻微',
}

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor'

export const impactLabels: Readonly<Record<Impact, string>> = {
  critical: '严重',
  serious: '较重',
  moderate: '一般',
  minor: '轻微',
}

export function formatSeverity(severity: Severity): string {
  return severityLabels[severity]
}

export function formatImpact(impact: Impact): string {
  return impactLabels[impact]
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 })

/** 1204 → "1,204"; 2.25 → "2.3" (one decimal at most). */
export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

/** "3 项", "1,204 个页面". */
export function formatCount(value: number, measure: string): string {
  return `${formatNumber(value)} ${measure}`
}

/** A day (YYYY-MM-DD) as is; a timestamp as its local day. Empty → "—". */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—'
  return dayOf(value)
}

/** A timestamp as "YYYY-MM-DD HH:mm" local time; a stored day stays a day. Empty → "—". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return `${dayOf(value)} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** "2026年11月28日" for documents (GB/T 9704 dates, no leading zeros). */
export function formatChineseDay(day: string): string {
  const [y, m, d] = dayOf(day).split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** Days from a deadline, in words: "已逾期 3 天", "今天到期", "剩 5 天". */
export function formatDeadlineDistance(daysLeft: number): string {
  if (daysLeft < 0) return `已逾期 ${formatNumber(-daysLeft)} 天`
  if (daysLeft === 0) return '今天到期'
  return `剩 ${formatNumber(daysLeft)} 天`
}
