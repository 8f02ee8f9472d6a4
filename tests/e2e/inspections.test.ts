/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { Browser, ElementHandle, HTTPRequest, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchTestBrowser } from '../support/chromium'
import { makeTempDir } from '../support/temp-dir'
import { startWebDoor, type RunningWebDoor } from '../support/web-door'
import { getCatalog } from '../../shared/catalog/index'
import { apiCall, expectNoAxeViolations, typeDate, waitForText } from './helpers'

/** New inspections record the catalog version they were judged with (the current one). */
const catalogVersion = getCatalog()!.version

let browser: Browser
let page: Page
let door: RunningWebDoor
let cleanup: () => void
let photoPath: string
let notPhotoPath: string
let dataDir: string
const place = '新华街政务服务大厅'
let inspectionId = 0
const ids = { north: 0, south: 0, toilet: 0, parking: 0 }

beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-inspections-')
  cleanup = temp.cleanup
  photoPath = path.join(temp.dir, '北门坡道.jpg')
  notPhotoPath = path.join(temp.dir, '说明.jpg')
  fs.writeFileSync(notPhotoPath, '这不是照片')
  dataDir = path.join(temp.dir, 'data')
  await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .jpeg()
    .toFile(photoPath)
  door = await startWebDoor(dataDir)
  browser = await launchTestBrowser()
  page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 900 })
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }])
  await page.goto(door.url, { waitUntil: 'networkidle0' })
  const units = await apiCall<Array<{ id: number; name: string }>>(page, 'units:list', {})
  await apiCall(page, 'places:create', {
    name: place,
    type: 'government-service-hall',
    address: '乌达区新华街 8 号',
    unitId: units[0]!.id,
  })
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  cleanup?.()
})

async function startInspection(inspectors: string): Promise<number> {
  await page.goto(`${door.origin}/#/inspections`, { waitUntil: 'networkidle0' })
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === '现场检查')
  await page.click('.aa-toolbar button.ant-btn-primary')
  await page.waitForSelector('#inspection_placeId')
  await chooseOption(page, 'inspection_placeId', '新华街')
  await page.type('#inspection_inspectors', inspectors)
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => /#\/inspections\/\d+$/.test(location.hash))
  await page.waitForFunction((p) => document.querySelector('h1')?.textContent?.includes(p), {}, place)
  return Number(/(\d+)$/.exec(await page.evaluate(() => location.hash))![1])
}

