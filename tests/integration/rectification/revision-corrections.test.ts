import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Inspection } from '../../../shared/domain/inspections'
import type { RectificationItem } from '../../../shared/domain/rectification'
import { openTestCore, type TestCore } from '../../support/test-core'
import {
  createPlace,
  failing,
  inspect,
  passing,
  seededUnit,
  slopeReading,
  type RampMeasure,
} from './fixtures'

/**
 * A submitted inspection corrected through a revision (revise → change the date and/or a measurement → submit):
 * the items, pending verification proposals and reports follow the corrected inspection, while the history keeps
 * what was recorded before and gains one note naming the correction, and an issued notice never changes.
 */

let t: TestCore
let unit: { id: number; name: string }
let placeId: number

beforeEach(async () => {
  t = openTestCore()
  // A fixed "today" after every date used below (the services refuse future inspection and notice dates).
  const clock = new Date('2026-11-10T10:00:00+08:00')
  t.core.ctx.now = () => clock
  unit = await seededUnit(t, '住房和城乡建设局')
  placeId = await createPlace(t, '区政务服务大厅', unit.id)
})
afterEach(() => t.close())

const north = (slope: [number, number] | null): RampMeasure[] => [{ label: '北门坡道', slope }]

/** revise → (inspections:update the date) → (re-measure) → submit, as the inspection page does it. */
async function correct(
  original: Inspection,
  change: { inspectedOn?: string; ramps?: RampMeasure[] },
): Promise<Inspection> {
  let revision = await t.call('inspections:revise', { id: original.id })
  if (change.inspectedOn) {
    revision = await t.call('inspections:update', {
      id: revision.id,
      baseVersion: revision.version,
      inspectedOn: change.inspectedOn,
      inspectors: revision.inspectors,
      notes: revision.notes ?? '',
    })
  }
  for (const ramp of change.ramps ?? []) {
    const element = revision.elements.find((e) => e.label === ramp.label)!
    revision = await t.call('inspections:saveCheck', {
      elementId: element.id,
      baseVersion: revision.version,
      checkId: 'ramp.slope',
      inputs: slopeReading(ramp.slope!),
    })
  }
  return t.call('inspections:submit', { id: revision.id, baseVersion: revision.version })
}

async function notifyOpen(issuedOn: string): Promise<number> {
  const ids = (await t.call('rectification:list', { status: 'open' })).map((i) => i.id)
  const notice = await t.call('notices:issue', {
    unitId: unit.id,
    itemIds: ids,
    issuedOn,
    deadline: '2026-12-31',
  })
  return notice.id
}

async function only(): Promise<RectificationItem> {
  const list = await t.call('rectification:list', { status: 'all' })
  expect(list).toHaveLength(1)
  return t.call('rectification:get', { id: list[0]!.id })
}

const notes = async (itemId: number) =>
  (await t.call('rectification:get', { id: itemId })).events.map((e) => e.note ?? '')

const proposalRows = (itemId: number) =>
  t.core.ctx.db
    .prepare(
      'SELECT inspection_id, state, explanation FROM verification_proposals WHERE item_id = ? ORDER BY id',
    )
    .all(itemId) as Array<{ inspection_id: number | null; state: string; explanation: string }>

