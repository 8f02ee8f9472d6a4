import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, passing, seededUnit, webRun, type WebPage } from './fixtures'

let t: TestCore
let unit: { id: number; name: string }

beforeEach(async () => {
  // A fixed "today" after every date used below (the services refuse inspections dated after today).
  t = openTestCore({}, { now: () => new Date('2026-12-15T10:00:00+08:00') })
  unit = await seededUnit(t, '住房和城乡建设局')
})
afterEach(() => t.close())

async function notifyAll(): Promise<void> {
  const ids = (await t.call('rectification:list', { unitId: unit.id, status: 'open' })).map((i) => i.id)
  await t.call('notices:issue', {
    unitId: unit.id,
    itemIds: ids,
    issuedOn: '2026-11-28',
    deadline: '2026-12-28',
  })
}

const only = async () => {
  const list = await t.call('rectification:list', { status: 'all' })
  expect(list).toHaveLength(1)
  return t.call('rectification:get', { id: list[0]!.id })
}

describe('site: a later inspection proposes verification', () => {
  let placeId: number
  beforeEach(async () => {
    placeId = await createPlace(t, '区政务服务大厅', unit.id)
    await inspect(t, placeId, '2026-11-20', [{ label: '北门坡道', slope: failing }])
    await notifyAll()
  })

  it('proposes when the same check of the same element is re-measured and passes; accept verifies', async () => {
    await inspect(t, placeId, '2026-12-05', [{ label: '北门坡道', slope: passing }])
    const item = await only()
    expect(item.status).toBe('notified')
    expect(item.proposal).toMatchObject({ source: 'site', auditRunId: null })
    expect(item.proposal!.explanation).toMatch(/^2026-12-05 复查：坡度 1:14.*符合要求$/)
    // Running the sync again proposes nothing new.
    expect((await t.call('rectification:sync', {})).proposals).toBe(0)
    const verified = await t.call('rectification:decideProposal', {
      proposalId: item.proposal!.id,
      accept: true,
    })
    expect(verified).toMatchObject({ status: 'verified', proposal: null })
    const { events } = await t.call('rectification:get', { id: item.id })
    expect(events.at(-1)).toMatchObject({ action: 'verify', fromStatus: 'notified', toStatus: 'verified' })
    expect(events.at(-1)!.note).toContain('2026-12-05 复查')
    const again = await t.fail('rectification:decideProposal', {
      proposalId: item.proposal!.id,
      accept: true,
    })
    expect(again.code).toBe('INVALID_STATE')
  })

  it('rejecting a proposal leaves the item unchanged and does not propose the same inspection again', async () => {
    await inspect(t, placeId, '2026-12-05', [{ label: '北门坡道', slope: passing }])
    const item = await only()
    const after = await t.call('rectification:decideProposal', {
      proposalId: item.proposal!.id,
      accept: false,
      note: '测量位置不对',
    })
    expect(after).toMatchObject({ status: 'notified', proposal: null })
    expect(after.version).toBe(item.version + 1)
    expect((await t.call('rectification:sync', {})).proposals).toBe(0)
    expect((await only()).proposal).toBeNull()
  })

  it('proposes nothing when the re-inspection still fails, and the item gains the new finding', async () => {
    await inspect(t, placeId, '2026-12-05', [{ label: '北门坡道', slope: [280, 2400] }])
    const item = await only()
    expect(item.proposal).toBeNull()
    expect(item.findingIds).toHaveLength(2)
    const last = (await t.call('rectification:get', { id: item.id })).events.at(-1)
    expect(last?.note).toContain('再次发现该问题')
    expect(last?.action).toBe('note') // shown as 系统记录, not as an edit by the inspector
  })

  it('proposes nothing when the element was not re-measured', async () => {
    await inspect(t, placeId, '2026-12-05', [
      { label: '北门坡道', slope: null },
      { label: '新坡道', slope: passing },
    ])
    expect((await only()).proposal).toBeNull()
  })

  it('a later failing inspection rejects the pending proposal of an earlier pass', async () => {
    await inspect(t, placeId, '2026-12-05', [{ label: '北门坡道', slope: passing }])
    const proposed = await only()
    expect(proposed.proposal).not.toBeNull()
    await inspect(t, placeId, '2026-12-10', [{ label: '北门坡道', slope: failing }])
    const item = await only()
    expect(item.proposal).toBeNull()
    const state = t.core.ctx.db
      .prepare('SELECT state FROM verification_proposals WHERE id = ?')
      .pluck()
      .get(proposed.proposal!.id)
    expect(state).toBe('rejected')
    expect((await t.call('rectification:get', { id: item.id })).events.at(-1)?.note).toContain(
      '原核验建议已自动驳回',
    )
  })

  it('does not propose for an item that was never notified', async () => {
    const other = await createPlace(t, '图书馆', unit.id)
    await inspect(t, other, '2026-11-21', [{ label: '坡道', slope: failing }])
    await inspect(t, other, '2026-12-05', [{ label: '坡道', slope: passing }])
    const item = (await t.call('rectification:list', { placeId: other }))[0]!
    expect(item).toMatchObject({ status: 'open', proposal: null })
  })
})