describe('site inspection, end to end', () => {
  it('lists inspections and starts a new one from the dialog (date defaults to today)', async () => {
    await page.goto(`${door.origin}/#/inspections`, { waitUntil: 'networkidle0' })
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '现场检查')
    await expectNoAxeViolations(page, '现场检查 list')
    await page.click('.aa-toolbar button.ant-btn-primary')
    await page.waitForSelector('#inspection_inspectedOn')
    const [today, tomorrow] = await page.evaluate(() =>
      [0, 1].map((offset) => {
        const d = new Date()
        d.setDate(d.getDate() + offset)
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
      }),
    )
    expect(await page.$eval('#inspection_inspectedOn', (el) => (el as HTMLInputElement).value)).toBe(today)
    expect(await page.$eval('#inspection_inspectedOn', (el) => el.getAttribute('max'))).toBe(today)
    expect(await page.$eval('#inspection_inspectedOn_extra', (el) => el.textContent)).toBe(
      `不能晚于今天（${today}）`,
    )
    await expectNoAxeViolations(page, '新建检查 dialog')

    // A date after today is refused by the server on the date field: the focus goes there, the typed date stays,
    // and no inspection is created.
    await chooseOption(page, 'inspection_placeId', '新华街')
    await page.type('#inspection_inspectors', '张伟')
    await page.focus('#inspection_inspectedOn')
    await typeDate(page, tomorrow!)
    await page.keyboard.press('Enter')
    const refusal = `检查日期：不能晚于今天（${today}）`
    await page.waitForFunction(
      (m) => document.querySelector('#inspection_inspectedOn_help')?.textContent?.includes(m),
      {},
      refusal,
    )
    expect(await page.$eval('#inspection_inspectedOn', (el) => el.getAttribute('aria-invalid'))).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inspection_inspectedOn')
    expect(await page.$eval('#inspection_inspectedOn', (el) => (el as HTMLInputElement).value)).toBe(tomorrow)
    expect(await apiCall(page, 'inspections:list', {})).toEqual([])
    await expectNoAxeViolations(page, '新建检查 dialog with a refused date')
    if (process.env.INSPECTIONS_SHOTS) {
      await page.screenshot({ path: `${process.env.INSPECTIONS_SHOTS}/new-inspection-future-date.png` })
    }
    await page.keyboard.press('Escape')
    inspectionId = await startInspection('张伟、李娜')
    const facts = await page.$eval('.aa-facts', (el) => el.textContent ?? '')
    expect(facts).toContain('张伟、李娜')
    expect(facts).toContain(`版本 ${catalogVersion}`)
    expect(facts).toContain('填写中')
  })

  it('adds elements by keyboard and shows verdicts and clauses as values are typed', async () => {
    ids.north = await addElement(page, '轮椅坡道', '北门坡道')
    // The first field of the new element has the focus: typing starts at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(sharedId(ids.north, 'rise'))
    ids.south = await addElement(page, '轮椅坡道', '南门坡道')
    ids.toilet = await addElement(page, '无障碍厕所', '一层无障碍厕所')
    ids.parking = await addElement(page, '无障碍机动车停车位', '地面停车场')

    // Enter moves to the next field: rise → run → gradient.
    await typeValue(page, sharedId(ids.north, 'rise'), '300')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(sharedId(ids.north, 'run'))
    await page.keyboard.press('Enter')
    await page.keyboard.type('1:12')
    await waitForVerdict(page, ids.north, 'ramp.slope', '合格')
    expect(await fieldsetText(page, ids.north, 'ramp.slope')).toContain('GB 55019-2021 第2.3.1条')

    await typeValue(page, sharedId(ids.south, 'rise'), '300')
    await typeValue(page, sharedId(ids.south, 'gradient'), '1:8')
    await waitForVerdict(page, ids.south, 'ramp.slope', '不合格')
    const south = await fieldsetText(page, ids.south, 'ramp.slope')
    expect(south).toContain('超过 1:12 的最大允许坡度')
    expect(south).toContain('第2.3.1条')

    await typeValue(page, inputId(ids.toilet, 'toilet-room.turning-space', 'turningDiameter'), '1500')
    await waitForVerdict(page, ids.toilet, 'toilet-room.turning-space', '合格')
    // Yes/no by keyboard: Enter reaches the radio group (on 未填), arrows choose 是.
    // 800 mm fails whatever the other answer is (fail first); 1500 mm waits for it
    await typeValue(page, inputId(ids.parking, 'parking.aisle', 'aisleWidth'), '800')
    await waitForVerdict(page, ids.parking, 'parking.aisle', '不合格')
    await typeValue(page, inputId(ids.parking, 'parking.aisle', 'aisleWidth'), '1500')
    await waitForVerdict(page, ids.parking, 'parking.aisle', '未填写')
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await waitForVerdict(page, ids.parking, 'parking.aisle', '合格')
    expect(await fieldsetText(page, ids.parking, 'parking.aisle')).toContain('轮椅通道净宽')
    await waitForSaved(page)
    await expectNoAxeViolations(page, 'inspection detail')
  })

  it('shows an out-of-range value on the field with the range, and does not save it', async () => {
    const id = inputId(ids.south, 'ramp.clear-width', 'width')
    await typeValue(page, id, '1000')
    await waitForVerdict(page, ids.south, 'ramp.clear-width', '不合格')
    await waitForSaved(page)
    // One input event (as a paste would be): typed digit by digit, 500 and 5000 are valid on the way and a slow
    // machine could autosave them between keystrokes.
    await page.click(`#${id}`, { count: 3 })
    await page.keyboard.sendCharacter('50000')
    await page.waitForFunction(
      (i) => document.getElementById(i)?.getAttribute('aria-invalid') === 'true',
      {},
      id,
    )
    const described = await page.$eval(`#${id}`, (el) => el.getAttribute('aria-describedby') ?? '')
    const message = await page.$eval(`#${described.split(' ').pop()}`, (el) => el.textContent ?? '')
    expect(message).toContain('通行净宽 须在 300–10000 mm 之间')
    await expectNoAxeViolations(page, 'inspection detail with an input error')
    await waitForSaved(page)
    const saved = await apiCall<{
      elements: Array<{ id: number; checks: Record<string, { inputs: unknown }> }>
    }>(page, 'inspections:get', { id: inspectionId })
    const width = saved.elements.find((e) => e.id === ids.south)!.checks['ramp.clear-width']!.inputs
    expect(width).toEqual({ width: { value: 1000, unit: 'mm' } })
    await typeValue(page, id, '1000')
    await page.waitForFunction((i) => !document.getElementById(i)?.hasAttribute('aria-invalid'), {}, id)
    await waitForSaved(page)
  })

  it('attaches photos through the file input: a refused file shows the zh-CN reason, the other is added', async () => {
    const input = (await page.$(`#photos-${ids.north}`)) as ElementHandle<HTMLInputElement>
    await input.uploadFile(notPhotoPath, photoPath)
    await page.waitForSelector(`section[data-element-id="${ids.north}"] img.aa-photo-img`)
    const alt = await page.$eval(`section[data-element-id="${ids.north}"] img.aa-photo-img`, (img) =>
      img.getAttribute('alt'),
    )
    expect(alt).toContain('北门坡道')
    expect(alt).toContain('北门坡道.jpg')
    await page.waitForFunction(
      (id) =>
        document
          .querySelector(`section[data-element-id="${id}"] .aa-photos [role="alert"]`)
          ?.textContent?.includes('不是图片文件'),
      {},
      ids.north,
    )
    expect(await page.$$(`section[data-element-id="${ids.north}"] .aa-photo-list li`)).toHaveLength(1)
    await expectNoAxeViolations(page, 'inspection detail with a photo and a refused file')
  })

  it('keeps every value over a reload, including an edit the server never got (autosave + local copy)', async () => {
    // The local service stops answering saves: the edit fails to save, as it would in a crash.
    const refuseSaves = (request: HTTPRequest) =>
      request.url().endsWith('/api/inspections:saveCheck') ? void request.abort() : void request.continue()
    await page.setRequestInterception(true)
    page.on('request', refuseSaves)
    await typeValue(page, inputId(ids.toilet, 'toilet-room.door-width', 'width'), '900')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="save-status"]')?.textContent?.startsWith('保存失败'),
    )
    page.off('request', refuseSaves)
    await page.setRequestInterception(false)
    // After a reload the local copy brings the edit back, says so, and saves it.
    await page.reload({ waitUntil: 'networkidle0' })
    await page.waitForSelector(`#${sharedId(ids.north, 'gradient')}`)
    const value = (id: string) => page.$eval(`#${id}`, (el) => (el as HTMLInputElement).value)
    expect(await value(sharedId(ids.north, 'gradient'))).toBe('1:12')
    expect(await value(sharedId(ids.north, 'rise'))).toBe('300')
    expect(await value(sharedId(ids.south, 'gradient'))).toBe('1:8')
    expect(await value(inputId(ids.toilet, 'toilet-room.door-width', 'width'))).toBe('900')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="announcer"]')?.textContent?.includes('已恢复'),
    )
    await waitForSaved(page)
    expect(await verdictOf(page, ids.south, 'ramp.slope')).toContain('不合格')
  })

  it('submits with a confirm naming the findings; then read-only with the findings listed', async () => {
    // The page counts blanks apart from what an expert must judge.
    const counts = await page.$eval('.aa-verdict-counts', (el) => el.textContent ?? '')
    expect(counts).toMatch(/^共 \d+ 项检查：不合格 [1-9]\d* 项，待复核 \d+ 项，未填写 [1-9]\d* 项$/)
    await page.click('.aa-submit-bar button.ant-btn-primary')
    await page.waitForSelector('.ant-modal-container')
    const body = await page.$eval('.ant-modal-container', (el) => el.textContent ?? '')
    expect(body).toMatch(/将生成 \d+ 条问题/)
    expect(body).toMatch(/未填写的检查项（\d+ 项）/)
    await page.click('.aa-presubmit .ant-checkbox-wrapper')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await waitForText(page, '问题清单')
    await waitForText(page, '南门坡道：轮椅坡道纵向坡度')
    expect(await page.$(`#${sharedId(ids.north, 'gradient')}`)).toBeNull()
    const facts = await page.$eval('.aa-facts', (el) => el.textContent ?? '')
    expect(facts).toContain('已提交')
    await expectNoAxeViolations(page, 'submitted inspection')
  })

  it('prints a record with every element, values with units, verdicts and clause numbers', async () => {
    await page.goto(`${door.origin}/#/inspections/${inspectionId}/record`, { waitUntil: 'networkidle0' })
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('检查记录表'))
    await waitForText(page, '一层无障碍厕所')
    const text = await page.$eval('main', (el) => el.textContent ?? '')
    expect(text).toContain('坡度读数：1:8')
    expect(text).toContain('高差：300 mm')
    expect(text).toContain('GB 55019-2021 第2.3.1条')
    expect(text).toContain(`版本 ${catalogVersion}`)
    await page.waitForSelector('.aa-record img.aa-photo-img')
    expect(await page.$$eval('button', (b) => b.map((x) => x.textContent))).toContain('打印')
    await expectNoAxeViolations(page, 'inspection record')
  })

  it('re-inspects the place: previous values beside each check, the fixed ramp marked 已整改', async () => {
    await page.goto(`${door.origin}/#/inspections`, { waitUntil: 'networkidle0' })
    await page.click('.aa-toolbar button.ant-btn-primary')
    await chooseOption(page, 'inspection_placeId', '新华街')
    await waitForText(page, '本次将作为复查')
    await page.type('#inspection_inspectors', '王芳')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => /#\/inspections\/\d+$/.test(location.hash))
    await waitForText(page, '复查对比')
    const south = await elementId(page, '南门坡道')
    const before = await fieldsetText(page, south, 'ramp.slope')
    expect(before).toContain('坡度读数：1:8')
    await typeValue(page, sharedId(south, 'rise'), '300')
    await typeValue(page, sharedId(south, 'gradient'), '1:12')
    await waitForVerdict(page, south, 'ramp.slope', '合格')
    expect(await fieldsetText(page, south, 'ramp.slope')).toContain('已整改')
    const fixed = await page.$eval('[data-status="fixed"] .aa-count', (el) => Number(el.textContent))
    expect(fixed).toBeGreaterThanOrEqual(1)
    await waitForSaved(page)
    await expectNoAxeViolations(page, 're-inspection')
  })

  it('stops autosave on a conflict from another window and keeps the unsaved value over 重新载入', async () => {
    const id = Number(/(\d+)$/.exec(await page.evaluate(() => location.hash))![1])
    const current = await apiCall<{ version: number; inspectedOn: string }>(page, 'inspections:get', { id })
    await apiCall(page, 'inspections:update', {
      id,
      baseVersion: current.version,
      inspectedOn: current.inspectedOn,
      inspectors: '王芳、另一窗口',
    })
    const north = await elementId(page, '北门坡道')
    await typeValue(page, inputId(north, 'ramp.clear-width', 'width'), '1300')
    await waitForText(page, '此检查已在其他窗口中被修改')
    await expectNoAxeViolations(page, 'conflict alert')
    const reload = await page.$$('.ant-alert button')
    await reload[0]!.click()
    await page.waitForFunction(() => !document.body.innerText.includes('此检查已在其他窗口中被修改'))
    expect(
      await page.$eval(
        `#${inputId(north, 'ramp.clear-width', 'width')}`,
        (el) => (el as HTMLInputElement).value,
      ),
    ).toBe('1300')
    await waitForSaved(page)
    const saved = await apiCall<{
      inspectors: string
      elements: Array<{ id: number; checks: Record<string, unknown> }>
    }>(page, 'inspections:get', { id })
    expect(saved.inspectors).toBe('王芳、另一窗口')
    expect(saved.elements.find((e) => e.id === north)!.checks['ramp.clear-width']).toBeTruthy()
  })

  it('shows 照片缺失 for a photo whose file has gone from the data folder', async () => {
    fs.rmSync(path.join(dataDir, 'photos'), { recursive: true, force: true })
    await page.goto(`${door.origin}/#/inspections/${inspectionId}/record`, { waitUntil: 'networkidle0' })
    await waitForText(page, '照片缺失')
    await expectNoAxeViolations(page, 'record with a missing photo')
  })

  it('corrects a submitted inspection as a new revision (更正), carrying its values', async () => {
    await page.goto(`${door.origin}/#/inspections/${inspectionId}`, { waitUntil: 'networkidle0' })
    await waitForText(page, '更正（新修订）')
    const buttons = await page.$$('.aa-submit-bar button')
    await buttons[0]!.click()
    await page.waitForSelector('.ant-modal-container')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await page.waitForFunction((old) => !location.hash.endsWith(`/${old}`), {}, inspectionId)
    await waitForText(page, `这是对检查 #${inspectionId} 的更正修订版`)
    const south = await elementId(page, '南门坡道')
    expect(await page.$eval(`#${sharedId(south, 'gradient')}`, (el) => (el as HTMLInputElement).value)).toBe(
      '1:8',
    )
    expect(await page.$eval('.aa-facts', (el) => el.textContent ?? '')).toContain('填写中')
  })
})

