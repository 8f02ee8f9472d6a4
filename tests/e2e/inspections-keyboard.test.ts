/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import { apiCall, expectNoAxeViolations, openAppSession, waitForText, type AppSession } from './helpers'
import { announced, chooseFilesWith, chooseOption, focused, tabTo } from './inspections/keyboard'
import { focusProblems } from './inspections/layout-checks'

/**
 * A whole site inspection with the keyboard only (issue #16): create, add a facility, type its values once,
 * attach a photo tied to a check, reach 提交检查, submit after the pre-submit list, read the record. Then a
 * re-inspection copies last values by a deliberate action, and a draft is discarded. axe on every state.
 */

let session: AppSession
let page: Page
let cleanup: () => void
let photoPath: string
let inspectionId = 0
let rampId = 0
const place = '新华街政务服务大厅'

beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-inspections-keyboard-')
  cleanup = temp.cleanup
  photoPath = path.join(temp.dir, '坡道宽度.jpg')
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#5a8cc8' } })
    .jpeg()
    .toFile(photoPath)
  session = await openAppSession(path.join(temp.dir, 'data'))
  page = session.page
  const units = await apiCall<Array<{ id: number }>>(page, 'units:list', {})
  await apiCall(page, 'places:create', { name: place, type: 'government-service-hall', unitId: units[0]!.id })
})

afterAll(async () => {
  await session?.close()
  cleanup?.()
})

const id = (element: number, checkId: string, input?: string) =>
  [`c-${element}-${checkId.replace(/\./g, '-')}`, input].filter(Boolean).join('-')

function verdictIs(element: number, checkId: string, verdict: string) {
  return page.waitForFunction(
    (target, v) => document.getElementById(target)?.dataset.verdict === v,
    {},
    `${id(element, checkId)}-verdict`,
    verdict,
  )
}

async function shot(name: string) {
  if (process.env.INSPECTIONS_SHOTS)
    await page.screenshot({ path: `${process.env.INSPECTIONS_SHOTS}/${name}.png`, fullPage: true })
}

