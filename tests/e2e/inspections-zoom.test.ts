/// <reference lib="dom" />
import path from 'node:path'
import sharp from 'sharp'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import { apiCall, expectNoAxeViolations, openAppSession, waitForText, type AppSession } from './helpers'
import { focusProblems, layoutProblems } from './inspections/layout-checks'

/**
 * Every inspection screen at 200 % zoom and at the 24 px text size on a 1366 × 768 screen (issue #16): no page-wide
 * sideways scrolling, no control overlapping another or hidden, zero axe violations. Screenshots are written to
 * $INSPECTIONS_SHOTS when set, to be looked at.
 */

let session: AppSession
let page: Page
let cleanup: () => void
const ids = { first: 0, draft: 0, ramp: 0 }

interface Input {
  [key: string]: unknown
}
type Insp = { id: number; version: number; elements: Array<{ id: number; label: string }> }

beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-inspections-zoom-')
  cleanup = temp.cleanup
  session = await openAppSession(path.join(temp.dir, 'data'))
  page = session.page
  const call = <T = Insp>(op: string, input: Input) => apiCall<T>(page, op, input)
  const units = await call<Array<{ id: number }>>('units:list', {})
  const place = await call<{ id: number }>('places:create', {
    name: '乌达区人民政府政务服务中心（新华街大厅）',
    type: 'government-service-hall',
    unitId: units[0]!.id,
  })
  const jpeg = async (background: string) =>
    (
      await sharp({ create: { width: 80, height: 60, channels: 3, background } })
        .jpeg()
        .toBuffer()
    ).toString('base64')
  const mm = (value: number) => ({ value, unit: 'mm' })
  let insp = await call('inspections:create', {
    placeId: place.id,
    inspectedOn: '2026-06-01',
    inspectors: '张伟',
  })
  for (const [category, label] of [
    ['ramp', '北门无障碍坡道（主入口东侧）'],
    ['toilet-room', '一层无障碍厕所'],
  ])
    insp = await call('inspections:addElement', {
      inspectionId: insp.id,
      baseVersion: insp.version,
      category,
      label,
    })
  const [ramp, toilet] = insp.elements
  insp = await call('inspections:saveMeasurements', {
    elementId: ramp!.id,
    baseVersion: insp.version,
    values: { rise: mm(300), run: mm(2400) },
  })
  for (const [elementId, checkId, inputs] of [
    [ramp!.id, 'ramp.clear-width', { width: mm(1000) }],
    [toilet!.id, 'toilet-room.door-width', { width: mm(780), project: 'new' }],
  ] as const)
    insp = await call('inspections:saveCheck', { elementId, baseVersion: insp.version, checkId, inputs })
  insp = await call('inspections:attachPhoto', {
    elementId: ramp!.id,
    baseVersion: insp.version,
    fileName: '坡道.jpg',
    dataBase64: await jpeg('#5a8cc8'),
    caption: '坡道起点，坡度仪读数 1:8',
    checkId: 'ramp.slope',
  })
  insp = await call('inspections:submit', { id: insp.id, baseVersion: insp.version })
  ids.first = insp.id
  let draft = await call('inspections:create', {
    placeId: place.id,
    inspectedOn: '2026-11-20',
    inspectors: '李娜、王芳',
  })
  ids.draft = draft.id
  ids.ramp = draft.elements[0]!.id
  draft = await call('inspections:copyPrevious', {
    elementId: ids.ramp,
    baseVersion: draft.version,
    checkId: 'ramp.clear-width',
  })
  await call('inspections:attachPhoto', {
    elementId: ids.ramp,
    baseVersion: draft.version,
    fileName: '坡道全景.jpg',
    dataBase64: await jpeg('#c85a5a'),
  })
})

afterAll(async () => {
  await session?.close()
  cleanup?.()
})

async function shot(name: string, fullPage: boolean) {
  if (process.env.INSPECTIONS_SHOTS)
    await page.screenshot({ path: `${process.env.INSPECTIONS_SHOTS}/${name}.png`, fullPage })
}

