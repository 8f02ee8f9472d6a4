import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'
import type { NoticeDocumentV2 } from '../../../shared/domain/notice-document'
import { sampleNotice } from '../documents/sample-notice'
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
      number: '乌残无障碍整改〔2026〕1号',
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
    const doc = full.document as NoticeDocumentV2
    expect(doc.version).toBe(2)
    expect(doc.items.map((i) => i.index)).toEqual([1, 2])
    expect(doc.items[0]).toMatchObject({ subject: '区政务服务大厅' })
    expect(doc.items[0]!.clauses.length).toBeGreaterThan(0)
    expect(doc.body.map((b) => b.text).join('')).toContain('请你单位在整改期限内完成整改')

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
    expect(third.number).toBe('乌残无障碍整改〔2027〕1号')
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
    expect(notice.number).toBe('乌残无障碍整改〔2026〕1号')
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

  it('uses the saved settings: issuer, GB/T 9704 number template, contact, 版记', async () => {
    const itemIds = await twoOpenItems()
    expect((await t.call('rectification:settings', {})).numberTemplate).toBe('乌残无障碍整改〔{year}〕{n}号')
    const base = { issuer: '促进队', defaultDeadlineDays: 30, replyInstructions: '请回复', contact: null }
    const badTemplate = await t.fail('rectification:saveSettings', {
      ...base,
      numberTemplate: '〔{year}〕号',
    })
    expect(badTemplate.fields?.[0]?.message).toContain('{n}')
    // GB/T 9704 7.2.4: no 第 before the sequence number.
    const withDi = await t.fail('rectification:saveSettings', {
      ...base,
      numberTemplate: '〔{year}〕第{n}号',
    })
    expect(withDi.fields?.[0]).toMatchObject({ path: 'numberTemplate' })
    expect(withDi.fields?.[0]?.message).toContain('GB/T 9704')
    await t.call('rectification:saveSettings', {
      issuer: '乌达区残联无障碍体验促进队',
      numberTemplate: '乌残促〔{year}〕{n}号',
      defaultDeadlineDays: 15,
      replyInstructions: '请于期限内书面回复。',
      contact: '联系人：王五 0473-1234567',
      colophon: true,
      copyTo: '区住建局、区残联',
      printer: '乌达区残疾人联合会办公室',
    })
    const notice = await t.call('notices:issue', {
      unitId: unit.id,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(notice.number).toBe('乌残促〔2026〕1号')
    const doc = (await t.call('notices:get', { id: notice.id })).document as NoticeDocumentV2
    expect(doc.issuer).toBe('乌达区残联无障碍体验促进队')
    const body = doc.body.map((b) => b.text)
    expect(body).toContain('请于期限内书面回复。')
    expect(body).toContain('联系人：王五 0473-1234567。')
    expect(doc.colophon).toEqual({
      copyTo: '区住建局、区残联',
      printer: '乌达区残疾人联合会办公室',
      printedOn: '2026-11-28',
    })
    const { html } = await t.call('notices:html', { id: notice.id })
    expect(html).toContain('抄送：区住建局、区残联。')
    expect(html).toContain('2026年11月28日印发')
  })

  it('keeps settings saved by earlier releases: the old default number becomes the GB/T 9704 one', async () => {
    const save = (value: object) =>
      t.core.ctx.db
        .prepare(
          `INSERT OR REPLACE INTO settings (key, value_json, updated_at) VALUES ('rectification', ?, 'x')`,
        )
        .run(JSON.stringify(value))
    const earlier = {
      issuer: '促进队',
      numberTemplate: '乌残无障碍整改〔{year}〕第{n}号',
      defaultDeadlineDays: 20,
      replyInstructions: '请回复。',
      contact: null,
    }
    save(earlier)
    expect(await t.call('rectification:settings', {})).toEqual({
      ...earlier,
      numberTemplate: '乌残无障碍整改〔{year}〕{n}号',
      colophon: true,
      copyTo: null,
      printer: null,
    })
    // A template the team typed themselves is theirs: it loads as it is (the form asks for the fix on save).
    save({ ...earlier, numberTemplate: '乌残函〔{year}〕第{n}号' })
    expect((await t.call('rectification:settings', {})).numberTemplate).toBe('乌残函〔{year}〕第{n}号')
  })

  it('prints a notice issued before version 2 of the snapshot as it was issued', async () => {
    const v1 = sampleNotice()
    t.core.ctx.db
      .prepare(
        `INSERT INTO notices (number, year, seq, unit_id, issuer, issued_on, deadline, snapshot_json, created_at)
         VALUES (?, 2026, 7, ?, ?, ?, ?, ?, 'x')`,
      )
      .run(v1.number, unit.id, v1.issuer, v1.issuedOn, v1.deadline, JSON.stringify(v1))
    const [listed] = await t.call('notices:list', { unitId: unit.id })
    expect(listed!.number).toBe('乌残无障碍整改〔2026〕第7号')
    const { html } = await t.call('notices:html', { id: listed!.id })
    // The old layout: every item a block in the body, the seal circle, no attachments.
    expect(html).toContain('一、存在的问题及整改要求')
    expect(html).toContain('（盖章）')
    expect(html).toContain('乌残无障碍整改〔2026〕第7号')
    expect(html).not.toContain('附件1')
    const xlsx = await t.call('notices:export', { id: listed!.id, format: 'xlsx' })
    expect(xlsx.byteLength).toBeGreaterThan(0)
    const docx = await t.call('notices:export', { id: listed!.id, format: 'docx' })
    expect(docx.fileName).toBe(`整改通知书-乌残无障碍整改〔2026〕第7号-${v1.unitName}.docx`)
  })
})
