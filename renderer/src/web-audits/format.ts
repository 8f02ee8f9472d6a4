import { i18next } from '../i18n/index'

/** ms → "约 3 分 20 秒" (never "0 秒": anything under a second reads as "约 1 秒"). */
export function formatDuration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return i18next.t('webAudits.duration.hours', { h, m })
  if (m > 0) return i18next.t('webAudits.duration.minutes', { m, s })
  return i18next.t('webAudits.duration.seconds', { s })
}

// Dates and times read the same on every screen, in the CLI and in the documents: shared/format.
export { formatDateTime } from '../../../shared/format/index'

/** Audited pages are hostile: only http(s) addresses ever become links. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** Include/exclude patterns: one per line in the form, an array in the API. */
export function linesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
}

export function statusLabel(group: 'batchStatus' | 'runStatus', status: string): string {
  return i18next.t(`webAudits.${group}.${status}`, { defaultValue: status })
}