describe('the item and the reports follow a corrected inspection date', () => {
  it('moves first found to the corrected date, so the reports count it in the corrected month', async () => {
    const original = await inspect(t, placeId, '2026-09-30', north(failing))
    expect((await only()).firstFoundAt).toBe('2026-09-30')
    const revision = await correct(original, { inspectedOn: '2026-10-02' })

    const item = await only()
    expect(item).toMatchObject({ status: 'open', firstFoundAt: '2026-10-02' })
    expect(item.findingIds).toHaveLength(2)
    const september = await t.call('reports:summary', { from: '2026-09-01', to: '2026-09-30' })
    const october = await t.call('reports:summary', { from: '2026-10-01', to: '2026-10-31' })
    expect(september.totals.found).toBe(0)
    expect(october.totals.found).toBe(1)
    // The creation stays as it was recorded; one note names the correction and the date change.
    const history = await notes(item.id)
    expect(history[0]).toBe('由现场检查发现')
    expect(history.filter((n) => n.includes(`修订（检查编号 ${revision.id}）`))).toEqual([
      `检查更正：检查编号 ${original.id} 已由修订（检查编号 ${revision.id}）更正，检查日期由 2026-09-30 更正为 2026-10-02；更正后仍发现该问题`,
    ])
    // Re-running the sync changes nothing.
    const version = item.version
    expect(await t.call('rectification:sync', {})).toEqual({ created: 0, linked: 0, proposals: 0 })
    expect((await only()).version).toBe(version)
  })

  it('keeps a notified item on its notice: no "found again", the notice snapshot unchanged', async () => {
    const original = await inspect(t, placeId, '2026-10-09', north(failing))
    const noticeId = await notifyOpen('2026-10-12')
    const snapshot = () =>
      t.core.ctx.db.prepare('SELECT snapshot_json FROM notices WHERE id = ?').pluck().get(noticeId) as string
    const issued = snapshot()
    await correct(original, { inspectedOn: '2026-10-08', ramps: north([280, 2400]) })

    const item = await only()
    expect(item).toMatchObject({ status: 'notified', noticeId, firstFoundAt: '2026-10-08' })
    expect(item.found).toContain('1:8.6')
    const history = await notes(item.id)
    expect(history.some((n) => n.includes('再次发现'))).toBe(false)
    expect(history.at(-1)).toContain('检查日期由 2026-10-09 更正为 2026-10-08；更正后仍发现该问题')
    expect(snapshot()).toBe(issued)
  })

  it('shows the newest measurement as it stands, not the one recorded last', async () => {
    const original = await inspect(t, placeId, '2026-10-09', north(failing))
    await notifyOpen('2026-10-12')
    await inspect(t, placeId, '2026-10-20', north([280, 2400]))
    // The first inspection is corrected after the re-inspection: its revision is recorded last but is older.
    await correct(original, { ramps: north([250, 2400]) })
    const item = await only()
    expect(item.findingIds).toHaveLength(3)
    expect(item.found).toContain('1:8.6')
    expect(item.found).not.toContain('1:9.6')
  })

  it('a correction that clears a notified item notes it for the inspector and proposes no verification', async () => {
    const original = await inspect(t, placeId, '2026-10-09', north(failing))
    await notifyOpen('2026-10-12')
    await inspect(t, placeId, '2026-10-15', north(passing))
    const proposed = (await only()).proposal!
    const revision = await correct(original, { ramps: north(passing) })

    // Passing in the correction means the problem was recorded wrongly, not that it was fixed: the item stays
    // for the inspector (drop it or verify it by hand), and the proposal that rested on the old record goes.
    const item = await only()
    expect(item).toMatchObject({ status: 'notified', firstFoundAt: '2026-10-09', proposal: null })
    expect((await notes(item.id)).slice(-2)).toEqual([
      `检查更正：检查编号 ${original.id} 已由修订（检查编号 ${revision.id}）更正；更正后未再发现该问题，` +
        '该项已没有成立的问题记录。当前状态“已通知”未自动变更，请核实（如属误报请撤销）',
      `撤回核验建议（${proposed.proposedAt.slice(0, 10)} 提出）：${proposed.explanation}。` +
        '原因：检查更正后，该项的问题记录均已更正为不再判定为问题，没有可核验的问题',
    ])
    expect(proposalRows(item.id)).toEqual([])
    const actions = (await t.call('rectification:get', { id: item.id })).events.map((e) => e.action)
    expect(actions.slice(-2)).toEqual(['note', 'withdraw']) // 系统记录, 撤回核验建议
    expect(await t.call('rectification:sync', {})).toEqual({ created: 0, linked: 0, proposals: 0 })
  })

  it('a correction of an inspection whose item was verified or dropped does not raise the problem again', async () => {
    const verifiedOn = await inspect(t, placeId, '2026-10-09', north(failing))
    await notifyOpen('2026-10-12')
    await inspect(t, placeId, '2026-10-20', north(passing))
    const proposed = await only()
    await t.call('rectification:decideProposal', { proposalId: proposed.proposal!.id, accept: true })
    await correct(verifiedOn, { inspectedOn: '2026-10-08' })
    const verified = await only()
    expect(verified).toMatchObject({ status: 'verified', firstFoundAt: '2026-10-08' })
    expect(verified.findingIds).toHaveLength(2)

    const otherPlace = await createPlace(t, '区图书馆', unit.id)
    const falsePositive = await inspect(t, otherPlace, '2026-10-09', north(failing))
    const item = (await t.call('rectification:list', { placeId: otherPlace }))[0]!
    await t.call('rectification:drop', { id: item.id, version: item.version, reason: '误报：测量位置错误' })
    await correct(falsePositive, { inspectedOn: '2026-10-07' })
    expect(await t.call('rectification:list', { placeId: otherPlace, status: 'all' })).toMatchObject([
      { id: item.id, status: 'dropped' },
    ])
  })
})

