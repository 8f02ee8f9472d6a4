import { describe, expect, it } from 'vitest'
import type { RectificationItemSummary } from '../../../shared/domain/rectification'
import { groupItems } from '../../../renderer/src/rectification/item-groups'
import { screenshotAddress } from '../../../renderer/src/rectification/evidence-address'
import { mergeRefusal, noticeRefusal } from '../../../renderer/src/rectification/selection-rules'

function item(over: Partial<RectificationItemSummary>): RectificationItemSummary {
  return {
    id: 1,
    source: 'site',
    unitId: 1,
    unitName: '区住建局',
    placeId: 1,
    placeName: '政务服务大厅',
    portalId: null,
    portalName: null,
    location: '政务服务大厅·北门坡道',
    title: '北门坡道：坡度',
    category: '轮椅坡道',
    categoryId: 'ramp',
    severity: 'critical',
    clauses: [],
    elementCount: 1,
    findingCount: 1,
    status: 'open',
    priority: 'normal',
    deadline: null,
    overdue: false,
    dropReason: null,
    mergedIntoId: null,
    noticeId: null,
    noticeNumber: null,
    proposal: null,
    firstFoundAt: '2026-03-02',
    notifiedAt: null,
    verifiedAt: null,
    createdAt: '2026-03-02T08:00:00Z',
    updatedAt: '2026-03-02T08:00:00Z',
    version: 1,
    ...over,
  }
}

describe('整改项 grouping', () => {
  it('groups by unit, then by place or portal; units by name, items without a unit last', () => {
    const groups = groupItems([
      item({ id: 1 }),
      item({ id: 2, unitId: null, unitName: null, placeId: 9, placeName: '公园' }),
      item({ id: 3, source: 'web', placeId: null, placeName: null, portalId: 4, portalName: '区政府网' }),
      item({ id: 4, title: '南门坡道' }),
      item({ id: 5, unitId: 2, unitName: '区交通局', placeId: 7, placeName: '汽车站' }),
    ])
    expect(groups.map((g) => [g.unitName, g.count])).toEqual([
      ['区交通局', 1],
      ['区住建局', 3],
      [null, 1],
    ])
    const works = groups[1]!
    expect(works.locations.map((l) => [l.name, l.source, l.items.map((i) => i.id)])).toEqual([
      ['区政府网', 'web', [3]],
      ['政务服务大厅', 'site', [1, 4]],
    ])
  })
})

describe('bulk actions say why a selection cannot be used', () => {
  it('a notice needs items of one unit, each waiting for a notice', () => {
    expect(noticeRefusal([])).toContain('请先选择')
    expect(noticeRefusal([item({ id: 1 }), item({ id: 2, status: 'reopened' })])).toBeNull()
    expect(noticeRefusal([item({ id: 1 }), item({ id: 2, unitId: 2, unitName: '区交通局' })])).toBe(
      '一份通知书只能发给一个责任单位：所选整改项属于 2 个单位',
    )
    expect(noticeRefusal([item({ id: 1, unitId: null, unitName: null })])).toContain('没有责任单位')
    const refusal = noticeRefusal([item({ id: 1 }), item({ id: 2, title: '厕所', status: 'claimed' })])
    expect(refusal).toContain('“厕所”（已报整改）')
    expect(refusal).not.toContain('北门坡道')
  })

  it('a merge needs two items that are still open for it', () => {
    expect(mergeRefusal([item({ id: 1 })])).toBe('合并至少要选择 2 项')
    expect(mergeRefusal([item({ id: 1 }), item({ id: 2, status: 'notified' })])).toBeNull()
    expect(mergeRefusal([item({ id: 1 }), item({ id: 2, status: 'verified' })])).toContain('已核验')
  })
})

describe('screenshot evidence address', () => {
  it('reads the run and the file from a path under the screenshot root, and nothing else', () => {
    expect(screenshotAddress('run-12/node-3.png')).toEqual({ runId: 12, file: 'node-3.png' })
    expect(screenshotAddress('run-12/../../secret.png')).toBeNull()
    expect(screenshotAddress('node-3.png')).toBeNull()
    expect(screenshotAddress('run-x/node.png')).toBeNull()
  })
})
