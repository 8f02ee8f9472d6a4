import { describe, expect, it } from 'vitest'
import { findCheck } from '../../../shared/catalog/index'
import type { NumericInputDefinition } from '../../../shared/catalog/types'
import { parseNumber } from '../../../renderer/src/inspections/draft-values'

const slope = findCheck('ramp.slope')!
const input = (id: string) => slope.inputs.find((i) => i.id === id) as NumericInputDefinition

describe('typing numbers in the inspection form', () => {
  it('reads a unit typed after the number, when the input accepts it', () => {
    expect(parseNumber('1.2m', input('rise'))).toEqual({ value: 1.2, unit: 'm' })
    expect(parseNumber('300', input('rise'))).toEqual({ value: 300 })
    expect(parseNumber('5%', input('gradient'))).toEqual({ value: 5, unit: '%' })
    expect(parseNumber('1:12', input('gradient'))).toEqual({ value: 12, unit: 'ratio' })
  })

  it('accepts full-width digits and colons from a Chinese IME', () => {
    expect(parseNumber('１：１２', input('gradient'))).toEqual({ value: 12, unit: 'ratio' })
  })

  it('gives NaN for text that is not a number, and null for blank', () => {
    expect(parseNumber('abc', input('rise'))?.value).toBeNaN()
    expect(parseNumber('  ', input('rise'))).toBeNull()
  })
})