describe('a whole inspection by keyboard only', () => {
  it('creates an inspection from the list', async () => {
    await page.goto(`${session.door.origin}/#/inspections`, { waitUntil: 'networkidle0' })
    await tabTo(page, '.aa-toolbar button.ant-btn-primary')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.activeElement?.id === 'inspection_placeId')
    await expectNoAxeViolations(page, '新建检查 dialog')
    await chooseOption(page, '新华街', place)
    await tabTo(page, '#inspection_inspectors')
    await page.keyboard.type('张伟、李娜')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => /#\/inspections\/\d+$/.test(location.hash))
    inspectionId = Number(/(\d+)$/.exec(await page.evaluate(() => location.hash))![1])
    // Focus is on the page heading: a screen reader says where the user arrived.
    await page.waitForFunction(() => document.activeElement?.closest('h1') !== null)
    await expectNoAxeViolations(page, 'new draft inspection')
  })

  it('adds a facility and types its shared values once: every check that uses them is judged', async () => {
    await tabTo(page, '#add-element-category')
    await chooseOption(page, '轮椅坡道', '轮椅坡道')
    await page.keyboard.press('Tab')
    await page.keyboard.type('北门坡道')
    await page.keyboard.press('Enter')
    await announced(page, '已添加设施：北门坡道')
    await page.waitForFunction(() => /^m-\d+-rise$/.test(document.activeElement?.id ?? ''))
    rampId = Number(/^m-(\d+)-rise$/.exec((await focused(page)).id)![1])
    await page.keyboard.type('300')
    await page.keyboard.press('Enter') // → 水平长度 (read in metres)
    await page.keyboard.type('3.6')
    await verdictIs(rampId, 'ramp.slope', 'pass')
    await verdictIs(rampId, 'ramp.rise-per-run', 'pass')
    const perRun = await page.$eval(`#${id(rampId, 'ramp.rise-per-run')}`, (el) => el.textContent ?? '')
    expect(perRun).toContain('共用测量值：高差 300 mm；水平长度 3.6 m')
    // The checks do not ask for the rise again.
    expect(await page.$(`#${id(rampId, 'ramp.rise-per-run', 'rise')}`)).toBeNull()
    await tabTo(page, `#${id(rampId, 'ramp.clear-width', 'width')}`)
    await page.keyboard.type('1000')
    await verdictIs(rampId, 'ramp.clear-width', 'fail')
    await page.waitForFunction(
      () => document.querySelector('[data-testid="save-status"]')?.textContent === '已保存',
    )
    await expectNoAxeViolations(page, 'draft with shared values typed')
    await shot('keyboard-draft')
  })

  it('shows every focus ring on the draft at 3:1 or more against its background', async () => {
    await page.focus('h1 .aa-heading-target')
    expect(await focusProblems(page, 70)).toEqual([])
  })

  it('attaches a photo tied to a check: focus lands on the new photo and the outcome is announced', async () => {
    await page.focus(`#${id(rampId, 'ramp.clear-width', 'width')}`)
    await tabTo(page, `#photos-${rampId}-check`)
    await chooseOption(page, '通行净宽', '轮椅坡道通行净宽')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id).toBe(`photos-${rampId}-caption`)
    await page.keyboard.type('坡道宽度 1.0 m')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id).toBe(`photos-${rampId}`)
    await chooseFilesWith(page, 'Space', [photoPath])
    await announced(page, '已添加 1 张照片：坡道宽度 1.0 m')
    await page.waitForFunction(() => document.activeElement?.tagName === 'FIGURE')
    expect((await focused(page)).text).toContain('关联：轮椅坡道通行净宽')
    await expectNoAxeViolations(page, 'draft with a photo tied to a check')
  })

  it('reaches 提交检查 in a few key presses from the end of a facility (skip link, landmark)', async () => {
    const presses = await tabTo(page, 'a.aa-skip-inline')
    expect(presses).toBeLessThanOrEqual(8)
    expect((await focused(page)).text).toBe('返回提交栏')
    await page.keyboard.press('Enter')
    expect((await focused(page)).text).toBe('提交检查')
    expect(
      await page.$eval('#inspection-submit-bar', (el) => [el.tagName, el.getAttribute('aria-label')]),
    ).toEqual(['SECTION', '保存与提交'])
    // From the top of the page too: the heading, then 跳到提交栏.
    await page.focus('h1 .aa-heading-target')
    expect(await tabTo(page, 'a.aa-skip-inline')).toBeLessThanOrEqual(2)
  })

  it('lists the checks not entered before submit; a link moves focus to the check to fill it', async () => {
    await tabTo(page, '#inspection-submit-bar .ant-btn-primary')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.aa-presubmit .ant-modal-container')
    await waitForText(page, '未填写的检查项（')
    await expectNoAxeViolations(page, 'pre-submit list')
    await shot('keyboard-presubmit')
    await tabTo(page, '.aa-gap-list a')
    expect((await focused(page)).text).toContain('北门坡道：轮椅坡道横向坡度')
    await page.keyboard.press('Enter')
    await page.waitForFunction(
      (target) => document.activeElement?.id === target,
      {},
      id(rampId, 'ramp.cross-slope', 'crossSlope'),
    )
    await page.keyboard.type('1%')
    await verdictIs(rampId, 'ramp.cross-slope', 'pass')
  })

  it('submits only after a deliberate confirmation; focus then goes to the findings, the outcome is announced', async () => {
    await tabTo(page, 'a.aa-skip-inline')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.aa-presubmit .ant-modal-container')
    const ok = '.aa-presubmit .ant-modal-footer .ant-btn-primary'
    await tabTo(page, ok)
    await page.keyboard.press('Enter')
    // Not confirmed yet: it says so, and the focus is on the confirmation.
    await page.waitForSelector('#presubmit-acknowledge-error')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox')
    await expectNoAxeViolations(page, 'pre-submit list asking for the confirmation')
    await page.keyboard.press('Space')
    await tabTo(page, ok)
    await page.keyboard.press('Enter')
    await announced(page, '检查已提交，生成 1 条问题')
    await page.waitForFunction(() => document.activeElement?.id === 'findings-heading')
    await waitForText(page, '北门坡道：轮椅坡道通行净宽')
    await expectNoAxeViolations(page, 'submitted inspection')
  })

  it('reads the record: values, 未填写 apart from 待复核, the photo with its caption and check', async () => {
    await tabTo(page, `a[href$="/inspections/${inspectionId}/record"]`, { back: true })
    await page.keyboard.press('Enter')
    await page.waitForFunction(() =>
      document.activeElement?.closest('h1')?.textContent?.startsWith('检查记录表'),
    )
    await page.waitForSelector('.aa-record img.aa-photo-img')
    const text = await page.$eval('main', (el) => el.textContent ?? '')
    expect(text).toContain('共用测量值：高差：300 mm；水平长度：3.6 m')
    expect(text).toContain('通行净宽：1000 mm')
    expect(text).toContain('坡道宽度 1.0 m关联：轮椅坡道通行净宽')
    const tables = await page.$$eval('.aa-record-table', (els) => els.map((el) => el.textContent).join(''))
    expect(tables).toContain('未填写')
    expect(tables).not.toContain('待复核')
    // The counts say the same: blanks are 未填写, never 待复核.
    expect(text).toMatch(/共 \d+ 项检查：不合格 \d+ 项，待复核 0 项，未填写 [1-9]\d* 项/)
    await expectNoAxeViolations(page, 'record')
    await page.focus('h1 .aa-heading-target')
    expect(await focusProblems(page, 12)).toEqual([])
    await shot('keyboard-record')
  })
})