async function open(route: string, ready: string) {
  await page.goto(`${session.door.origin}/#${route}`, { waitUntil: 'networkidle0' })
  await page.waitForSelector(ready)
  await page.evaluate(() => document.fonts.ready)
}

async function usable(name: string, scope?: string) {
  expect(await layoutProblems(page, scope), name).toEqual([])
  await expectNoAxeViolations(page, name)
  await shot(name, scope === undefined)
}

async function openDialog(button: string, title: string) {
  await page.click(button)
  await waitForText(page, title)
  await page.waitForSelector('.ant-modal-wrap .ant-modal-container')
  // The opening animation is off (reduced motion) but the dialog still lays out over a frame or two.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}

async function closeDialog() {
  await page.keyboard.press('Escape')
  await page.waitForFunction(
    () => !document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal-container'),
  )
}

const modes = [
  // 200 % browser zoom of 1366 × 768: half the CSS pixels, twice the device pixels.
  { name: 'zoom-200', viewport: { width: 683, height: 384, deviceScaleFactor: 2 }, fontSize: 'normal' },
  // The largest text size (24 px) under 设置 on the same screen.
  { name: 'text-24px', viewport: { width: 1366, height: 768, deviceScaleFactor: 1 }, fontSize: 'largest' },
] as const

describe.each(modes)('inspection screens at $name on 1366 × 768', (mode) => {
  beforeAll(async () => {
    await page.setViewport(mode.viewport)
    await page.evaluate((size) => localStorage.setItem('access-audit-font-size', size), mode.fontSize)
    // The text size is read when the app starts.
    await page.reload({ waitUntil: 'networkidle0' })
  })
  afterAll(async () => {
    await page.evaluate(() => localStorage.removeItem('access-audit-font-size'))
    await page.setViewport({ width: 1280, height: 900 })
    await page.reload({ waitUntil: 'networkidle0' })
  })

  it('现场检查 list and 新建检查', async () => {
    await open('/inspections', '.ant-table-row')
    await usable(`${mode.name}-list`)
    await openDialog('.aa-toolbar button.ant-btn-primary', '开始检查')
    await usable(`${mode.name}-new-inspection`, '.ant-modal-wrap')
    await closeDialog()
  })

  it('a draft re-inspection: shared values, 沿用上次, photos tied to checks', async () => {
    await open(`/inspections/${ids.draft}`, `#m-${ids.ramp}-rise`)
    await usable(`${mode.name}-draft`)
    // Backwards through the page, as after typing the last value: nothing focused hides under the sticky bar.
    await page.focus(`#photos-${ids.ramp}`)
    expect(await focusProblems(page, 40, { back: true })).toEqual([])
  })

  it('the pre-submit list, the photo editor and the discard confirmation', async () => {
    await open(`/inspections/${ids.draft}`, `#m-${ids.ramp}-rise`)
    await openDialog('#inspection-submit-bar .ant-btn-primary', '提交检查？')
    await usable(`${mode.name}-presubmit`, '.ant-modal-wrap')
    await closeDialog()
    await openDialog(
      `section[data-element-id="${ids.ramp}"] .aa-photo-actions button`,
      '照片说明和关联的检查项',
    )
    await usable(`${mode.name}-photo-edit`, '.ant-modal-wrap')
    await closeDialog()
    await openDialog('#inspection-submit-bar .ant-btn-dangerous', '放弃此检查草稿？')
    await usable(`${mode.name}-discard`, '.ant-modal-wrap')
    await closeDialog()
  })

  it('a submitted inspection with its findings, and its record', async () => {
    await open(`/inspections/${ids.first}`, '#findings-heading')
    await page.waitForSelector('.aa-panel .ant-table-row')
    await usable(`${mode.name}-submitted`)
    await open(`/inspections/${ids.first}/record`, '.aa-record img.aa-photo-img')
    await usable(`${mode.name}-record`)
  })
})