describe('verification after a correction', () => {
  it('an inspection after the corrected (earlier) date can show the fix', async () => {
    const original = await inspect(t, placeId, '2026-10-20', north(failing))
    await notifyOpen('2026-10-21')
    await correct(original, { inspectedOn: '2026-10-10' })
    const recheck = await inspect(t, placeId, '2026-10-15', north(passing))
    const item = await only()
    expect(item.proposal).toMatchObject({ inspectionId: recheck.id })
    expect(item.proposal!.explanation).toMatch(/^2026-10-15 复查：.*符合要求$/)
  })

  it('withdraws a pending proposal made by an inspection that is now before the corrected finding', async () => {
    const original = await inspect(t, placeId, '2026-10-10', north(failing))
    await notifyOpen('2026-10-12')
    const recheck = await inspect(t, placeId, '2026-10-15', north(passing))
    const proposed = await only()
    expect(proposed.proposal).toMatchObject({ inspectionId: recheck.id })
    const revision = await correct(original, { inspectedOn: '2026-10-18' })

    const item = await only()
    expect(item).toMatchObject({ status: 'notified', proposal: null, firstFoundAt: '2026-10-18' })
    const history = await notes(item.id)
    // The proposal as it was made stays in the history; its withdrawal says why.
    expect(history).toContain(proposed.proposal!.explanation)
    expect(history.at(-1)).toBe(
      `撤回核验建议（${proposed.proposal!.proposedAt.slice(0, 10)} 提出）：${proposed.proposal!.explanation}。` +
        `原因：检查更正后，该问题最近一次于 2026-10-18 发现（检查编号 ${revision.id}），` +
        `所依据的 2026-10-15 检查（检查编号 ${recheck.id}）不在其后，不能证明已整改`,
    )
    expect(history.some((n) => n.includes('再次发现'))).toBe(false)
    expect(proposalRows(item.id).filter((p) => p.state === 'pending')).toEqual([])
    expect((await t.call('rectification:sync', {})).proposals).toBe(0)

    // A re-inspection after the corrected date (its elements descend from the revision's) can still show the fix.
    const later = await inspect(t, placeId, '2026-10-25', north(passing))
    expect((await only()).proposal).toMatchObject({ inspectionId: later.id })
  })

  it('re-proposes from the corrected inspection, with its corrected date, when the proposal’s basis is revised', async () => {
    await inspect(t, placeId, '2026-10-10', north(failing))
    await notifyOpen('2026-10-12')
    const recheck = await inspect(t, placeId, '2026-10-25', north(passing))
    const proposed = await only()
    expect(proposed.proposal!.explanation).toMatch(/^2026-10-25 复查/)
    const revision = await correct(recheck, { inspectedOn: '2026-10-24' })

    const item = await only()
    expect(item.proposal).toMatchObject({ inspectionId: revision.id })
    expect(item.proposal!.explanation).toMatch(/^2026-10-24 复查：.*符合要求$/)
    const history = await notes(item.id)
    expect(history).toContain(proposed.proposal!.explanation)
    expect(history).toContain(
      `撤回核验建议（${proposed.proposal!.proposedAt.slice(0, 10)} 提出）：${proposed.proposal!.explanation}。` +
        `原因：所依据的检查（检查编号 ${recheck.id}）已由修订（检查编号 ${revision.id}）更正`,
    )
    expect(history.at(-1)).toBe(item.proposal!.explanation)
    expect(proposalRows(item.id).map((p) => [p.inspection_id, p.state])).toEqual([[revision.id, 'pending']])
  })

  it('a correction that finds the problem in the proposal’s own inspection rejects it, naming the correction', async () => {
    await inspect(t, placeId, '2026-10-10', north(failing))
    await notifyOpen('2026-10-12')
    const recheck = await inspect(t, placeId, '2026-10-15', north(passing))
    const revision = await correct(recheck, { ramps: north([280, 2400]) })
    const item = await only()
    expect(item).toMatchObject({ status: 'notified', proposal: null })
    expect(item.findingIds).toHaveLength(2)
    expect((await notes(item.id)).at(-1)).toBe(
      `2026-10-15 复查（检查编号 ${revision.id}，系对检查编号 ${recheck.id} 的更正）再次发现该问题（当前状态：已通知），原核验建议已自动驳回`,
    )
    expect(proposalRows(item.id).map((p) => [p.inspection_id, p.state])).toEqual([[recheck.id, 'rejected']])
  })

  it('a correction that keeps the date and the problem leaves a valid pending proposal alone', async () => {
    const original = await inspect(t, placeId, '2026-10-10', north(failing))
    await notifyOpen('2026-10-12')
    await inspect(t, placeId, '2026-10-15', north(passing))
    const proposed = await only()
    await correct(original, { ramps: north([280, 2400]) })
    const item = await only()
    expect(item.proposal).toEqual(proposed.proposal)
    expect(item.found).toContain('1:8.6')
  })

  it('a failing re-inspection after a correction joins the same item; its "found again" note is kept as written', async () => {
    const original = await inspect(t, placeId, '2026-10-10', north(failing))
    await notifyOpen('2026-10-12')
    await correct(original, { inspectedOn: '2026-10-09' })
    const recheck = await inspect(t, placeId, '2026-10-20', north([280, 2400]))
    const item = await only()
    expect(item.findingIds).toHaveLength(3)
    const foundAgain = `2026-10-20 复查（检查编号 ${recheck.id}）再次发现该问题（当前状态：已通知）`
    expect((await notes(item.id)).at(-1)).toBe(foundAgain)

    // Its own correction (a day earlier) adds a note; the note written on the day stays as it was.
    const revision = await correct(recheck, { inspectedOn: '2026-10-19' })
    const history = await notes(item.id)
    expect(history).toContain(foundAgain)
    expect(history.at(-1)).toBe(
      `检查更正：检查编号 ${recheck.id} 已由修订（检查编号 ${revision.id}）更正，检查日期由 2026-10-20 更正为 2026-10-19；更正后仍发现该问题`,
    )
    expect(history.filter((n) => n.includes('再次发现'))).toHaveLength(1)
    expect((await only()).firstFoundAt).toBe('2026-10-09')
  })
})
