import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RectificationItem } from '../../../shared/domain/rectification'
import { openTestCore, type TestCore } from '../../support/test-core'
import { smallJpeg } from '../photos/test-photos'
import { createPlace, failing, inspect, passing, seededUnit } from './fixtures'

/** Bulk follow-up: one reply for several items, bulk proposal decisions, bulk deadlines; all or nothing. */

let t: TestCore
let unit: { id: number; name: string }
let placeId: number
let clock: Date

beforeEach(async () => {
  t = openTestCore()
  clock = new Date('2026-12-15T10:00:00+08:00')
  t.core.ctx.now = () => clock
  unit = await seededUnit(t, '住房和城乡建设局')
  placeId = await createPlace(t, '区政务服务大厅', unit.id)
})
afterEach(() => t.close())

const labels = ['北门坡道', '南门坡道', '东门坡道']
const get = (id: number) => t.call('rectification:get', { id })
const refs = (items: readonly RectificationItem[]) => items.map((i) => ({ id: i.id, version: i.version }))

/** Three failing ramps, notified on 2026-11-28. */
async function notifiedItems(): Promise<RectificationItem[]> {
  await inspect(
    t,
    placeId,
    '2026-11-20',
    labels.map((label) => ({ label, slope: failing })),
  )
  const listed = await t.call('rectification:list', { placeId })
  await t.call('notices:issue', {
    unitId: unit.id,
    itemIds: listed.map((i) => i.id),
    issuedOn: '2026-11-28',
    deadline: '2026-12-28',
  })
  return Promise.all(listed.map((i) => get(i.id)))
}

