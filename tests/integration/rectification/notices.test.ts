import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, seededUnit } from './fixtures'

let t: TestCore
let unit: { id: number; name: string }
let placeId: number

beforeEach(async () => {
  t = openTestCore()
  // Notices are never dated after today: the clock stands after the latest notice date used below.
  t.core.ctx.now = () => new Date('2027-03-01T09:00:00+08:00')
  unit = await seededUnit(t, '住房和城乡建设局')
  placeId = await createPlace(t, '区政务服务大厅', unit.id)
})
afterEach(() => t.close())

const lastSeq = (year: number) =>
  (t.core.ctx.db.prepare('SELECT last_seq FROM notice_sequences WHERE year = ?').pluck().get(year) as
    number | undefined) ?? 0

async function openItemIds(): Promise<number[]> {
  return (await t.call('rectification:list', { unitId: unit.id, status: 'open' })).map((i) => i.id)
}

async function twoOpenItems(): Promise<number[]> {
  await inspect(t, placeId, '2026-11-20', [
    { label: '北门坡道', slope: failing },
    { label: '南门坡道', slope: failing },
  ])
  return openItemIds()
}

describe('notices', () => {
  it('issues a numbered notice: items notified with the deadline, snapshot frozen, summary counted', async () => {
    const itemIds = await twoOpenItems()
    const notice = await t.call('notices:issue', {
      unitId: unit.id,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(notice).toMatchObject({
      number: '乌残无障碍整改〔2026〕第1号',
      year: 2026,
      seq: 1,
      unitId: unit.id,
      unitName: unit.name,
      issuer: '乌达区残疾人联合会无障碍体验促进队',
      itemCount: 2,
      statusCounts: { notified: 2 },
    })
    const items = await t.call('rectification:list', { noticeId: notice.id })
    expect(items.map((i) => [i.status, i.deadline, i.noticeNumber])).toEqual([
      ['notified', '2026-12-28', notice.number],
      ['notified', '2026-12-28', notice.number],
    ])
    const full = await t.call('notices:get', { id: notice.id })
    expect(full.document.items.map((i) => i.index)).toEqual([1, 2])
    expect(full.document.items[0]!.location).toMatch(/^区政务服务大厅·/)
    expect(full.document.items[0]!.clauses.length).toBeGreaterThan(0)
    expect(full.document.replyInstructions).toContain('整改期限')

    // The sequence goes on; another year starts again at 1.
    await inspect(t, placeId, '2026-11-29', [{ label: '东门坡道', slope: failing }])
    const second = await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: await openItemIds(),
      issuedOn: '2026-12-01',
      deadline: '2026-12-31',
    })
    expect(second.seq).toBe(2)
    await inspect(t, placeId, '2027-01-02', [{ label: '西门坡道', slope: failing }])
    const third = await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: await openItemIds(),
      issuedOn: '2027-01-05',
      deadline: '2027-02-05',
    })
    expect(third.number).toBe('乌残无障碍整改〔2027〕第1号')
    expect((await t.call('notices:list', { unitId: unit.id })).map((n) => n.number)).toEqual([
      third.number,
      second.number,
      notice.number,
    ])
  })

  it('refuses an item that is not open, naming it, and takes no number', async () => {
    const [first, second] = await twoOpenItems()
    await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: [first!],
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    const error = await t.fail('notices:issue', {
      unitId: unit.id,
      itemIds: [second, first],
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(error.code).toBe('INVALID_STATE')
    expect(error.message).toContain(`编号 ${first}`)
    expect(error.message).toContain('已通知')
    expect(lastSeq(2026)).toBe(1)
    expect((await t.call('rectification:get', { id: second! })).status).toBe('open')
    const next = await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: [second!],
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(next.seq).toBe(2)
  })

  it('leaves the sequence untouched when the save fails after the number was taken', async () => {
    const itemIds = await twoOpenItems()
    // Fail the notice insert itself, i.e. after the sequence row was incremented in the same transaction.
    t.core.ctx.db.exec(
      `CREATE TEMP TRIGGER fail_notice BEFORE INSERT ON notices BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    )
    const error = await t.fail('notices:issue', {
      unitId: unit.id,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(error.code).toBe('INTERNAL')
    expect(lastSeq(2026)).toBe(0)
    expect((await t.call('rectification:list', { unitId: unit.id })).every((i) => i.status === 'open')).toBe(
      true,
    )
    t.core.ctx.db.exec('DROP TRIGGER fail_notice')
    const notice = await t.call('notices:issue', {
      unitId: unit.id,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(notice.number).toBe('乌残无障碍整改〔2026〕第1号')
  })

  it('answers bad drafts with clear zh-CN messages', async () => {
    const itemIds = await twoOpenItems()
    const early = await t.fail('notices:issue', {
      unitId: unit.id,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-11-27',
    })
    expect(early.code).toBe('VALIDATION')
    expect(early.fields?.[0]?.message).toContain('整改期限不能早于通知日期')

    const empty = await t.fail('notices:issue', {
      unitId: unit.id,
      itemIds: [],
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(empty.fields?.[0]?.message).toContain('至少要包含一个整改项')

    const other = await seededUnit(t, '交通局')
    const foreign = await t.fail('notices:issue', {
      unitId: other.id,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(foreign.code).toBe('INVALID_STATE')
    expect(foreign.message).toContain(`不能列入发给“${other.name}”的通知书`)

    t.core.ctx.db.prepare(`UPDATE units SET name = '  ' WHERE id = ?`).run(unit.id)
    const nameless = await t.fail('notices:preview', {
      unitId: unit.id,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(nameless.message).toContain('没有名称')

    const missing = await t.fail('notices:issue', {
      unitId: 99999,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(missing.code).toBe('NOT_FOUND')
    expect(lastSeq(2026)).toBe(0)
  })

  it('uses the saved settings: issuer and number template', async () => {
    const itemIds = await twoOpenItems()
    expect((await t.call('rectification:settings', {})).numberTemplate).toBe(
      '乌残无障碍整改〔{year}〕第{n}号',
    )
    const badTemplate = await t.fail('rectification:saveSettings', {
      issuer: '促进队',
      numberTemplate: '〔{year}〕号',
      defaultDeadlineDays: 30,
      replyInstructions: '请回复',
      contact: null,
    })
    expect(badTemplate.fields?.[0]?.message).toContain('{n}')
    await t.call('rectification:saveSettings', {
      issuer: '乌达区残联无障碍体验促进队',
      numberTemplate: '乌残促〔{year}〕{n}号',
      defaultDeadlineDays: 15,
      replyInstructions: '请于期限内书面回复。',
      contact: '联系人：王五 0473-1234567',
    })
    const notice = await t.call('notices:issue', {
      unitId: unit.id,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(notice.number).toBe('乌残促〔2026〕1号')
    const full = await t.call('notices:get', { id: notice.id })
    expect(full.document).toMatchObject({
      issuer: '乌达区残联无障碍体验促进队',
      contact: '联系人：王五 0473-1234567',
      replyInstructions: '请于期限内书面回复。',
    })
  })
})
