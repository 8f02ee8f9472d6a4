import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, passing, seededUnit, slopeReading, webRun } from './fixtures'

let t: TestCore
let unit: { id: number; name: string }
let placeId: number

beforeEach(async () => {
  // A fixed "today" after every date used below (the services refuse inspections dated after today).
  t = openTestCore({}, { now: () => new Date('2026-12-15T10:00:00+08:00') })
  unit = await seededUnit(t, '住房和城乡建设局')
  placeId = await createPlace(t, '区政务服务大厅', unit.id)
})
afterEach(() => t.close())

const countRows = (table: string) =>
  t.core.ctx.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number

describe('items from findings', () => {
  it('makes one item per failing site check when the inspection is submitted, with measured and required', async () => {
    await inspect(t, placeId, '2026-11-20', [
      { label: '北门坡道', slope: failing },
      { label: '南门坡道', slope: passing },
    ])
    const items = await t.call('rectification:list', {})
    expect(items).toHaveLength(1)
    const [item] = items
    expect(item).toMatchObject({
      source: 'site',
      status: 'open',
      unitId: unit.id,
      unitName: unit.name,
      placeId,
      location: '区政务服务大厅·北门坡道',
      category: '轮椅坡道',
      categoryId: 'ramp',
      severity: 'critical',
      firstFoundAt: '2026-11-20',
      version: 1,
      overdue: false,
      proposal: null,
    })
    expect(item!.clauses.map((c) => c.code)).toContain('GB 55019-2021')
    expect(item!.findingCount).toBe(1)
    // What was found and what to do come with the whole item.
    const full = await t.call('rectification:get', { id: item!.id })
    expect(full.found).toContain('1:8')
    expect(full.remedy).toContain('1:12')
    expect(full.findingIds).toHaveLength(1)
  })

  it('is idempotent: a second sync creates and links nothing', async () => {
    await inspect(t, placeId, '2026-11-20', [{ label: '北门坡道', slope: failing }])
    const before = countRows('rectification_items')
    expect(await t.call('rectification:sync', {})).toEqual({ created: 0, linked: 0, proposals: 0 })
    expect(countRows('rectification_items')).toBe(before)
    expect(countRows('rectification_item_findings')).toBe(1)
  })

  it('joins a re-inspection finding of the same element and check to the existing item', async () => {
    await inspect(t, placeId, '2026-11-20', [{ label: '北门坡道', slope: failing }])
    await inspect(t, placeId, '2026-12-05', [{ label: '北门坡道', slope: [250, 2400] }])
    const items = await t.call('rectification:list', {})
    expect(items).toHaveLength(1)
    expect(items[0]!.findingCount).toBe(2)
    expect(items[0]!.firstFoundAt).toBe('2026-11-20')
    // The newest measurement is what the item says was found.
    expect((await t.call('rectification:get', { id: items[0]!.id })).found).toContain('1:9.6')
  })

  it('groups a portal rule into one item listing its elements; needs-review results make no item', async () => {
    const portal = await t.call('portals:create', {
      name: '区政府门户',
      startUrl: 'https://gov.example/',
      unitId: unit.id,
    })
    const hostile = '<img src=x onerror=alert(1)>'
    webRun(t, portal.id, [
      {
        url: 'https://gov.example/',
        rules: { 'color-contrast': [{ selector: 'p.a', html: hostile, fingerprint: 'fa' }] },
      },
      {
        url: 'https://gov.example/news',
        rules: {
          'color-contrast': [
            { selector: 'p.b', html: '<p class="b">x</p>', fingerprint: 'fb' },
            { selector: 'p.c', html: '<p class="c">y</p>', fingerprint: 'fc' },
          ],
        },
      },
    ])
    t.core.ctx.db
      .prepare(
        `INSERT INTO findings (source, severity, needs_review, title, detail, clauses_json, evidence_json, unit_id,
           check_id, match_key, created_at, portal_id) VALUES ('web', 'minor', 1, '需复核', '', '[]', '{}', ?, 'region',
           'web:portal:${portal.id}:region:x:y', '2026-11-20T00:00:00Z', ?)`,
      )
      .run(unit.id, portal.id)
    const result = await t.call('rectification:sync', {})
    expect(result).toMatchObject({ created: 1, linked: 3 })
    const [item] = await t.call('rectification:list', { source: 'web' })
    expect(item).toMatchObject({
      portalId: portal.id,
      portalName: '区政府门户',
      location: '区政府门户（2 个页面）',
      category: '网站无障碍',
      categoryId: 'web',
      elementCount: 3,
      severity: 'major',
    })
    const full = await t.call('rectification:get', { id: item!.id })
    expect(full.elements[0]).toEqual({ pageUrl: 'https://gov.example/', selector: 'p.a', html: hostile })
    expect(full.remedy).toContain('提高前景色与背景色的对比度')
    // What to do, not only the rule's title: the criterion to meet by name, and where the fix is explained.
    expect(full.remedy).toContain('整改后应达到 WCAG 成功准则 1.4.3“对比度（最低）”（AA 级）')
    expect(full.remedy).toContain(
      '修改方法参见：https://dequeuniversity.com/rules/axe/4.14/color-contrast?lang=zh',
    )
    expect(full.found).toContain('共 3 处')

    // The next run with the same elements links to the same item, without new elements.
    webRun(t, portal.id, [
      {
        url: 'https://gov.example/',
        rules: { 'color-contrast': [{ selector: 'p.a', html: hostile, fingerprint: 'fa' }] },
      },
    ])
    expect(await t.call('rectification:sync', {})).toMatchObject({ created: 0, linked: 1 })
    const again = await t.call('rectification:list', { source: 'web' })
    expect(again).toHaveLength(1)
    expect(again[0]!.elementCount).toBe(3)
  })

  it('filters by unit, place, status and search', async () => {
    const other = await seededUnit(t, '交通局')
    const otherPlace = await createPlace(t, '公交总站', other.id)
    await inspect(t, placeId, '2026-11-20', [{ label: '北门坡道', slope: failing }])
    await inspect(t, otherPlace, '2026-11-21', [{ label: '站前坡道', slope: failing }])
    expect(await t.call('rectification:list', { unitId: other.id })).toHaveLength(1)
    expect(await t.call('rectification:list', { placeId })).toHaveLength(1)
    expect(await t.call('rectification:list', { search: '公交' })).toHaveLength(1)
    expect(await t.call('rectification:list', { status: 'notified' })).toHaveLength(0)
    expect(await t.call('rectification:list', { status: 'all' })).toHaveLength(2)
  })

  it('keeps one item when a submitted inspection is corrected, and drops an unsent item the correction clears', async () => {
    const original = await inspect(t, placeId, '2026-11-20', [
      { label: '北门坡道', slope: failing },
      { label: '南门坡道', slope: failing },
    ])
    const before = await t.call('rectification:list', { placeId })
    expect(before).toHaveLength(2)
    // The correction keeps 北门坡道 failing (another value) and finds 南门坡道 was measured wrongly.
    let revision = await t.call('inspections:revise', { id: original.id })
    for (const [label, slope] of [
      ['北门坡道', [280, 2400]],
      ['南门坡道', [200, 2800]],
    ] as const) {
      const element = revision.elements.find((e) => e.label === label)!
      revision = await t.call('inspections:saveCheck', {
        elementId: element.id,
        baseVersion: revision.version,
        checkId: 'ramp.slope',
        inputs: slopeReading(slope),
      })
    }
    await t.call('inspections:submit', { id: revision.id, baseVersion: revision.version })
    const after = await t.call('rectification:list', { placeId, status: 'all' })
    expect(after).toHaveLength(2)
    const north = after.find((i) => i.location.endsWith('北门坡道'))!
    expect(north).toMatchObject({ status: 'open' })
    expect(north.findingCount).toBe(2)
    expect((await t.call('rectification:get', { id: north.id })).found).toContain('1:8.6')
    const south = after.find((i) => i.location.endsWith('南门坡道'))!
    expect(south).toMatchObject({
      status: 'dropped',
      dropReason: '所依据的现场检查已更正，更正后不再判定为问题',
    })
  })

  it('a failing sync never fails the inspection submit; the explicit sync catches up', async () => {
    t.core.ctx.db.exec(
      `CREATE TEMP TRIGGER no_items BEFORE INSERT ON rectification_items BEGIN SELECT RAISE(ABORT, 'broken'); END`,
    )
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const submitted = await inspect(t, placeId, '2026-11-20', [{ label: '北门坡道', slope: failing }])
    expect(submitted.status).toBe('submitted')
    expect(logged).toHaveBeenCalled()
    logged.mockRestore()
    expect(await t.call('findings:list', { inspectionId: submitted.id })).toHaveLength(1)
    expect(await t.call('rectification:list', {})).toEqual([])
    t.core.ctx.db.exec('DROP TRIGGER no_items')
    expect(await t.call('rectification:sync', {})).toMatchObject({ created: 1, linked: 1 })
  })
})
