import { describe, expect, it } from 'vitest'
import { addDays, dayFrom, dayOf, lastDayOfMonth, localDay, pad } from '../../../shared/domain/local-dates'

describe('local dates', () => {
  it('pads and builds days', () => {
    expect(pad(3)).toBe('03')
    expect(pad(12)).toBe('12')
    expect(dayFrom(2026, 2, 5)).toBe('2026-02-05')
  })

  it('takes the local calendar day of a moment', () => {
    const lateEvening = new Date(2026, 10, 28, 23, 30)
    expect(localDay(lateEvening)).toBe('2026-11-28')
    expect(dayOf(lateEvening.toISOString())).toBe('2026-11-28')
    expect(dayOf('2026-03-01')).toBe('2026-03-01')
    expect(dayOf('not a date')).toBe('not a date')
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2026-11-28', 30)).toBe('2026-12-28')
  })

  it('knows the last day of each month', () => {
    expect(lastDayOfMonth(2026, 2)).toBe(28)
    expect(lastDayOfMonth(2028, 2)).toBe(29)
    expect(lastDayOfMonth(2026, 12)).toBe(31)
  })
})
