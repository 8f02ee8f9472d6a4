/// <reference lib="dom" />
import type { HTTPRequest, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Inspection } from '../../shared/domain/inspections'
import { makeTempDir } from '../support/temp-dir'
import {
  apiCall as callApi,
  expectNoAxeViolations,
  openAppSession,
  typeDate as typeDateInto,
  waitForText,
  type AppSession,
} from './helpers'
import { announced } from './rectification/page-helpers'

/**
 * 修改基本信息 on the inspection page, by keyboard alone: an inspector who picked the wrong date or forgot a
 * colleague fixes it; a date after today is refused on its field; a change made in another window is never
 * overwritten silently, and what was typed survives it; a save never races a check still being saved.
 */

let session: AppSession
let page: Page
let cleanup: () => void
let draft: Inspection
let submitted: Inspection
const place = '人民路社区服务中心'
const button = '修改基本信息'

/** A local calendar day relative to today, as the date field holds it. */
function isoDay(offsetDays: number): string {
  const d = new Date()
  d.setDate(d.getDate() + offsetDays)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Screenshots for a human reviewer, only when asked for (HEADER_EDIT_SHOTS=/tmp/dir). */
async function shot(name: string): Promise<void> {
  const dir = process.env.HEADER_EDIT_SHOTS
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` })
}

beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-header-edit-')
  cleanup = temp.cleanup
  session = await openAppSession(temp.dir)
  page = session.page
  const units = await apiCall<Array<{ id: number }>>('units:list', {})
  const newPlace = (name: string) =>
    apiCall<{ id: number }>('places:create', { name, type: 'residential-community', unitId: units[0]!.id })
  const withRamp = async (placeId: number, inspectors: string) => {
    const created = await apiCall<Inspection>('inspections:create', {
      placeId,
      inspectedOn: isoDay(-3),
      inspectors,
    })
    return apiCall<Inspection>('inspections:addElement', {
      inspectionId: created.id,
      baseVersion: created.version,
      category: 'ramp',
      label: '北门坡道',
    })
  }
  draft = await withRamp((await newPlace(place)).id, '张伟')
  const done = await withRamp((await newPlace('新华路口')).id, '李娜')
  submitted = await apiCall<Inspection>('inspections:submit', { id: done.id, baseVersion: done.version })
})

afterAll(async () => {
  await session?.close()
  cleanup?.()
})

describe('修改基本信息, end to end', () => {
  it('changes the date and the inspectors by keyboard: the header shows them, the outcome is announced, focus returns', async () => {
    await openInspection(draft.id)
    await tabTo(button)
    await page.keyboard.press('Enter')
    await waitForFocus('#inspectionHeader_inspectedOn')
    expect(await inputValue('#inspectionHeader_inspectedOn')).toBe(isoDay(-3))
    expect(await inputValue('#inspectionHeader_inspectors')).toBe('张伟')
    await expectNoAxeViolations(page, '修改基本信息 dialog')
    await shot('header-edit-dialog')

    await typeDate(isoDay(-1))
    await tabTo('#inspectionHeader_inspectors')
    await replaceFocusedText('张伟、王强')
    await page.keyboard.press('Enter')

    await announced(page, `已保存基本信息：检查日期 ${isoDay(-1)}，检查人员 张伟、王强`)
    await page.waitForFunction(() => !document.querySelector('.ant-modal-container'))
    const facts = await page.$eval('.aa-facts', (el) => (el as HTMLElement).innerText)
    expect(facts).toContain(isoDay(-1))
    expect(facts).toContain('张伟、王强')
    expect(await page.$eval('h1', (el) => el.textContent)).toBe(`现场检查：${place}（${isoDay(-1)}）`)
    await expectFocusOn(button)
    const stored = await apiCall<Inspection>('inspections:get', { id: draft.id })
    expect(stored).toMatchObject({ inspectedOn: isoDay(-1), inspectors: '张伟、王强' })
    expect(stored.version).toBe(draft.version + 1)
  })

  it('refuses a date after today on its field in zh-CN, keeps what was typed, and Escape changes nothing', async () => {
    const before = await apiCall<Inspection>('inspections:get', { id: draft.id })
    await page.keyboard.press('Enter')
    await waitForFocus('#inspectionHeader_inspectedOn')
    await typeDate(isoDay(1))
    await page.keyboard.press('Enter')
    const message = `检查日期：不能晚于今天（${isoDay(0)}）`
    await page.waitForFunction(
      (m) =>
        document
          .querySelector('#inspectionHeader_inspectedOn')
          ?.closest('.ant-form-item')
          ?.querySelector('.ant-form-item-explain')
          ?.textContent?.includes(m),
      {},
      message,
    )
    expect(await page.$eval('#inspectionHeader_inspectedOn', (el) => el.getAttribute('aria-invalid'))).toBe(
      'true',
    )
    await waitForFocus('#inspectionHeader_inspectedOn')
    expect(await inputValue('#inspectionHeader_inspectedOn')).toBe(isoDay(1))
    await expectNoAxeViolations(page, '修改基本信息 dialog with a refused date')
    await shot('header-edit-future-date')

    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !document.querySelector('.ant-modal-container'))
    await expectFocusOn(button)
    expect(await apiCall<Inspection>('inspections:get', { id: draft.id })).toMatchObject({
      inspectedOn: before.inspectedOn,
      version: before.version,
    })
  })

  it('waits for a check still being saved and bases its save on the version that save returned', async () => {
    const widthField = `#c-${draft.elements[0]!.id}-ramp-clear-width-width`
    let held = 0
    // The local service answers check saves slowly: the header is saved while a check save is in flight.
    const slowCheckSaves = (request: HTTPRequest) => {
      if (!request.url().endsWith('/api/inspections:saveCheck')) return void request.continue()
      held++
      setTimeout(() => {
        held--
        void request.continue()
      }, 2500)
    }
    await page.setRequestInterception(true)
    page.on('request', slowCheckSaves)
    try {
      await tabTo(widthField)
      await page.keyboard.type('1300')
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="save-status"]')?.textContent?.startsWith('保存中'),
      )
      await tabTo(button, 80, true)
      await page.keyboard.press('Enter')
      await waitForFocus('#inspectionHeader_inspectedOn')
      await tabTo('#inspectionHeader_notes')
      await page.keyboard.type('下午补查北门')
      expect(held).toBe(1)
      await tabTo('#inspectionHeader_inspectors', 10, true)
      await page.keyboard.press('Enter')
      // The header save waits for the check save: the dialog stays open (saving) until both are through.
      await page.waitForFunction(
        () =>
          !document.querySelector('.ant-modal-container') &&
          (document.querySelector('.aa-facts') as HTMLElement | null)?.innerText.includes('下午补查北门'),
        { timeout: 15_000 },
      )
    } finally {
      page.off('request', slowCheckSaves)
      await page.setRequestInterception(false)
    }
    await page.waitForFunction(
      () => document.querySelector('[data-testid="save-status"]')?.textContent === '已保存',
    )
    expect(await page.$('.ant-alert-error')).toBeNull()
    await expectFocusOn(button)
    const stored = await apiCall<Inspection>('inspections:get', { id: draft.id })
    expect(stored.notes).toBe('下午补查北门')
    expect(stored.elements[0]!.checks['ramp.clear-width']?.inputs).toEqual({
      width: { value: 1300, unit: 'mm' },
    })
  })

  it('on a change from another window says so in the dialog, keeps the typed values, and saves them after 载入最新内容', async () => {
    await tabTo(button, 80, true)
    await page.keyboard.press('Enter')
    await waitForFocus('#inspectionHeader_inspectedOn')
    // Another window saves first.
    const current = await apiCall<Inspection>('inspections:get', { id: draft.id })
    await apiCall('inspections:update', {
      id: draft.id,
      baseVersion: current.version,
      inspectedOn: current.inspectedOn,
      inspectors: '另一窗口的张伟',
      notes: current.notes,
    })
    await typeDate(isoDay(-2))
    await tabTo('#inspectionHeader_inspectors')
    await replaceFocusedText('张伟、李娜')
    await page.keyboard.press('Enter')

    await page.waitForFunction(() =>
      document
        .querySelector('.ant-modal-container [role="alert"]')
        ?.textContent?.includes('此检查已在其他窗口中被修改，本次修改未保存'),
    )
    expect(await inputValue('#inspectionHeader_inspectedOn')).toBe(isoDay(-2))
    expect(await inputValue('#inspectionHeader_inspectors')).toBe('张伟、李娜')
    expect((await apiCall<Inspection>('inspections:get', { id: draft.id })).inspectors).toBe('另一窗口的张伟')
    await expectNoAxeViolations(page, '修改基本信息 dialog after a conflict')
    await shot('header-edit-conflict')

    await tabTo('载入最新内容')
    await page.keyboard.press('Enter')
    await waitForText(page, `目前已保存的是：检查日期 ${current.inspectedOn}，检查人员 另一窗口的张伟`)
    await waitForFocus('#inspectionHeader_inspectedOn')
    expect(await inputValue('#inspectionHeader_inspectedOn')).toBe(isoDay(-2))
    expect(await inputValue('#inspectionHeader_inspectors')).toBe('张伟、李娜')
    await expectNoAxeViolations(page, '修改基本信息 dialog after loading the latest version')
    await shot('header-edit-reloaded')

    await tabTo('#inspectionHeader_inspectors')
    await page.keyboard.press('Enter')
    await announced(page, `已保存基本信息：检查日期 ${isoDay(-2)}，检查人员 张伟、李娜`)
    await expectFocusOn(button)
    expect(await page.$eval('.aa-facts', (el) => (el as HTMLElement).innerText)).toContain('张伟、李娜')
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('此检查已在其他窗口中被修改')
    expect(await apiCall<Inspection>('inspections:get', { id: draft.id })).toMatchObject({
      inspectedOn: isoDay(-2),
      inspectors: '张伟、李娜',
    })
  })

  it('offers no change on a submitted inspection and says why', async () => {
    await openInspection(submitted.id)
    await waitForText(page, '内容只读（包括检查日期、检查人员和备注）')
    expect(await page.$$eval('button', (all) => all.map((b) => b.innerText.trim()))).not.toContain(button)
    await expectNoAxeViolations(page, 'submitted inspection without 修改基本信息')
    await shot('header-edit-submitted')
  })
})

