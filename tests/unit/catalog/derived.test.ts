import { describe, expect, it } from 'vitest'
import {
  allowedRampRise,
  evaluateCheck,
  requiredAccessibleParkingSpaces,
  type CheckResult,
  type DerivedValue,
} from '../../../shared/catalog/index'
import { cm, count, db, deg, m, mm, pct, ratio } from './cases/build'

function result(checkId: string, inputs: Record<string, unknown>): CheckResult {
  const r = evaluateCheck(checkId, inputs)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.result
}

function derived(r: CheckResult, id: string): DerivedValue {
  const d = r.derived.find((x) => x.id === id)
  if (!d) throw new Error(`no derived value ${id} in ${JSON.stringify(r.derived)}`)
  return d
}

describe('slope is computed, not typed', () => {
  it('from rise and run', () => {
    const d = derived(result('ramp.slope', { rise: mm(500), run: m(6) }), 'gradient')
    expect(d).toEqual({
      id: 'gradient',
      label: '坡度',
      value: 8.3333,
      unit: '%',
      display: '1:12（8.33%，4.76°）',
    })
  })

  it('from rise and run in mixed units', () => {
    expect(derived(result('ramp.slope', { rise: cm(10), run: mm(2000) }), 'gradient').display).toBe(
      '1:20（5%，2.86°）',
    )
  })

  it('from a % reading', () => {
    expect(derived(result('ramp.slope', { gradient: pct(6.25) }), 'gradient').display).toBe(
      '1:16（6.25%，3.58°）',
    )
  })

  it('from a degree reading', () => {
    const d = derived(result('ramp.slope', { gradient: deg(2.86) }), 'gradient')
    expect(d.value).toBeCloseTo(4.996, 2)
    expect(d.display.startsWith('1:20')).toBe(true)
  })

  it('rise and run win over a reading when both are given', () => {
    const r = result('ramp.slope', { rise: mm(100), run: mm(2000), gradient: pct(9) })
    expect(r.verdict).toBe('pass')
    expect(derived(r, 'gradient').value).toBe(5)
  })

  it('bevel gradient at a door threshold', () => {
    expect(
      derived(result('door.threshold', { step: mm(10), bevelLength: mm(100) }), 'bevel-gradient').display,
    ).toBe('1:10（10%，5.71°）')
  })
})

describe('allowed rise for a slope', () => {
  it.each([
    // n, GB 55019 limit, GB 50763 table 3.4.4 value
    [20, 750, 1200],
    [16, 750, 900],
    [12, 750, 750],
    [10, 150, 600],
    [8, null, 300],
  ])('1:%d → %s mm (GB 50763 table: %d mm)', (n, allowed, table) => {
    const a = allowedRampRise(1 / n)
    expect(a.allowedMm).toBe(allowed)
    expect(a.gb50763Mm).toBeCloseTo(table, 6)
  })

  it('interpolates the legacy table on the gradient (1:14 ≈ 836 mm, not 825 mm)', () => {
    expect(allowedRampRise(1 / 14).gb50763Mm).toBeCloseTo(835.71, 2)
  })

  it('marks the 1:12–1:10 band as constrained-only', () => {
    expect(allowedRampRise(1 / 11)).toMatchObject({ allowedMm: 150, constrainedOnly: true })
    expect(allowedRampRise(1 / 12).constrainedOnly).toBe(false)
  })

  it('has no legacy table value outside 1:20–1:8', () => {
    expect(allowedRampRise(1 / 30)).toEqual({ allowedMm: 750, constrainedOnly: false, gb50763Mm: null })
  })

  it.each([
    [20, '15.00 m'],
    [16, '12.00 m'],
    [12, '9.00 m'],
    [10, '1.50 m'],
  ])('rise-per-run reports the allowed rise and the matching run for 1:%d', (n, run) => {
    const r = result('ramp.rise-per-run', { rise: mm(100), gradient: ratio(n) })
    expect(derived(r, 'max-run').display).toBe(run)
    expect(derived(r, 'allowed-rise').value).toBe(n === 10 ? 150 : 750)
  })
})

describe('required accessible parking spaces', () => {
  it.each([
    [1, 1],
    [100, 1],
    [101, 2],
    [200, 2],
    [201, 3],
    [700, 7],
    [1000, 10],
    [1001, 11],
  ])('GB 55019: %d spaces → %d', (total, expected) => {
    expect(requiredAccessibleParkingSpaces(total).required).toBe(expected)
  })

  it.each([
    [49, 1],
    [50, 2],
    [100, 2],
    [101, 3],
    [500, 10],
  ])('city squares and parks: %d spaces → %d', (total, expected) => {
    expect(requiredAccessibleParkingSpaces(total, 'square-park').required).toBe(expected)
  })

  it('stand-alone public car parks by class', () => {
    expect(requiredAccessibleParkingSpaces(600, 'public-car-park', 'I')).toEqual({
      gb55019: 6,
      gb50763: 12,
      required: 12,
    })
    expect(requiredAccessibleParkingSpaces(60, 'public-car-park', 'III')).toEqual({
      gb55019: 1,
      gb50763: 2,
      required: 2,
    })
    expect(requiredAccessibleParkingSpaces(30, 'public-car-park', 'IV')).toEqual({
      gb55019: 1,
      gb50763: 1,
      required: 1,
    })
    expect(requiredAccessibleParkingSpaces(60, 'public-car-park').gb50763).toBeNull()
  })

  it('residential areas: GB 50763 0.5 % is lower than GB 55019 1 %', () => {
    expect(requiredAccessibleParkingSpaces(300, 'residential')).toEqual({
      gb55019: 3,
      gb50763: 2,
      required: 3,
    })
  })

  it('appears in the check result', () => {
    const r = result('parking.count', { total: count(250), accessible: count(3), setting: 'general' })
    expect(derived(r, 'required-spaces')).toMatchObject({ value: 3, unit: 'count', display: '至少 3 个' })
    expect(r.verdict).toBe('pass')
  })
})

describe('other derived values', () => {
  it('toilet room area from length and width', () => {
    expect(derived(result('toilet-room.area', { length: m(2.2), width: cm(190) }), 'area')).toMatchObject({
      value: 4.18,
      unit: 'm2',
      display: '4.18 m²',
    })
  })

  it('stall area', () => {
    expect(derived(result('toilet-stall.size', { length: m(2), width: m(1.5) }), 'area').value).toBe(3)
  })

  it('signal level above ambient', () => {
    expect(
      derived(
        result('audible-signal.acoustics', { ambientDb: db(62.5), signalDb: db(70) }),
        'signal-above-ambient',
      ).value,
    ).toBe(7.5)
  })

  it('grab bar height above the seat', () => {
    expect(
      derived(
        result('toilet-stall.grab-bar-height', { barHeight: mm(720), seatHeight: mm(450) }),
        'above-seat',
      ).value,
    ).toBe(270)
  })
})
