import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, seededUnit } from './fixtures'

/**
 * The reports count 已通知 by the notice's date and 已报整改 by the unit's reply date, not by when someone typed
 * them in; dates that cannot be true are refused.
 */

let t: TestCore
let unit: { id: number; name: string }
let placeId: number
let clock: Date

beforeEach(async () => {
  t = openTestCore()
  // Local time: "today" is the local calendar day whatever the machine's time zone.
  clock = new Date(2026, 10, 2, 0, 30)
  t.core.ctx.now = () => clock
  unit = await seededUnit(t, '住房和城乡建设局')
  placeId = await createPlace(t, '区政务服务大厅', unit.id)
})
afterEach(() => t.close())

async function openItem(): Promise<number> {
  await inspect(t, placeId, '2026-10-20', [{ label: '北门坡道', slope: failing }])
  const [item] = await t.call('rectification:list', { placeId })
  return item!.id
}

const issue = (itemIds: number[], issuedOn: string, deadline = '2026-12-31') =>
  ({ unitId: unit.id, itemIds, issuedOn, deadline }) as const

const events = (itemId: number, action: string) =>
  t.core.ctx.db
    .prepare('SELECT at, on_day FROM rectification_events WHERE item_id = ? AND action = ? ORDER BY id')
    .all(itemId, action) as Array<{ at: string; on_day: string | null }>

describe('notice date', () => {
  it('a notice dated 10-31 entered on 11-02 notifies its items on 10-31', async () => {
    const id = await openItem()
    await t.call('notices:issue', issue([id], '2026-10-31'))
    const item = await t.call('rectification:get', { id })
    expect(item.notifiedAt).toBe('2026-10-31')
    expect(events(id, 'notify')).toEqual([{ at: clock.toISOString(), on_day: '2026-10-31' }])
  })

  it('accepts today (the local day) and refuses a later date, taking no number of that year', async () => {
    const id = await openItem()
    for (const op of ['notices:preview', 'notices:issue'] as const) {
      const refused = await t.fail(op, issue([id], '2027-01-05', '2027-02-05'))
      expect(refused.code).toBe('VALIDATION')
      expect(refused.message).toBe(
        '通知日期 2027-01-05 晚于今天（2026-11-02），通知书只能在签发当日或之后登记',
      )
      expect(refused.fields).toEqual([{ path: 'issuedOn', message: '通知日期：不能晚于今天（2026-11-02）' }])
    }
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) FROM notice_sequences').pluck().get()).toBe(0)
    expect((await t.call('rectification:get', { id })).status).toBe('open')
    const notice = await t.call('notices:issue', issue([id], '2026-11-02'))
    expect(notice.number).toContain('〔2026〕1号')
  })
})

describe('reply date', () => {
  async function notifiedItem(): Promise<number> {
    const id = await openItem()
    await t.call('notices:issue', issue([id], '2026-10-31'))
    return id
  }

  const claim = async (id: number, repliedOn: string) => {
    const item = await t.call('rectification:get', { id })
    return { id, version: item.version, text: '已按 1:12 重新修建', repliedOn }
  }

  it('records the reply date as the claim event business day, the save time apart', async () => {
    const id = await notifiedItem()
    clock = new Date(2026, 10, 6, 15, 0)
    await t.call('rectification:claim', await claim(id, '2026-11-04'))
    expect(events(id, 'claim')).toEqual([{ at: clock.toISOString(), on_day: '2026-11-04' }])
  })

  it('refuses a reply dated after today or before the notice, and changes nothing', async () => {
    const id = await notifiedItem()
    const before = await t.call('rectification:get', { id })
    const future = await t.fail('rectification:claim', await claim(id, '2026-11-03'))
    expect(future.code).toBe('VALIDATION')
    expect(future.message).toBe('回复日期 2026-11-03 晚于今天（2026-11-02）')
    expect(future.fields).toEqual([
      { path: 'repliedOn', message: '回复日期：回复日期 2026-11-03 晚于今天（2026-11-02）' },
    ])
    const early = await t.fail('rectification:claim', await claim(id, '2026-10-30'))
    expect(early.message).toBe('回复日期 2026-10-30 早于通知日期（2026-10-31）')
    expect(await t.call('rectification:get', { id })).toEqual(before)
    // The notice day itself is fine.
    expect((await t.call('rectification:claim', await claim(id, '2026-10-31'))).status).toBe('claimed')
  })

  it('refuses a second reply dated before the reopening it answers', async () => {
    const id = await notifiedItem()
    await t.call('rectification:claim', await claim(id, '2026-11-01'))
    clock = new Date(2026, 10, 10, 9, 0)
    const claimed = await t.call('rectification:get', { id })
    await t.call('rectification:reopen', { id, version: claimed.version, reason: '扶手未改' })
    const refused = await t.fail('rectification:claim', await claim(id, '2026-11-09'))
    expect(refused.message).toBe('回复日期 2026-11-09 早于退回重新整改的日期（2026-11-10）')
    expect((await t.call('rectification:claim', await claim(id, '2026-11-10'))).status).toBe('claimed')
  })
})

describe('reopening with a new deadline', () => {
  it('sets the new deadline so the item is not overdue at once; keeps the old one without', async () => {
    const id = await openItem()
    await t.call('notices:issue', issue([id], '2026-10-31', '2026-11-01'))
    const c = await t.call('rectification:get', { id })
    await t.call('rectification:claim', { id, version: c.version, text: '已改', repliedOn: '2026-11-01' })
    const claimed = await t.call('rectification:get', { id })
    const past = await t.fail('rectification:reopen', {
      id,
      version: claimed.version,
      reason: '扶手未改',
      deadline: '2026-11-01',
    })
    expect(past.code).toBe('VALIDATION')
    expect(past.fields).toEqual([{ path: 'deadline', message: '整改期限：不能早于今天（2026-11-02）' }])
    const reopened = await t.call('rectification:reopen', {
      id,
      version: claimed.version,
      reason: '扶手未改',
      deadline: '2026-11-30',
    })
    expect(reopened).toMatchObject({ status: 'reopened', deadline: '2026-11-30', overdue: false })
    const { events: history } = await t.call('rectification:get', { id })
    expect(history.at(-1)).toMatchObject({ action: 'reopen', note: '扶手未改（新的整改期限 2026-11-30）' })

    // Without a new deadline the old one stays: once it has passed, the reopened item is overdue at once.
    clock = new Date(2026, 11, 3, 9, 0)
    await t.call('rectification:claim', {
      id,
      version: reopened.version,
      text: '已加装',
      repliedOn: '2026-12-02',
    })
    const again = await t.call('rectification:get', { id })
    const kept = await t.call('rectification:reopen', { id, version: again.version, reason: '仍未改' })
    expect(kept).toMatchObject({ status: 'reopened', deadline: '2026-11-30', overdue: true })
  })
})
