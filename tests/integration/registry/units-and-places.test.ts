import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedUnitsOnce } from '../../../electron/core/registry/units-service'
import { openTestCore, type TestCore } from '../../support/test-core'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.close())

describe('responsible units', () => {
  it('are seeded once with the departments the district plan names', async () => {
    const names = (await t.call('units:list', {})).map((u) => u.name)
    for (const expected of [
      '住房和城乡建设局',
      '交通局',
      '政务服务局',
      '文化旅游体育局',
      '卫生健康委员会',
      '教育局',
      '民政局',
      '城市管理综合执法局',
      '公安局乌达区分局',
    ]) {
      expect(
        names.some((n) => n.includes(expected)),
        expected,
      ).toBe(true)
    }
    // Deleting the seeds must not bring them back on the next start.
    t.core.ctx.db.prepare('DELETE FROM units').run()
    expect(seedUnitsOnce(t.core.ctx)).toBe(0)
    expect(await t.call('units:list', {})).toEqual([])
  })

  it('are created, found by search and filter, sorted, edited and archived', async () => {
    const unit = await t.call('units:create', {
      name: '测试街道办事处',
      kind: 'government',
      contactPerson: '王芳',
      phone: '0473-3012345',
    })
    expect(unit).toMatchObject({
      name: '测试街道办事处',
      contactPerson: '王芳',
      archived: false,
      version: 1,
      placeCount: 0,
    })
    expect((await t.call('units:list', { search: '王芳' })).map((u) => u.id)).toEqual([unit.id])
    expect((await t.call('units:list', { search: '3012345' })).map((u) => u.id)).toEqual([unit.id])
    expect((await t.call('units:list', { search: '%' })).length).toBe(0) // wildcards are literal
    expect((await t.call('units:list', { kind: 'judicial' })).every((u) => u.kind === 'judicial')).toBe(true)
    const desc = await t.call('units:list', { sortBy: 'name', sortDirection: 'desc' })
    const asc = await t.call('units:list', { sortBy: 'name', sortDirection: 'asc' })
    expect(desc.map((u) => u.id)).toEqual(asc.map((u) => u.id).reverse())

    const edited = await t.call('units:update', { ...unit, name: '测试街道', version: unit.version })
    expect(edited).toMatchObject({ name: '测试街道', version: 2 })
    const archived = await t.call('units:setArchived', { id: unit.id, archived: true })
    expect(archived.archived).toBe(true)
    expect((await t.call('units:list', {})).some((u) => u.id === unit.id)).toBe(false)
    expect((await t.call('units:list', { includeArchived: true })).some((u) => u.id === unit.id)).toBe(true)
  })

  it('refuses a duplicate name on the name field, and saves nothing', async () => {
    const before = (await t.call('units:list', { includeArchived: true })).length
    const error = await t.fail('units:create', { name: '乌达区教育局', kind: 'government' })
    expect(error.code).toBe('DUPLICATE')
    expect(error.fields?.[0]).toEqual({
      path: 'name',
      message: '单位名称：已存在名为“乌达区教育局”的责任单位',
    })
    expect((await t.call('units:list', { includeArchived: true })).length).toBe(before)
  })

  it('detects a stale edit instead of silently overwriting (two windows)', async () => {
    const unit = await t.call('units:create', { name: '甲单位', kind: 'other' })
    await t.call('units:update', { ...unit, contactPerson: '窗口一', version: 1 })
    const error = await t.fail('units:update', { ...unit, contactPerson: '窗口二', version: 1 })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('已在别处被修改')
    expect((await t.call('units:get', { id: unit.id })).contactPerson).toBe('窗口一')
  })

  it('answers NOT_FOUND in zh-CN for a missing unit', async () => {
    const error = await t.fail('units:get', { id: 99999 })
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: '责任单位（编号 99999）不存在' })
  })
})

describe('places', () => {
  it('are created with a unit, listed with the unit name, filtered, sorted and archived', async () => {
    const unit = await t.call('units:create', { name: '测试医院管理处', kind: 'institution' })
    const a = await t.call('places:create', {
      name: '区人民医院',
      type: 'hospital',
      address: '乌达区新华街 1 号',
      latitude: 39.5,
      longitude: 106.7,
      unitId: unit.id,
    })
    const b = await t.call('places:create', { name: '新华路与团结路路口', type: 'road-crossing' })
    expect(a).toMatchObject({ unitName: '测试医院管理处', latitude: 39.5, longitude: 106.7, version: 1 })
    expect(b).toMatchObject({ unitId: null, unitName: null })
    expect((await t.call('units:get', { id: unit.id })).placeCount).toBe(1)

    expect((await t.call('places:list', { search: '新华街' })).map((p) => p.id)).toEqual([a.id])
    expect((await t.call('places:list', { search: '医院管理' })).map((p) => p.id)).toEqual([a.id])
    expect((await t.call('places:list', { type: 'road-crossing' })).map((p) => p.id)).toEqual([b.id])
    expect((await t.call('places:list', { unitId: unit.id })).map((p) => p.id)).toEqual([a.id])

    const moved = await t.call('places:update', { ...a, unitId: null, version: a.version })
    expect(moved).toMatchObject({ unitId: null, version: 2 })
    await t.call('places:setArchived', { id: b.id, archived: true })
    expect((await t.call('places:list', {})).map((p) => p.id)).toEqual([a.id])
  })

  it('refuses a place whose unit does not exist, naming the field, and saves nothing', async () => {
    const error = await t.fail('places:create', { name: '某银行网点', type: 'bank', unitId: 4242 })
    expect(error.code).toBe('NOT_FOUND')
    expect(error.fields?.[0]?.path).toBe('unitId')
    expect(await t.call('places:list', { includeArchived: true })).toEqual([])
  })

  it('refuses invalid input with field messages and saves nothing', async () => {
    const error = await t.fail('places:create', { name: '', type: 'park', latitude: 100, longitude: 1 })
    expect(error.code).toBe('VALIDATION')
    expect(error.fields?.map((f) => f.message)).toEqual([
      '场所名称：请填写场所名称',
      '纬度：须在 -90 到 90 之间',
    ])
    expect(await t.call('places:list', { includeArchived: true })).toEqual([])
  })

  it('rejects unknown operations', async () => {
    expect((await t.fail('places:drop' as never, {})).code).toBe('UNKNOWN_OPERATION')
  })
})
