import { describe, expect, it } from 'vitest'
import { contract, isOperationName, operationNames } from '../../../shared/api/contract'
import { ApiError } from '../../../shared/api/errors'
import { parseOrThrow } from '../../../shared/api/validate'

function fieldsOf(name: keyof typeof contract, input: unknown) {
  try {
    parseOrThrow(contract[name].input, input, contract[name].labels)
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('VALIDATION')
    return (error as ApiError).fields ?? []
  }
  throw new Error('expected a validation error')
}

describe('the API contract', () => {
  it('names every operation domain:action and knows them', () => {
    for (const name of operationNames) expect(name).toMatch(/^[a-z]+:[A-Za-z]+$/)
    expect(isOperationName('units:create')).toBe(true)
    expect(isOperationName('units:drop')).toBe(false)
    expect(isOperationName('__proto__')).toBe(false)
  })

  it('gives every operation a zh-CN summary', () => {
    for (const name of operationNames) expect(contract[name].summary).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('units input validation', () => {
  it('refuses an empty name with a message naming the field', () => {
    const fields = fieldsOf('units:create', { name: '   ', kind: 'government' })
    expect(fields).toEqual([{ path: 'name', message: '单位名称：请填写单位名称' }])
  })

  it('refuses an unknown kind and a malformed phone', () => {
    const fields = fieldsOf('units:create', { name: '区教育局', kind: 'ministry', phone: '12ab' })
    expect(fields.map((f) => f.path).sort()).toEqual(['kind', 'phone'])
    expect(fields.find((f) => f.path === 'phone')?.message).toContain('联系电话：格式不正确')
    expect(fields.find((f) => f.path === 'kind')?.message).toContain('单位类别')
  })

  it('accepts mobile, landline with extension and service numbers, and trims text', () => {
    for (const phone of ['13800138000', '0473-1234567', '0473 1234567 转 801', '12345', '+86 13800138000']) {
      const parsed = parseOrThrow(contract['units:create'].input, {
        name: ' 区民政局 ',
        kind: 'government',
        phone,
      })
      expect(parsed.name).toBe('区民政局')
      expect(parsed.phone).toBe(phone)
    }
  })

  it('stores blank optional text as null', () => {
    const parsed = parseOrThrow(contract['units:create'].input, {
      name: 'A',
      kind: 'other',
      note: '  ',
      phone: '',
    })
    expect(parsed.note).toBeNull()
    expect(parsed.phone).toBeNull()
    expect(parsed.contactPerson).toBeNull()
  })

  it('caps the name length', () => {
    const fields = fieldsOf('units:create', { name: '局'.repeat(101), kind: 'government' })
    expect(fields[0]?.message).toBe('单位名称：不能超过 100 个字符')
  })

  it('requires the edited version on update (last-writer detection)', () => {
    const fields = fieldsOf('units:update', { id: 1, name: 'A', kind: 'other' })
    expect(fields.map((f) => f.path)).toContain('version')
  })
})

describe('places input validation', () => {
  it('requires latitude and longitude together', () => {
    const fields = fieldsOf('places:create', {
      name: '政务服务大厅',
      type: 'government-service-hall',
      latitude: 39.5,
    })
    expect(fields).toEqual([{ path: 'longitude', message: '经度：经纬度须同时填写或同时留空' }])
  })

  it('refuses coordinates out of range with the range in the message', () => {
    const fields = fieldsOf('places:create', { name: 'x', type: 'park', latitude: 91, longitude: 200 })
    expect(fields.map((f) => f.message)).toEqual(['纬度：须在 -90 到 90 之间', '经度：须在 -180 到 180 之间'])
  })

  it('refuses a non-number coordinate and an unknown type in zh-CN', () => {
    const fields = fieldsOf('places:create', { name: 'x', type: 'castle', latitude: 'abc', longitude: 1 })
    expect(fields.find((f) => f.path === 'type')?.message).toBe('场所类型：请选择场所类型')
    expect(fields.find((f) => f.path === 'latitude')?.message).toBe('纬度：须为数字')
  })

  it('accepts a place without a responsible unit or GPS', () => {
    const parsed = parseOrThrow(contract['places:create'].input, { name: '人民公园', type: 'park' })
    expect(parsed).toMatchObject({ unitId: null, latitude: null, longitude: null, address: null })
  })

  it('defaults list filters to an empty object', () => {
    expect(parseOrThrow(contract['places:list'].input, undefined)).toEqual({})
  })
})