describe('re-inspection and discarding a draft', () => {
  let reinspectionId = 0

  it('copies last values only by a deliberate action, per check and for the facility, marked as copied', async () => {
    const created = await apiCall<{ id: number; elements: Array<{ id: number }> }>(
      page,
      'inspections:create',
      {
        placeId: 1,
        inspectedOn: await page.evaluate(() => new Date().toLocaleDateString('sv')),
        inspectors: '王芳',
      },
    )
    reinspectionId = created.id
    const ramp = created.elements[0]!.id
    await page.goto(`${session.door.origin}/#/inspections/${reinspectionId}`, { waitUntil: 'networkidle0' })
    await page.waitForSelector(`#m-${ramp}-rise`)
    // Nothing copied silently: the fields start blank.
    expect(await page.$eval(`#m-${ramp}-rise`, (el) => (el as HTMLInputElement).value)).toBe('')
    await tabTo(page, 'button[aria-label="沿用上次的值：轮椅坡道通行净宽"]')
    await page.keyboard.press('Enter')
    await announced(page, '已沿用上次的 1 个值')
    await page.waitForFunction(
      (target) => document.activeElement?.id === target,
      {},
      id(ramp, 'ramp.clear-width'),
    )
    expect(
      await page.$eval(`#${id(ramp, 'ramp.clear-width', 'width')}`, (el) => (el as HTMLInputElement).value),
    ).toBe('1000')
    expect(await page.$eval(`#${id(ramp, 'ramp.clear-width')}`, (el) => el.textContent ?? '')).toContain(
      '沿用上次',
    )
    await expectNoAxeViolations(page, 're-inspection with a copied check')
    await tabTo(page, 'button[aria-label="沿用上次全部测量值：北门坡道"]', { back: true })
    await page.keyboard.press('Enter')
    await announced(page, '已沿用上次的')
    await page.waitForFunction(
      (r) => (document.getElementById(`m-${r}-rise`) as HTMLInputElement)?.value === '300',
      {},
      ramp,
    )
    await page.waitForFunction(
      () => document.querySelector('[data-testid="save-status"]')?.textContent === '已保存',
    )
    await tabTo(page, 'a.aa-skip-inline')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.aa-presubmit .ant-modal-container')
    const body = await page.$eval('.aa-presubmit .ant-modal-container', (el) => el.textContent ?? '')
    expect(body).toMatch(/复查中未重新测量的检查项（\d+ 项）/)
    expect(body).toContain('北门坡道：轮椅坡道通行净宽（沿用上次的值）')
    await expectNoAxeViolations(page, 'pre-submit list of a re-inspection')
    await shot('keyboard-reinspection-presubmit')
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.activeElement?.textContent === '提交检查')
  })

  it('discards the draft after a keyboard confirmation; the earlier inspection and its photo stay', async () => {
    await tabTo(page, '#inspection-submit-bar .ant-btn-dangerous')
    await page.keyboard.press('Enter')
    await waitForText(page, '放弃此检查草稿？')
    await expectNoAxeViolations(page, 'discard confirmation')
    await tabTo(page, '.ant-modal-footer .ant-btn-dangerous')
    await page.keyboard.press('Enter')
    await announced(page, `已放弃 ${place} 的检查草稿`)
    await page.waitForFunction(() => location.hash === '#/inspections')
    await page.waitForFunction(() => document.activeElement?.closest('h1')?.textContent === '现场检查')
    const list = await apiCall<Array<{ id: number }>>(page, 'inspections:list', {})
    expect(list.map((i) => i.id)).toEqual([inspectionId])
    const first = await apiCall<{ elements: Array<{ photos: Array<{ sha256: string }> }> }>(
      page,
      'inspections:get',
      {
        id: inspectionId,
      },
    )
    const photo = await apiCall<{ missing: boolean }>(page, 'photos:get', {
      sha256: first.elements[0]!.photos[0]!.sha256,
      variant: 'thumbnail',
    })
    expect(photo.missing).toBe(false)
    await expectNoAxeViolations(page, 'list after discarding')
    expect(fs.existsSync(photoPath)).toBe(true)
  })
})
