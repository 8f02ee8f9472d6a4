import { describe, expect, it } from 'vitest'
import {
  convertGradient,
  convertLength,
  formatGradient,
  formatRatio,
  gradientFromReading,
  gradientFromRiseRun,
  gradientToReading,
  inputRecordSchema,
  inputValueSchema,
  unitLabel,
  units,
} from '../../../shared/catalog/index'

describe('convertLength', () => {
  it.each([
    [1200, 'mm', 'm', 1.2],
    [1.2, 'm', 'mm', 1200],
    [120, 'cm', 'mm', 1200],
    [1200, 'mm', 'cm', 120],
    [0.9, 'm', 'cm', 90],
    [15, 'cm', 'm', 0.15],
    [0, 'm', 'mm', 0],
  ] as const)('%d %s = %d %s', (value, from, to, expected) => {
    expect(convertLength(value, from, to)).toBe(expected)
  })

  it('removes floating-point noise at limits', () => {
    expect(1.1 * 100).not.toBe(110)
    expect(convertLength(1.1, 'm', 'mm')).toBe(1100)
    expect(convertLength(1.1, 'm', 'cm')).toBe(110)
    expect(convertLength(0.15, 'm', 'mm')).toBe(150)
  })

  it('round-trips', () => {
    for (const v of [0.85, 1.5, 2.4, 7, 0.013])
      expect(convertLength(convertLength(v, 'm', 'mm'), 'mm', 'm')).toBe(v)
  })
})

describe('gradients', () => {
  // conversion constants listed in the reference (section 14.2)
  it.each([
    [12, 8.33, 4.76],
    [16, 6.25, 3.58],
    [20, 5, 2.86],
    [10, 10, 5.71],
    [8, 12.5, 7.13],
    [30, 3.33, 1.91],
    [48, 2.08, 1.19],
    [50, 2, 1.15],
  ])('1:%d = %d %% = %d°', (n, percent, degrees) => {
    expect(convertGradient(n, 'ratio', '%')).toBeCloseTo(percent, 2)
    expect(convertGradient(n, 'ratio', 'deg')).toBeCloseTo(degrees, 2)
    expect(convertGradient(percent, '%', 'ratio')).toBeCloseTo(n, 0)
  })

  it('computes the gradient from rise and run', () => {
    expect(gradientFromRiseRun(750, 9000)).toBeCloseTo(1 / 12, 12)
    expect(gradientFromRiseRun(150, 1500)).toBe(0.1)
    expect(gradientFromRiseRun(10, 0)).toBeNaN()
  })

  it('reads %, degrees and 1:n', () => {
    expect(gradientFromReading(5, '%')).toBe(0.05)
    expect(gradientFromReading(45, 'deg')).toBeCloseTo(1, 10)
    expect(gradientFromReading(20, 'ratio')).toBe(0.05)
    expect(gradientFromReading(0, 'ratio')).toBeNaN()
    expect(gradientToReading(0, 'ratio')).toBe(Number.POSITIVE_INFINITY)
  })

  it('formats as 1:n with % and degrees', () => {
    expect(formatRatio(1 / 12)).toBe('1:12')
    expect(formatRatio(0.08)).toBe('1:12.5')
    expect(formatRatio(0)).toBe('水平')
    expect(formatGradient(0.1)).toBe('1:10（10%，5.71°）')
    expect(formatGradient(1 / 12)).toBe('1:12（8.33%，4.76°）')
  })
})

describe('unit metadata', () => {
  it('has zh-CN labels', () => {
    expect(unitLabel('mm')).toBe('毫米')
    expect(unitLabel('cm')).toBe('厘米')
    expect(unitLabel('m')).toBe('米')
    expect(unitLabel('%')).toBe('%')
    expect(unitLabel('deg')).toBe('度')
    expect(unitLabel('count')).toBe('个')
    expect(units.ratio.symbol).toBe('1:n')
    expect(units.mm.dimension).toBe('length')
  })
})

describe('boundary schemas', () => {
  it('accepts the stored input formats', () => {
    expect(inputValueSchema.safeParse({ value: 1.2, unit: 'm' }).success).toBe(true)
    expect(inputValueSchema.safeParse(true).success).toBe(true)
    expect(inputValueSchema.safeParse('new').success).toBe(true)
    expect(inputValueSchema.safeParse(null).success).toBe(true)
    expect(
      inputRecordSchema.safeParse({
        rise: { value: 150, unit: 'mm' },
        constrained: false,
        type: 'other',
        x: null,
      }).success,
    ).toBe(true)
  })

  it('rejects malformed values', () => {
    expect(inputValueSchema.safeParse({ value: '12', unit: 'mm' }).success).toBe(false)
    expect(inputValueSchema.safeParse({ value: Number.NaN, unit: 'mm' }).success).toBe(false)
    expect(inputValueSchema.safeParse({ value: Number.POSITIVE_INFINITY, unit: 'mm' }).success).toBe(false)
    expect(inputValueSchema.safeParse({ value: 12 }).success).toBe(false)
    expect(inputValueSchema.safeParse({ value: 12, unit: 'mm', extra: 1 }).success).toBe(false)
    expect(inputValueSchema.safeParse(12).success).toBe(false)
    expect(inputRecordSchema.safeParse({ rise: [150] }).success).toBe(false)
  })
})
