import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.close())

describe('portals (门户网站)', () => {
  it('stores the start URL normalised and refuses the same portal twice on the URL field', async () => {
    const portal = await t.call('portals:create', {
      name: '乌达区人民政府',
      startUrl: 'WWW.Wuda.GOV.cn/#top',
    })
    expect(portal).toMatchObject({
      startUrl: 'https://www.wuda.gov.cn/',
      maxPages: 50,
      maxDepth: 3,
      runCount: 0,
    })
    const error = await t.fail('portals:create', { name: '重复', startUrl: 'https://www.wuda.gov.cn' })
    expect(error.code).toBe('DUPLICATE')
    expect(error.fields?.[0]?.path).toBe('startUrl')
  })

  it('refuses non-http(s) URLs and out-of-range limits in zh-CN', async () => {
    const error = await t.fail('portals:create', { name: 'x', startUrl: 'javascript:alert(1)', maxPages: 0 })
    expect(error.code).toBe('VALIDATION')
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['maxPages', 'startUrl'])
    expect(error.fields?.find((f) => f.path === 'maxPages')?.message).toBe('最多页面数：须在 1 到 10000 之间')
  })

  it('imports a CSV list: units matched by name, bad lines reported by number, the rest imported', async () => {
    await t.call('portals:create', { name: '已有', startUrl: 'https://old.example.gov.cn/' })
    const text = [
      '\uFEFF网站名称,网址,责任单位',
      '乌达区人民政府,https://www.wuda.gov.cn/,乌达区政务服务局',
      '# 注释行',
      '区教育局,http://jyj.wuda.gov.cn,教育局',
      '坏行,ftp://files.example.gov.cn/,',
      '未知单位网站,https://x.example.gov.cn/,不存在的局',
      '已有,https://old.example.gov.cn/,',
      ',,',
    ].join('\n')
    const report = await t.call('portals:import', { text })
    expect(report.created.map((p) => [p.name, p.unitName])).toEqual([
      ['乌达区人民政府', '乌达区政务服务局'],
      ['区教育局', '乌达区教育局'],
      ['未知单位网站', null],
    ])
    expect(report.existing.map((e) => e.line)).toEqual([7])
    expect(report.problems.map((p) => p.line)).toEqual(expect.arrayContaining([5, 6]))
    expect(report.problems.find((p) => p.line === 6)?.message).toContain('不存在的局')
    expect((await t.call('portals:list', {})).length).toBe(4)
  })

  it('searches, archives and detects stale edits', async () => {
    const portal = await t.call('portals:create', {
      name: '区卫健委网站',
      startUrl: 'https://wjw.example.gov.cn/',
    })
    expect((await t.call('portals:list', { search: 'wjw' })).map((p) => p.id)).toEqual([portal.id])
    await t.call('portals:update', { ...portal, maxPages: 200, version: portal.version })
    expect((await t.fail('portals:update', { ...portal, version: portal.version })).code).toBe('CONFLICT')
    await t.call('portals:setArchived', { id: portal.id, archived: true })
    expect(await t.call('portals:list', {})).toEqual([])
  })
})
