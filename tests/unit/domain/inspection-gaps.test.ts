import { describe, expect, it } from 'vitest'
import { checksForCategory, DEFAULT_CATALOG_ID } from '../../../shared/catalog/index'
import type { CheckResult, Verdict } from '../../../shared/catalog/types'
import type { CheckEntry, InspectionElement } from '../../../shared/domain/inspections'
import { inspectionGaps, isEntered, shownVerdict } from '../../../shared/domain/inspection-gaps'

function result(verdict: Verdict | 'not-entered', missing?: string[]): CheckResult {
  return {
    checkId: 'x',
    catalogId: DEFAULT_CATALOG_ID,
    catalogVersion: '1',
    verdict: verdict as Verdict,
    severity: 'major',
    clauses: [],
    derived: [],
    explanation: '',
    ...(missing ? { missing } : {}),
  }
}

const entry = (checkId: string, r: CheckResult | null, carried: string[] = []): CheckEntry => ({
  checkId,
  inputs: {},
  result: r,
  confirmedFinding: false,
  note: null,
  carried,
})

function ramp(id: number, checks: CheckEntry[], previousElementId: number | null = null): InspectionElement {
  return {
    id,
    category: 'ramp',
    label: `坡道${id}`,
    notes: null,
    position: id,
    previousElementId,
    checks: Object.fromEntries(checks.map((c) => [c.checkId, c])),
    photos: [],
    measurements: {},
    carriedMeasurements: [],
    measurementConflicts: [],
  }
}

const rampChecks = checksForCategory(DEFAULT_CATALOG_ID, 'ramp').map((c) => c.id)

describe('未填写 is its own state', () => {
  it('a blank or incomplete check is not entered; needs-review with blanks listed (stored before 未填写) too', () => {
    expect(isEntered(null)).toBe(false)
    expect(isEntered(result('not-entered', ['rise']))).toBe(false)
    expect(isEntered(result('needs-review', ['rise']))).toBe(false)
    expect(shownVerdict(result('needs-review', ['rise']))).toBe('not-entered')
    expect(shownVerdict(null)).toBe('not-entered')
  })

  it('a decided check is entered, a fail with blanks too (a definite failure is never hidden)', () => {
    expect(shownVerdict(result('needs-review'))).toBe('needs-review')
    expect(shownVerdict(result('fail', ['type']))).toBe('fail')
    expect(isEntered(result('not-applicable'))).toBe(true)
  })
})

describe('before submit: what is not entered and what was not re-measured', () => {
  it('counts every check of the category: fails, real reviews and the not entered apart', () => {
    const gaps = inspectionGaps(
      DEFAULT_CATALOG_ID,
      [
        ramp(1, [
          entry('ramp.slope', result('fail')),
          entry('ramp.clear-width', result('needs-review')),
          entry('ramp.cross-slope', result('needs-review', ['crossSlope'])),
        ]),
      ],
      null,
    )
    expect(gaps.counts).toEqual({
      checks: rampChecks.length,
      notEntered: rampChecks.length - 2,
      needsReview: 1,
      fail: 1,
    })
    expect(gaps.notEntered.map((g) => g.checkId)).toEqual(
      rampChecks.filter((id) => id !== 'ramp.slope' && id !== 'ramp.clear-width'),
    )
    expect(gaps.notRemeasured).toEqual([])
  })

  it('a re-inspection lists the checks measured last time and blank now, or copied (沿用上次), apart', () => {
    const before = ramp(1, [
      entry('ramp.slope', result('fail')),
      entry('ramp.clear-width', result('pass')),
      entry('ramp.cross-slope', result('pass')),
    ])
    const now = ramp(
      2,
      [entry('ramp.slope', result('pass')), entry('ramp.clear-width', result('pass'), ['width'])],
      1,
    )
    const gaps = inspectionGaps(DEFAULT_CATALOG_ID, [now], [before])
    expect(gaps.notRemeasured.map((g) => [g.checkId, g.entered, g.carried])).toEqual([
      ['ramp.cross-slope', false, false],
      ['ramp.clear-width', true, true],
    ])
    expect(gaps.notEntered.map((g) => g.checkId)).not.toContain('ramp.cross-slope')
    expect(gaps.counts.notEntered).toBe(rampChecks.length - 2)
  })

  it('takes what is on screen when given (drafts not saved yet)', () => {
    const gaps = inspectionGaps(DEFAULT_CATALOG_ID, [ramp(1, [])], null, (_e, checkId) => ({
      result: checkId === 'ramp.slope' ? result('pass') : null,
      carried: [],
    }))
    expect(gaps.counts.notEntered).toBe(rampChecks.length - 1)
  })
})
