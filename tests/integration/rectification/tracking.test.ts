import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RectificationItem } from '../../../shared/domain/rectification'
import { openTestCore, type TestCore } from '../../support/test-core'
import { smallJpeg } from '../photos/test-photos'
import { createPlace, failing, inspect, seededUnit } from './fixtures'

let t: TestCore
let unit: { id: number; name: string }
let placeId: number
let clock: Date

beforeEach(async () => {
  t = openTestCore()
  clock = new Date('2026-11-28T09:00:00+08:00')
  t.core.ctx.now = () => clock
  unit = await seededUnit(t, '住房和城乡建设局')
  placeId = await createPlace(t, '区政务服务大厅', unit.id)
})
afterEach(() => t.close())

async function items(count: number): Promise<RectificationItem[]> {
  const labels = ['北门坡道', '南门坡道', '东门坡道', '西门坡道'].slice(0, count)
  await inspect(
    t,
    placeId,
    '2026-11-20',
    labels.map((label) => ({ label, slope: failing })),
  )
  const listed = await t.call('rectification:list', { placeId })
  return Promise.all(listed.map((i) => get(i.id)))
}

async function notify(ids: number[], deadline = '2026-12-28'): Promise<void> {
  await t.call('notices:issue', { unitId: unit.id, itemIds: ids, issuedOn: '2026-11-28', deadline })
}

const get = (id: number) => t.call('rectification:get', { id })

const snapshot = (id: number) =>
  t.core.ctx.db.prepare('SELECT * FROM rectification_items WHERE id = ?').get(id) as Record<string, unknown>

