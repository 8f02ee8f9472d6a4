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

  it('makes no item of an advisory (宜) figure: the result notes it, no finding, no item', async () => {
    let insp = await t.call('inspections:create', { placeId, inspectedOn: '2026-11-20', inspectors: '张三' })
    insp = await t.call('inspections:addElement', {
      inspectionId: insp.id,
      baseVersion: insp.version,
      category: 'tactile-warning',
      label: '东侧楼梯提示盲道',
    })
    insp = await t.call('inspections:saveCheck', {
      elementId: insp.elements[0]!.id,
      baseVersion: insp.version,
      checkId: 'tactile-warning.stair-offset',
      // 200 mm from the first step: outside the 250–300 mm GB 50763 says 宜 for a stair not mainly for blind users.
      inputs: { mainlyVisuallyImpaired: false, offset: { value: 200, unit: 'mm' } },
    })
    const saved = insp.elements[0]!.checks['tactile-warning.stair-offset']!
    expect(saved.result?.verdict).toBe('pass')
    expect(saved.result?.advisories).toEqual([expect.stringContaining('小于 250 mm')])
    await t.call('inspections:submit', { id: insp.id, baseVersion: insp.version })
    expect(countRows('findings')).toBe(0)
    expect(await t.call('rectification:list', {})).toEqual([])
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
    // The team's own words for the unit: the problem's name and what to do with its figures; never the tool's
    // advice ("修复以下问题：…") nor a link to its English help pages.
    expect(full.title).toBe('文字与背景对比度不足')
    expect(full.ruleIds).toEqual(['color-contrast'])
    expect(full.remedy).toContain('对比度不低于 4.5:1')
    expect(full.remedy).not.toMatch(/https?:|axe|修复以下|。。|：。/)
    expect(full.found).toBe('2个页面共3处存在此问题。')

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