// ── steps a user takes, by keyboard where a user would ──

/** Picks an option of an antd Select by keyboard: focus, type to filter, Enter. */
async function chooseOption(page: Page, selectId: string, text: string): Promise<void> {
  await page.click(`#${selectId}`)
  await page.type(`#${selectId}`, text)
  await page.waitForFunction(
    (t) => document.querySelector('.ant-select-item-option-active')?.textContent?.includes(t),
    {},
    text,
  )
  await page.keyboard.press('Enter')
}

/** The id of the element section whose heading starts with the label. */
async function elementId(page: Page, label: string): Promise<number> {
  await page.waitForFunction(
    (l) =>
      Array.from(document.querySelectorAll('section[data-element-id] h2')).some((h) =>
        h.textContent?.startsWith(l),
      ),
    {},
    label,
  )
  return page.evaluate((l) => {
    const section = Array.from(document.querySelectorAll<HTMLElement>('section[data-element-id]')).find((s) =>
      s.querySelector('h2')?.textContent?.startsWith(l),
    )
    return Number(section?.dataset.elementId)
  }, label)
}

/** Adds an element by keyboard: category select, label, Enter. */
async function addElement(page: Page, category: string, label: string): Promise<number> {
  await chooseOption(page, 'add-element-category', category)
  await page.click('#add-element-label')
  await page.type('#add-element-label', label)
  await page.keyboard.press('Enter')
  return elementId(page, label)
}