describe('tracking an item', () => {
  it('goes open → notified → claimed → reopened → claimed → verified, with one event per step', async () => {
    const [item] = await items(1)
    await notify([item!.id])
    let current: RectificationItem = await get(item!.id)
    expect(current.status).toBe('notified')
    clock = new Date('2026-12-10T16:00:00+08:00')
    current = await t.call('rectification:claim', {
      id: current.id,
      version: current.version,
      text: '已按 1:12 重新修建坡道',
      repliedOn: '2026-12-10',
    })
    expect(current).toMatchObject({
      status: 'claimed',
      reply: { text: '已按 1:12 重新修建坡道', repliedOn: '2026-12-10', photos: [] },
    })
    current = await t.call('rectification:reopen', {
      id: current.id,
      version: current.version,
      reason: '扶手未改',
    })
    expect(current.status).toBe('reopened')
    clock = new Date('2026-12-21T10:00:00+08:00')
    current = await t.call('rectification:claim', {
      id: current.id,
      version: current.version,
      text: '扶手已加装',
      repliedOn: '2026-12-20',
    })
    current = await t.call('rectification:verify', {
      id: current.id,
      version: current.version,
      note: '现场核实',
    })
    expect(current.status).toBe('verified')
    expect(current.verifiedAt).toBe(clock.toISOString())
    const { events } = await get(item!.id)
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['create', null, 'open'],
      ['notify', 'open', 'notified'],
      ['claim', 'notified', 'claimed'],
      ['reopen', 'claimed', 'reopened'],
      ['claim', 'reopened', 'claimed'],
      ['verify', 'claimed', 'verified'],
    ])
  })

  it('refuses every illegal transition with INVALID_STATE and changes nothing', async () => {
    const [open, dropped, verified] = await items(3)
    await notify([verified!.id])
    let v = await get(verified!.id)
    await t.call('rectification:verify', { id: v.id, version: v.version })
    const d = await get(dropped!.id)
    await t.call('rectification:drop', { id: d.id, version: d.version, reason: '误报' })

    const attempts: Array<[string, (item: RectificationItem) => Record<string, unknown>]> = [
      [
        'rectification:claim',
        (i) => ({ id: i.id, version: i.version, text: '已改', repliedOn: '2026-11-28' }),
      ],
      ['rectification:reopen', (i) => ({ id: i.id, version: i.version, reason: '未改' })],
    ]
    // open: cannot be claimed, verified or reopened before a notice.
    for (const [op, input] of [
      ...attempts,
      ['rectification:verify', (i: RectificationItem) => ({ id: i.id, version: i.version })] as const,
    ]) {
      const before = snapshot(open!.id)
      const error = await t.fail(op as 'rectification:claim', input(await get(open!.id)))
      expect(error.code, op).toBe('INVALID_STATE')
      expect(error.message).toContain('待通知')
      expect(snapshot(open!.id)).toEqual(before)
    }
    // Terminal statuses refuse everything, including edits and drops.
    for (const id of [dropped!.id, verified!.id]) {
      const item = await get(id)
      const before = snapshot(id)
      for (const [op, input] of [
        ...attempts,
        ['rectification:verify', (i: RectificationItem) => ({ id: i.id, version: i.version })] as const,
        [
          'rectification:drop',
          (i: RectificationItem) => ({ id: i.id, version: i.version, reason: '再撤' }),
        ] as const,
        [
          'rectification:update',
          (i: RectificationItem) => ({ id: i.id, version: i.version, priority: 'high' }),
        ] as const,
      ]) {
        const error = await t.fail(op as 'rectification:claim', input(item))
        expect(error.code, `${op} on ${item.status}`).toBe('INVALID_STATE')
      }
      expect(snapshot(id)).toEqual(before)
    }
    // A notified item cannot be reopened (nothing was claimed yet).
    await notify([open!.id])
    v = await get(open!.id)
    const reopen = await t.fail('rectification:reopen', { id: v.id, version: v.version, reason: 'x' })
    expect(reopen.code).toBe('INVALID_STATE')
    expect(reopen.message).toBe('整改项当前状态为“已通知”，不能退回重新整改')
  })

  it('answers a stale version with CONFLICT and keeps the newer change', async () => {
    const [item] = await items(1)
    const stale = await get(item!.id)
    await t.call('rectification:update', { id: stale.id, version: stale.version, priority: 'high' })
    const error = await t.fail('rectification:update', {
      id: stale.id,
      version: stale.version,
      priority: 'low',
    })
    expect(error.code).toBe('CONFLICT')
    const current = await get(item!.id)
    expect(current.priority).toBe('high')
    expect(current.version).toBe(stale.version + 1)
    expect(
      (await t.fail('rectification:drop', { id: stale.id, version: stale.version, reason: 'x' })).code,
    ).toBe('CONFLICT')
  })

  it('sets priority and deadline with an event, and is overdue only while the fix is owed', async () => {
    const [item] = await items(1)
    let current: RectificationItem = await t.call('rectification:update', {
      id: item!.id,
      version: item!.version,
      priority: 'high',
      deadline: '2026-12-01',
    })
    expect(current).toMatchObject({ priority: 'high', deadline: '2026-12-01', overdue: false })
    expect((await get(item!.id)).events.at(-1)?.note).toBe('优先级：中→高；整改期限：未设→2026-12-01')
    clock = new Date('2026-12-02T09:00:00+08:00')
    expect((await get(item!.id)).overdue).toBe(true)
    expect((await t.call('rectification:list', { status: 'overdue' })).map((i) => i.id)).toEqual([item!.id])
    await notify([item!.id], '2026-12-01')
    current = await get(item!.id)
    expect(current.overdue).toBe(true)
    expect((await t.call('notices:list', {}))[0]?.overdueCount).toBe(1)
    current = await t.call('rectification:claim', {
      id: current.id,
      version: current.version,
      text: '已改',
      repliedOn: '2026-12-02',
    })
    expect(current.overdue).toBe(false)
  })

  it('drops with a reason, and a dropped false positive is not raised again by the next inspection', async () => {
    const [item] = await items(1)
    const dropped = await t.call('rectification:drop', {
      id: item!.id,
      version: item!.version,
      reason: '测量位置错误，误报',
    })
    expect(dropped).toMatchObject({ status: 'dropped', dropReason: '测量位置错误，误报' })
    clock = new Date('2026-12-05T09:00:00+08:00')
    await inspect(t, placeId, '2026-12-05', [{ label: '北门坡道', slope: failing }])
    const all = await t.call('rectification:list', { status: 'all' })
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({ status: 'dropped' })
    expect(all[0]!.findingCount).toBe(2)
  })

  it('merges duplicates of one unit into a target: findings move, the duplicates are merged, all in one step', async () => {
    const [a, b, c] = await items(3)
    const merged = await t.call('rectification:merge', { targetId: a!.id, ids: [b!.id, c!.id] })
    expect(merged.findingIds.sort()).toEqual([...a!.findingIds, ...b!.findingIds, ...c!.findingIds].sort())
    for (const id of [b!.id, c!.id]) {
      expect(await get(id)).toMatchObject({ status: 'merged', mergedIntoId: a!.id, findingIds: [] })
    }
    expect(await t.call('rectification:list', { placeId })).toHaveLength(1)
    // A re-inspection of a merged duplicate's element joins the surviving item.
    clock = new Date('2026-12-05T09:00:00+08:00')
    await inspect(t, placeId, '2026-12-05', [{ label: '南门坡道', slope: failing }])
    expect(await t.call('rectification:list', { placeId })).toHaveLength(1)
    expect((await get(a!.id)).findingIds).toHaveLength(4)
  })

  it('refuses a merge across units or with a finished item, and leaves every item as it was', async () => {
    const [a, b, c] = await items(3)
    const other = await seededUnit(t, '交通局')
    const otherPlace = await createPlace(t, '公交总站', other.id)
    await inspect(t, otherPlace, '2026-11-21', [{ label: '站前坡道', slope: failing }])
    const [foreign] = await t.call('rectification:list', { placeId: otherPlace })
    const before = [a, b, c, foreign].map((i) => snapshot(i!.id))
    const cross = await t.fail('rectification:merge', { targetId: a!.id, ids: [b!.id, foreign!.id] })
    expect(cross.code).toBe('INVALID_STATE')
    expect(cross.message).toContain('不属于同一责任单位')
    await t.call('rectification:drop', { id: c!.id, version: c!.version, reason: '重复' })
    const finished = await t.fail('rectification:merge', { targetId: a!.id, ids: [b!.id, c!.id] })
    expect(finished.code).toBe('INVALID_STATE')
    expect(snapshot(a!.id)).toEqual(before[0])
    expect(snapshot(b!.id)).toEqual(before[1])
    expect(snapshot(foreign!.id)).toEqual(before[3])
    expect((await t.fail('rectification:merge', { targetId: a!.id, ids: [a!.id] })).code).toBe('VALIDATION')
  })

  it('refuses reply photos that are not in the app', async () => {
    const [item] = await items(1)
    await notify([item!.id])
    const current = await get(item!.id)
    const error = await t.fail('rectification:claim', {
      id: current.id,
      version: current.version,
      text: '已改',
      repliedOn: '2026-12-01',
      photos: ['a'.repeat(64)],
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.fields?.[0]).toEqual({ path: 'photos.0', message: '整改照片：该照片不存在' })
    expect((await get(item!.id)).status).toBe('notified')
  })

  it('registers a reply photo by upload, then the claim cites it', async () => {
    const [item] = await items(1)
    await notify([item!.id])
    const { sha256 } = await t.call('rectification:uploadPhoto', {
      fileName: '整改后.jpg',
      dataBase64: (await smallJpeg('#3c3')).toString('base64'),
    })
    expect(sha256).toMatch(/^[0-9a-f]{64}$/)
    const current = await get(item!.id)
    const claimed = await t.call('rectification:claim', {
      id: current.id,
      version: current.version,
      text: '坡道已重建',
      repliedOn: '2026-11-28',
      photos: [sha256],
    })
    expect(claimed.reply?.photos).toEqual([sha256])
    expect((await t.call('photos:get', { sha256, variant: 'thumbnail' })).missing).toBe(false)
    const refused = await t.fail('rectification:uploadPhoto', {
      fileName: 'x.jpg',
      dataBase64: 'bm90IGFuIGltYWdl',
    })
    expect(refused.code).not.toBe('INTERNAL')
  })
})

describe('reply photos and inspection photos', () => {
  it('share one photo record: the same content uploaded twice is one row, its first name kept', async () => {
    const bytes = (await smallJpeg('#36c')).toString('base64')
    clock = new Date('2026-11-28T09:00:00+08:00')
    const first = await t.call('rectification:uploadPhoto', { fileName: '回复照片.jpg', dataBase64: bytes })
    clock = new Date('2026-11-29T09:00:00+08:00')
    const second = await t.call('rectification:uploadPhoto', { fileName: '另存.jpg', dataBase64: bytes })
    expect(second.sha256).toBe(first.sha256)
    const rows = t.core.ctx.db
      .prepare('SELECT original_name, mime_type, width, created_at FROM photos WHERE sha256 = ?')
      .all(first.sha256)
    expect(rows).toEqual([
      {
        original_name: '回复照片.jpg',
        mime_type: 'image/jpeg',
        width: expect.any(Number),
        created_at: new Date('2026-11-28T09:00:00+08:00').toISOString(),
      },
    ])
  })
})