// ── steps a user takes, by keyboard ──

async function openInspection(id: number): Promise<void> {
  await page.goto(`${session.door.origin}/#/inspections/${id}`, { waitUntil: 'networkidle0' })
  await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('现场检查：'))
}

/** The accessible name a user hears for the focused element (its label, or its text). */
function focusedName(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return (el?.getAttribute('aria-label') ?? el?.innerText ?? '').trim()
  })
}

function focusedMatches(selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on the control named `target`, or matching it when it is a
 * selector (`#id`), as a keyboard user moves through the page.
 */
async function tabTo(target: string, limit = 80, backwards = false): Promise<void> {
  const reached = () =>
    target.startsWith('#') ? focusedMatches(target) : focusedName().then((n) => n === target)
  for (let presses = 0; !(await reached()); presses++) {
    if (presses === limit) throw new Error(`Tab never reached “${target}”`)
    if (backwards) await page.keyboard.down('Shift')
    await page.keyboard.press('Tab')
    if (backwards) await page.keyboard.up('Shift')
  }
}

async function waitForFocus(selector: string): Promise<void> {
  await page.waitForFunction((s) => document.activeElement?.matches(s), {}, selector)
}

/** The focus is on the page's button named `name`, and stays there once the page has settled. */
async function expectFocusOn(name: string): Promise<void> {
  const onIt = (n: string) => {
    const el = document.activeElement as HTMLElement | null
    return el?.tagName === 'BUTTON' && !el.closest('.ant-modal-root') && el.innerText.trim() === n
  }
  await page.waitForFunction(onIt, {}, name)
  await new Promise((resolve) => setTimeout(resolve, 400))
  expect(await page.evaluate(onIt, name)).toBe(true)
}

async function replaceFocusedText(text: string): Promise<void> {
  await page.keyboard.down('Control')
  await page.keyboard.press('KeyA')
  await page.keyboard.up('Control')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(text)
}

function inputValue(selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as HTMLInputElement).value)
}

function apiCall<T>(operation: string, input: unknown): Promise<T> {
  return callApi<T>(page, operation, input)
}

function typeDate(day: string): Promise<void> {
  return typeDateInto(page, day)
}