/** A facility's shared value (measure once) as the page builds its id: m-<element>-<input>. */
function sharedId(element: number, input: string): string {
  return `m-${element}-${input}`
}

/** Input id as the page builds it: c-<element>-<check with dots as dashes>-<input>. */
function inputId(element: number, checkId: string, input: string): string {
  return `c-${element}-${checkId.replace(/\./g, '-')}-${input}`
}

async function typeValue(page: Page, id: string, text: string): Promise<void> {
  await page.click(`#${id}`, { count: 3 })
  await page.keyboard.press('Backspace')
  await page.type(`#${id}`, text)
}

async function verdictOf(page: Page, element: number, checkId: string): Promise<string> {
  return page.$eval(`#c-${element}-${checkId.replace(/\./g, '-')}-verdict`, (el) => el.textContent ?? '')
}

/** Waits for the live verdict: its word (合格, 不合格 …) is checked against the data-verdict it stands for. */
async function waitForVerdict(page: Page, element: number, checkId: string, verdict: string) {
  const ids: Record<string, string> = {
    合格: 'pass',
    不合格: 'fail',
    待复核: 'needs-review',
    未填写: 'not-entered',
    不适用: 'not-applicable',
  }
  await page.waitForFunction(
    (id, v, code) => {
      const el = document.getElementById(id)
      return el?.dataset.verdict === code && el.textContent?.endsWith(` ${v}`)
    },
    {},
    `c-${element}-${checkId.replace(/\./g, '-')}-verdict`,
    verdict,
    ids[verdict] ?? verdict,
  )
}

async function fieldsetText(page: Page, element: number, checkId: string): Promise<string> {
  return page.$eval(`#c-${element}-${checkId.replace(/\./g, '-')}`, (el) => el.textContent ?? '')
}

async function waitForSaved(page: Page): Promise<void> {
  // The debounce first shows 有未保存的修改, then 保存中…, then 已保存.
  await new Promise((r) => setTimeout(r, 600))
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.textContent === '已保存',
  )
}
