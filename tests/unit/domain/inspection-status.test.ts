import { describe, expect, it } from 'vitest'
import { comparisonStatus, isProblem } from '../../../shared/domain/inspection-status'

const fail = { verdict: 'fail' as const, confirmedFinding: false, checked: true }
const pass = { verdict: 'pass' as const, confirmedFinding: false, checked: true }
const review = { verdict: 'needs-review' as const, confirmedFinding: false, checked: true }
const confirmed = { ...review, confirmedFinding: true }
const blank = { verdict: 'needs-review' as const, confirmedFinding: false, checked: false }

describe('re-inspection status', () => {
  it('counts fails and confirmed reviews as problems', () => {
    expect(isProblem('fail', false)).toBe(true)
    expect(isProblem('needs-review', true)).toBe(true)
    expect(isProblem('needs-review', false)).toBe(false)
    expect(isProblem('not-applicable', true)).toBe(false)
  })

  it('marks fixed, still failing, new and unchanged', () => {
    expect(comparisonStatus(fail, pass)).toBe('fixed')
    expect(comparisonStatus(fail, fail)).toBe('still-failing')
    expect(comparisonStatus(confirmed, fail)).toBe('still-failing')
    expect(comparisonStatus(pass, fail)).toBe('new')
    expect(comparisonStatus(null, fail)).toBe('new')
    expect(comparisonStatus(pass, pass)).toBe('unchanged-pass')
  })

  it('never calls a former problem fixed until it has been measured again', () => {
    expect(comparisonStatus(fail, null)).toBe('not-rechecked')
    expect(comparisonStatus(fail, blank)).toBe('not-rechecked')
    expect(comparisonStatus(fail, review)).toBe('not-rechecked')
  })
})
