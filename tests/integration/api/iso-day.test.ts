import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'

/**
 * One date schema for every operation (issue 11, item 5): a day that does not exist is refused the same way by
 * inspections, notices and reports — before, inspections:create stored 2026-02-30 while the notice API refused it.
 */

let t: TestCore
beforeEach(() => {
  t = openTestCore({}, { now: () => new Date('2026-11-28T04:00:00Z') })
})
afterEach(() => t.close())

describe('a calendar day that does not exist', () => {
  it('is refused by inspections:create and inspections:update with the notices’ message, and nothing is stored', async () => {
    const place = await t.call('places:create', { name: '区图书馆', type: 'park' })
    const refused = await t.fail('inspections:create', {
      placeId: place.id,
      inspectedOn: '2026-02-30',
      inspectors: '张伟',
    })
    expect(refused.code).toBe('VALIDATION')
    expect(refused.fields).toEqual([{ path: 'inspectedOn', message: '检查日期：不是有效日期' }])
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) FROM inspections').pluck().get()).toBe(0)

    const made = await t.call('inspections:create', {
      placeId: place.id,
      inspectedOn: '2026-02-28',
      inspectors: '张伟',
    })
    const update = await t.fail('inspections:update', {
      id: made.id,
      baseVersion: made.version,
      inspectedOn: '2026-04-31',
      inspectors: '张伟',
    })
    expect(update.fields?.[0]?.message).toBe('检查日期：不是有效日期')

    const report = await t.fail('reports:summary', { from: '2026-02-30', to: '2026-03-31' })
    expect(report.fields?.[0]?.message).toMatch(/不是有效日期$/)
  })
})
