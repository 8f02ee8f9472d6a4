import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../../support/test-core'

let t: TestCore
let portalId: number
const checkId = 'wcag-1.2.2'

beforeEach(async () => {
  t = openTestCore()
  portalId = (await t.call('portals:create', { name: '区政府门户', startUrl: 'https://gov.example/' })).id
})
afterEach(() => t.close())

async function answerOf(id = checkId) {
  return (await t.call('audits:manualChecklist', { portalId })).find((c) => c.checkId === id)!
}

async function manualFindings() {
  return (await t.call('findings:list', { source: 'web' })).filter((f) => f.checkId === `manual:${checkId}`)
}

describe('audits:answerManual, a fail needs a note', () => {
  it('refuses a fail without a note (missing, empty or blank) in zh-CN, on the note field, saving nothing', async () => {
    for (const note of [undefined, null, '', '   \n ']) {
      const error = await t.fail('audits:answerManual', { portalId, checkId, status: 'fail', note })
      expect(error.code).toBe('VALIDATION')
      expect(error.fields).toEqual([
        { path: 'note', message: '备注：选择“不通过”时必须填写备注，写明在哪个页面发现了什么问题' },
      ])
    }
    expect(await answerOf()).toMatchObject({ status: null, note: null, updatedAt: null })
    expect(await manualFindings()).toEqual([])
  })

  it('accepts a fail with a note, and pass / not applicable without one', async () => {
    await t.call('audits:answerManual', { portalId, checkId, status: 'fail', note: ' 首页新闻视频无字幕 ' })
    expect(await answerOf()).toMatchObject({ status: 'fail', note: '首页新闻视频无字幕' })
    expect(await manualFindings()).toHaveLength(1)
    await t.call('audits:answerManual', { portalId, checkId: 'wcag-1.4.2', status: 'pass' })
    await t.call('audits:answerManual', {
      portalId,
      checkId: 'wcag-1.2.4',
      status: 'not-applicable',
      note: '',
    })
    expect((await answerOf('wcag-1.4.2')).status).toBe('pass')
    expect((await answerOf('wcag-1.2.4')).status).toBe('not-applicable')
  })

  it('keeps an earlier fail, its note and its finding when a re-save drops the note', async () => {
    await t.call('audits:answerManual', { portalId, checkId, status: 'fail', note: '首页新闻视频无字幕' })
    const before = await answerOf()
    const error = await t.fail('audits:answerManual', { portalId, checkId, status: 'fail', note: '' })
    expect(error.code).toBe('VALIDATION')
    expect(await answerOf()).toEqual(before)
    const findings = await manualFindings()
    expect(findings).toHaveLength(1)
    expect(findings[0]?.detail).toContain('首页新闻视频无字幕')
  })
})