describe('one reply for several items', () => {
  it('registers the same reply, date and photos on each item, each with its own history entry', async () => {
    const items = await notifiedItems()
    const { sha256 } = await t.call('rectification:uploadPhoto', {
      fileName: '整改后.jpg',
      dataBase64: (await smallJpeg()).toString('base64'),
    })
    const result = await t.call('rectification:bulkClaim', {
      items: refs(items),
      text: '三处坡道均已按 1:12 改建',
      repliedOn: '2026-12-10',
      photos: [sha256],
    })
    expect(result).toEqual({ count: 3, itemIds: items.map((i) => i.id) })
    for (const item of items) {
      const after = await get(item.id)
      expect(after.status).toBe('claimed')
      expect(after.reply).toEqual({
        text: '三处坡道均已按 1:12 改建',
        repliedOn: '2026-12-10',
        photos: [sha256],
      })
      expect(after.events.at(-1)).toMatchObject({
        action: 'claim',
        fromStatus: 'notified',
        toStatus: 'claimed',
      })
      expect(after.events.at(-1)!.note).toContain('同一回复登记到 3 项')
    }
  })

  it('saves nothing when one item refuses, and names that item and why', async () => {
    const items = await notifiedItems()
    // The third item was changed meanwhile (another window registered a reply).
    await t.call('rectification:claim', {
      id: items[2]!.id,
      version: items[2]!.version,
      text: '已改',
      repliedOn: '2026-12-01',
    })
    const error = await t.fail('rectification:bulkClaim', {
      items: refs(items),
      text: '均已改建',
      repliedOn: '2026-12-10',
    })
    expect(error.code).toBe('CONFLICT')
    expect(error.fields).toHaveLength(1)
    expect(error.fields![0]!.path).toBe('items.2')
    expect(error.fields![0]!.message).toMatch(/^“.+”：整改项（编号 \d+）已被他人或复查更新/)
    expect(error.message).toContain('本次全部未保存')
    for (const item of items.slice(0, 2)) {
      const after = await get(item.id)
      expect(after).toMatchObject({ status: 'notified', version: item.version, reply: null })
    }
  })

  it('refuses items of another unit and a reply dated before an item’s notice, per item', async () => {
    const items = await notifiedItems()
    const other = await seededUnit(t, '交通局')
    const otherPlace = await createPlace(t, '客运站', other.id)
    await inspect(t, otherPlace, '2026-11-20', [{ label: '站前坡道', slope: failing }])
    const [foreign] = await t.call('rectification:list', { placeId: otherPlace })
    await t.call('notices:issue', {
      unitId: other.id,
      itemIds: [foreign!.id],
      issuedOn: '2026-12-05',
      deadline: '2026-12-30',
    })
    const foreignItem = await get(foreign!.id)
    const error = await t.fail('rectification:bulkClaim', {
      items: [...refs(items), { id: foreignItem.id, version: foreignItem.version }],
      text: '已改',
      repliedOn: '2026-12-01',
    })
    expect(error.code).toBe('INVALID_STATE')
    expect(error.fields!.map((f) => f.path)).toEqual(['items.3'])
    expect(error.fields![0]!.message).toContain('不属于“乌达区住房和城乡建设局”')
    // Same unit, but the reply predates the second notice: refused on that item only, as a date problem.
    const second = await t.fail('rectification:bulkClaim', {
      items: [{ id: foreignItem.id, version: foreignItem.version }],
      text: '已改',
      repliedOn: '2026-12-01',
    })
    expect(second.fields![0]!.message).toContain('早于通知日期（2026-12-05）')
  })

  it('refuses a reply dated after today for all items at once, on the date field', async () => {
    const items = await notifiedItems()
    const error = await t.fail('rectification:bulkClaim', {
      items: refs(items),
      text: '已改',
      repliedOn: '2026-12-16',
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.fields).toEqual([
      { path: 'repliedOn', message: '回复日期：回复日期 2026-12-16 晚于今天（2026-12-15）' },
    ])
  })
})

describe('bulk decisions on verification proposals', () => {
  async function proposed(): Promise<RectificationItem[]> {
    await notifiedItems()
    await inspect(
      t,
      placeId,
      '2026-12-05',
      labels.map((label) => ({ label, slope: passing })),
    )
    const listed = await t.call('rectification:list', { status: 'proposed' })
    expect(listed).toHaveLength(3)
    return Promise.all(listed.map((i) => get(i.id)))
  }

  it('the item list filters the items with a pending proposal', async () => {
    const items = await proposed()
    expect(items.every((i) => i.proposal !== null)).toBe(true)
    await t.call('rectification:decideProposal', { proposalId: items[0]!.proposal!.id, accept: false })
    expect((await t.call('rectification:list', { status: 'proposed' })).map((i) => i.id)).toEqual(
      items.slice(1).map((i) => i.id),
    )
  })

  it('confirms several proposals: each item verified with its own history entry', async () => {
    const items = await proposed()
    const result = await t.call('rectification:bulkDecide', {
      proposalIds: items.map((i) => i.proposal!.id),
      accept: true,
    })
    expect(result.itemIds).toEqual(items.map((i) => i.id))
    for (const item of items) {
      const after = await get(item.id)
      expect(after).toMatchObject({ status: 'verified', proposal: null })
      expect(after.events.at(-1)!.note).toMatch(/^确认核验建议：2026-12-05 复查.*（批量处理，共 3 项）$/)
    }
  })

  it('rejects nothing when one proposal was already decided', async () => {
    const items = await proposed()
    await t.call('rectification:decideProposal', { proposalId: items[1]!.proposal!.id, accept: true })
    const error = await t.fail('rectification:bulkDecide', {
      proposalIds: items.map((i) => i.proposal!.id),
      accept: false,
      note: '复查位置不对',
    })
    expect(error.code).toBe('INVALID_STATE')
    expect(error.fields).toEqual([
      { path: 'proposalIds.1', message: expect.stringContaining('该核验建议已确认，不能再处理') as string },
    ])
    expect((await get(items[0]!.id)).proposal).not.toBeNull()
    expect((await get(items[2]!.id)).proposal).not.toBeNull()
  })
})

describe('bulk deadline changes', () => {
  it('sets one deadline on every item, recorded per item', async () => {
    const items = await notifiedItems()
    await t.call('rectification:bulkUpdate', { items: refs(items), deadline: '2027-01-31', priority: 'high' })
    for (const item of items) {
      const after = await get(item.id)
      expect(after).toMatchObject({ deadline: '2027-01-31', priority: 'high' })
      expect(after.events.at(-1)).toMatchObject({
        action: 'edit',
        note: '批量修改（共 3 项）：优先级：中→高；整改期限：2026-12-28→2027-01-31',
      })
    }
  })

  it('changes nothing when one item is already verified', async () => {
    const items = await notifiedItems()
    const verified = await t.call('rectification:verify', { id: items[0]!.id, version: items[0]!.version })
    const error = await t.fail('rectification:bulkUpdate', {
      items: [{ id: verified.id, version: verified.version }, ...refs(items.slice(1))],
      deadline: '2027-01-31',
    })
    expect(error.code).toBe('INVALID_STATE')
    expect(error.fields![0]).toMatchObject({ path: 'items.0' })
    expect(error.fields![0]!.message).toContain('整改项当前状态为“已核验”，不能修改优先级或整改期限')
    for (const item of items.slice(1)) expect((await get(item.id)).deadline).toBe('2026-12-28')
  })

  it('needs a deadline or a priority', async () => {
    const items = await notifiedItems()
    const error = await t.fail('rectification:bulkUpdate', { items: refs(items) })
    expect(error.code).toBe('VALIDATION')
    expect(error.fields![0]!.path).toBe('deadline')
  })
})

describe('undoing a verification', () => {
  it('goes back to 已报整改 with the reason, voids the confirmed proposal and clears the verified date', async () => {
    const [item] = await notifiedItems()
    await inspect(t, placeId, '2026-12-05', [{ label: labels[0]!, slope: passing }])
    const proposal = (await get(item!.id)).proposal!
    const verified = await t.call('rectification:decideProposal', { proposalId: proposal.id, accept: true })
    const undone = await t.call('rectification:unverify', {
      id: verified.id,
      version: verified.version,
      reason: '复查时测错了坡道',
    })
    expect(undone).toMatchObject({ status: 'claimed', verifiedAt: null, proposal: null })
    const { events } = await get(item!.id)
    expect(events.at(-1)).toMatchObject({
      action: 'unverify',
      fromStatus: 'verified',
      toStatus: 'claimed',
      note: '复查时测错了坡道（所确认的核验建议一并作废）',
    })
    const state = t.core.ctx.db
      .prepare('SELECT state FROM verification_proposals WHERE id = ?')
      .pluck()
      .get(proposal.id)
    expect(state).toBe('rejected')
    // The same re-inspection is not proposed again; the reports no longer count the item as verified.
    expect((await t.call('rectification:sync', {})).proposals).toBe(0)
    const report = await t.call('reports:summary', { from: '2026-12-01', to: '2026-12-31' })
    expect(report.totals.verified).toBe(0)
    // It can be verified again later.
    const again = await t.call('rectification:verify', { id: undone.id, version: undone.version })
    expect(again.status).toBe('verified')
  })

  it('needs a reason, and only undoes a verified item', async () => {
    const [item] = await notifiedItems()
    const blank = await t.fail('rectification:unverify', {
      id: item!.id,
      version: item!.version,
      reason: ' ',
    })
    expect(blank.fields![0]).toEqual({ path: 'reason', message: '原因：请填写撤销核验的原因' })
    const wrong = await t.fail('rectification:unverify', {
      id: item!.id,
      version: item!.version,
      reason: '误操作',
    })
    expect(wrong).toMatchObject({ code: 'INVALID_STATE', message: '整改项当前状态为“已通知”，不能撤销核验' })
  })

  it('is refused once the problem was found again and a new item tracks it', async () => {
    const [item] = await notifiedItems()
    const verified = await t.call('rectification:verify', { id: item!.id, version: item!.version })
    await inspect(t, placeId, '2026-12-10', [{ label: labels[0]!, slope: failing }])
    const error = await t.fail('rectification:unverify', {
      id: verified.id,
      version: verified.version,
      reason: '误操作',
    })
    expect(error.code).toBe('INVALID_STATE')
    expect(error.message).toMatch(/已再次发现，正由整改项（编号 \d+）跟踪/)
    expect((await get(item!.id)).status).toBe('verified')
  })
})