describe('web: a later run proposes verification', () => {
  let portalId: number
  const node = { selector: 'p.notice', html: '<p class="notice">通知</p>', fingerprint: 'f-notice' }
  const home: WebPage = { url: 'https://gov.example/', rules: { 'color-contrast': [node] } }
  const news: WebPage = { url: 'https://gov.example/news', rules: { 'image-alt': [] } }

  beforeEach(async () => {
    portalId = (
      await t.call('portals:create', {
        name: '区政府门户',
        startUrl: 'https://gov.example/',
        unitId: unit.id,
      })
    ).id
    webRun(t, portalId, [home, news], new Date('2026-11-20T02:00:00Z'))
    await t.call('rectification:sync', {})
    await notifyAll()
  })

  it('proposes when the rule no longer fires on the element and its page was audited', async () => {
    const runId = webRun(t, portalId, [{ url: home.url, rules: {} }, news], new Date('2026-12-05T02:00:00Z'))
    expect((await t.call('rectification:sync', {})).proposals).toBe(1)
    const item = await only()
    expect(item.proposal).toMatchObject({ source: 'web', auditRunId: runId, inspectionId: null })
    expect(item.proposal!.explanation).toMatch(/^2026-12-05 复测：规则 color-contrast 在原问题元素上不再出现/)
    const verified = await t.call('rectification:decideProposal', {
      proposalId: item.proposal!.id,
      accept: true,
    })
    expect(verified.status).toBe('verified')
  })

  it('proposes nothing when the page could not be audited in the later run', async () => {
    webRun(t, portalId, [{ url: home.url, ok: false }, news])
    expect((await t.call('rectification:sync', {})).proposals).toBe(0)
    expect((await only()).proposal).toBeNull()
  })

  it('proposes nothing when the rule still fires on the element', async () => {
    webRun(t, portalId, [home, news])
    expect(await t.call('rectification:sync', {})).toMatchObject({ created: 0, linked: 1, proposals: 0 })
    expect((await only()).proposal).toBeNull()
  })

  it('proposes nothing from an unfinished run', async () => {
    const runId = webRun(t, portalId, [{ url: home.url, rules: {} }])
    t.core.ctx.db.prepare(`UPDATE audit_runs SET status = 'cancelled' WHERE id = ?`).run(runId)
    expect((await t.call('rectification:sync', {})).proposals).toBe(0)
  })
})

describe('manual checks', () => {
  it('a fail makes an item, a later pass proposes its verification', async () => {
    const portal = await t.call('portals:create', {
      name: '区政府门户',
      startUrl: 'https://gov.example/',
      unitId: unit.id,
    })
    const checklist = await t.call('audits:manualChecklist', { portalId: portal.id })
    const check = checklist.find((c) => c.criterion === '1.2.2') ?? checklist[0]!
    await t.call('audits:answerManual', {
      portalId: portal.id,
      checkId: check.checkId,
      status: 'fail',
      note: '视频无字幕',
    })
    const [item] = await t.call('rectification:list', { portalId: portal.id })
    expect(item).toMatchObject({ source: 'web', location: '区政府门户（人工检查）' })
    expect((await t.call('rectification:get', { id: item!.id })).found).toContain('视频无字幕')
    await notifyAll()
    await t.call('audits:answerManual', { portalId: portal.id, checkId: check.checkId, status: 'pass' })
    const after = await only()
    expect(after.status).toBe('notified')
    expect(after.proposal?.explanation).toContain('人工复查')
  })
})
