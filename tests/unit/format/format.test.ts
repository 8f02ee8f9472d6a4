import { describe, expect, it } from 'vitest'
import { severityLabels as catalogSeverityLabels } from '../../../shared/catalog/index'
import {
  formatChineseDay,
  formatCount,
  formatDateTime,
  formatDay,
  formatDeadlineDistance,
  formatNumber,
  formatSeverity,
  impactLabels,
} from '../../../shared/format/index'
import { impactLabelsZh, impactSeverity } from '../../../shared/web/standards'
import { formatDateTime as screenDateTime } from '../../../renderer/src/web-audits/format'
import { formatDay as rectificationDay } from '../../../renderer/src/rectification/dates'

/** One voice: the same count, date and severity wording on every screen, in the CLI and in documents. */
describe('shared/format', () => {
  it('keeps a stored day a day: a notice date is never shown as midnight UTC with a time', () => {
    // The item page showed 通知时间 "2026年11月28日 08:00" for the notice dated 2026-11-28.
    expect(screenDateTime('2026-11-28')).toBe('2026-11-28')
    expect(rectificationDay('2026-11-28')).toBe('2026-11-28')
    expect(formatDay(null)).toBe('—')
    expect(formatDateTime(undefined)).toBe('—')
  })

  it('shows a timestamp as YYYY-MM-DD HH:mm in local time, the same in every screen', () => {
    const iso = new Date(2026, 10, 28, 9, 5).toISOString()
    expect(formatDateTime(iso)).toBe('2026-11-28 09:05')
    expect(screenDateTime(iso)).toBe('2026-11-28 09:05')
    expect(rectificationDay(iso)).toBe('2026-11-28 09:05')
    expect(formatDay(iso)).toBe('2026-11-28')
    expect(formatChineseDay('2026-01-05')).toBe('2026年1月5日')
  })

  it('writes counts with the zh-CN separator and a measure word', () => {
    expect(formatNumber(1204)).toBe('1,204')
    expect(formatNumber(2.25)).toBe('2.3')
    expect(formatCount(3, '项')).toBe('3 项')
    expect(formatDeadlineDistance(-3)).toBe('已逾期 3 天')
    expect(formatDeadlineDistance(0)).toBe('今天到期')
    expect(formatDeadlineDistance(5)).toBe('剩 5 天')
  })

  it('names a severity the same way as the web impact it comes from', () => {
    // A serious web violation (较重 on the run page) became a "一般" item: now both read 较重.
    expect(formatSeverity(impactSeverity.serious)).toBe(impactLabels.serious)
    expect(formatSeverity(impactSeverity.critical)).toBe(impactLabels.critical)
    expect(catalogSeverityLabels).toEqual({ critical: '严重', major: '较重', minor: '轻微' })
    expect(impactLabelsZh).toBe(impactLabels)
  })
})
