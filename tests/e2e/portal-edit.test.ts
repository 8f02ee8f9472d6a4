/// <reference lib="dom" />
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Portal } from '../../shared/domain/portals'
import { makeTempDir } from '../support/temp-dir'
import {
  apiCall as callApi,
  expectNoAxeViolations,
  openAppSession,
  type AppSession,
  waitForText,
} from './helpers'
import { announced, heading } from './rectification/page-helpers'

let session: AppSession
let page: Page
let cleanup: () => void
let portalId = 0

// A portal registered with two typos: a wrong character in its name and the wrong responsible unit.
const typoName = '乌达区人民政俯网'
const fixedName = '乌达区人民政府网'
const wrongUnit = '乌达区交通局'
const rightUnit = '乌达区政务服务局'

/** Screenshots for a human reviewer, only when asked for (PORTAL_EDIT_SHOTS=/tmp/dir). */
async function shot(name: string): Promise<void> {
  const dir = process.env.PORTAL_EDIT_SHOTS
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` })
}

beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-portal-edit-')
  cleanup = temp.cleanup
  session = await openAppSession(temp.dir)
  page = session.page
  const units = await apiCall<Array<{ id: number; name: string }>>('units:list', {})
  const unit = units.find((u) => u.name === wrongUnit)!
  const portal = await apiCall<Portal>('portals:create', {
    name: typoName,
    startUrl: 'https://www.wuda.example.gov.cn/',
    unitId: unit.id,
  })
  portalId = portal.id
})

afterAll(async () => {
  await session?.close()
  cleanup?.()
})

describe('editing and archiving a portal, end to end', () => {
  it('fixes the name and the unit by keyboard alone; the page, the list and the stored portal show them', async () => {
    await openPortalFromList(typoName)
    await tabTo('编辑')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#portal_name')
    await waitForFocus('#portal_name')
    expect(await inputValue('#portal_name')).toBe(typoName)
    await expectNoAxeViolations(page, '修改网站 dialog')
    await shot('edit-dialog')

    await replaceFocusedText(fixedName)
    await page.keyboard.press('Tab') // 起始网址
    await page.keyboard.press('Tab') // 责任单位
    await waitForFocus('#portal_unitId')
    await page.keyboard.type('政务服务局')
    await page.waitForFunction(
      (t) => document.querySelector('.ant-select-item-option-active')?.textContent === t,
      {},
      rightUnit,
    )
    await page.keyboard.press('Enter')
    await tabTo('保存')
    await page.keyboard.press('Enter')

    await announced(page, `已保存网站：${fixedName}`)
    await heading(page, fixedName)
    expect(await metaValue('责任单位')).toBe(rightUnit)
    await expectFocusOn('编辑')

    const stored = await apiCall<Portal>('portals:get', { id: portalId })
    expect(stored).toMatchObject({
      name: fixedName,
      unitName: rightUnit,
      startUrl: 'https://www.wuda.example.gov.cn/',
    })

    await followLink('返回网站列表')
    await heading(page, '网站检测')
    const row = await portalRow(fixedName)
    expect(row).toContain(rightUnit)
    expect(row).not.toContain(wrongUnit)
    expect(await listText()).not.toContain(typoName)
  })

  it('on a CONFLICT names what changed, keeps the typed name, and a second save keeps the user’s values', async () => {
    await openPortalFromList(fixedName)
    await tabTo('编辑')
    await page.keyboard.press('Enter')
    await waitForFocus('#portal_name')
    await replaceFocusedText('乌达区人民政府门户网站')

    // Another window raises the page limit while this dialog is open.
    const current = await apiCall<Portal>('portals:get', { id: portalId })
    await apiCall('portals:update', { ...current, maxPages: 80 })

    await page.keyboard.press('Enter')
    await waitForText(page, '此网站在您编辑期间已被他人修改')
    const alert = await page.$eval('.ant-modal [role="alert"]', (el) => (el as HTMLElement).innerText)
    expect(alert).toContain('检测范围改为最多 80 页、链接深度 3')
    expect(alert).toContain('您填写的内容仍保留在下方')
    expect(await inputValue('#portal_name')).toBe('乌达区人民政府门户网站')
    expect(await inputValue('#portal_maxPages')).toBe('50')
    expect((await apiCall<Portal>('portals:get', { id: portalId })).name).toBe(fixedName)
    await expectNoAxeViolations(page, '修改网站 dialog with the CONFLICT message')
    await shot('edit-conflict')

    // Saving again is the user's informed choice: their values, over the other window's.
    await waitForFocus('#portal_name')
    await page.keyboard.press('Enter')
    await announced(page, '已保存网站：乌达区人民政府门户网站')
    await heading(page, '乌达区人民政府门户网站')
    await expectFocusOn('编辑')
    expect(await apiCall<Portal>('portals:get', { id: portalId })).toMatchObject({
      name: '乌达区人民政府门户网站',
      maxPages: 50,
      version: current.version + 2,
    })
  })

  it('after a CONFLICT, 取消 drops the typed input and the page shows the stored portal', async () => {
    await tabTo('编辑')
    await page.keyboard.press('Enter')
    await waitForFocus('#portal_name')
    await replaceFocusedText('不会保存的名称')
    const current = await apiCall<Portal>('portals:get', { id: portalId })
    await apiCall('portals:update', { ...current, name: fixedName })
    await page.keyboard.press('Enter')
    await waitForText(page, `网站名称改为“${fixedName}”`)
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !document.querySelector('#portal_name'))
    await heading(page, fixedName)
    await expectFocusOn('编辑')
    expect((await apiCall<Portal>('portals:get', { id: portalId })).name).toBe(fixedName)
  })

  it('archives after a keyboard confirmation; the list hides it until 显示已归档; then restores it', async () => {
    await tabTo('归档')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.ant-modal')
    await expectFocusOn('归档', '.ant-modal-footer')
    expect(await page.$eval('.ant-modal', (el) => (el as HTMLElement).innerText)).toContain(
      `确定归档“${fixedName}”吗？`,
    )
    await expectNoAxeViolations(page, '归档网站 confirmation')
    await shot('archive-confirm')

    // Escape leaves it as it was, with the focus back on the button.
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !document.querySelector('.ant-modal'))
    await expectFocusOn('归档')
    expect((await apiCall<Portal>('portals:get', { id: portalId })).archived).toBe(false)

    await page.keyboard.press('Enter')
    await expectFocusOn('归档', '.ant-modal-footer')
    await page.keyboard.press('Enter')
    await announced(page, `已归档网站：${fixedName}`)
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="portal-state"]')?.textContent?.includes('已归档'),
    )
    await expectFocusOn('恢复')
    expect((await apiCall<Portal>('portals:get', { id: portalId })).archived).toBe(true)
    await expectNoAxeViolations(page, '网站详情, archived')
    await shot('archived-page')

    await followLink('返回网站列表')
    await heading(page, '网站检测')
    await waitForText(page, '没有在用的网站：1 个已归档的网站未列出，勾选“显示已归档”可以看到。')
    expect(await listText()).not.toContain(fixedName)
    await checkByKeyboard('显示已归档')
    const row = await portalRow(fixedName)
    expect(row).toContain('已归档')
    // Shown for reference only: an archived portal cannot be chosen for a batch.
    expect(
      await page.evaluate(
        (name) =>
          Array.from(document.querySelectorAll('tbody label'))
            .find((l) => l.textContent?.trim() === `选择 ${name}`)
            ?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.disabled,
        fixedName,
      ),
    ).toBe(true)
    await expectNoAxeViolations(page, '网站检测 with archived portals shown')
    await shot('archived-list')

    await followLink(fixedName)
    await heading(page, fixedName)
    await tabTo('恢复')
    await page.keyboard.press('Enter')
    await expectFocusOn('恢复', '.ant-modal-footer')
    await page.keyboard.press('Enter')
    await announced(page, `已恢复网站：${fixedName}`)
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="portal-state"]')?.textContent?.includes('已归档'),
    )
    await expectFocusOn('归档')
    expect((await apiCall<Portal>('portals:get', { id: portalId })).archived).toBe(false)

    await followLink('返回网站列表')
    await heading(page, '网站检测')
    expect(await portalRow(fixedName)).not.toContain('已归档')
  })
})

// ── steps a user takes, by keyboard ──

function apiCall<T>(operation: string, input: unknown): Promise<T> {
  return callApi<T>(page, operation, input)
}

/** The accessible name a user hears for the focused element (its label, or its text). */
function focusedName(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return (el?.getAttribute('aria-label') ?? el?.innerText ?? '').trim()
  })
}

/** Presses Tab until the focus is on the control named `name`, as a keyboard user moves through the page. */
async function tabTo(name: string, limit = 40): Promise<void> {
  for (let presses = 0; (await focusedName()) !== name; presses++) {
    if (presses === limit) throw new Error(`Tab never reached “${name}”`)
    await page.keyboard.press('Tab')
  }
}

async function waitForFocus(selector: string): Promise<void> {
  await page.waitForFunction((s) => document.activeElement?.matches(s), {}, selector)
}

/** The focus is on the button named `name` (inside `within`), and stays there once the page has settled. */
async function expectFocusOn(name: string, within = 'main'): Promise<void> {
  const onIt = (n: string, w: string) => {
    const el = document.activeElement as HTMLElement | null
    return el?.tagName === 'BUTTON' && !!el.closest(w) && el.innerText.trim() === n
  }
  await page.waitForFunction(onIt, {}, name, within)
  await new Promise((resolve) => setTimeout(resolve, 400))
  expect(await page.evaluate(onIt, name, within)).toBe(true)
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

/** Ticks the checkbox whose label reads `label`: focus, Space. */
async function checkByKeyboard(label: string): Promise<void> {
  const box = await page.evaluateHandle(
    (l) =>
      Array.from(document.querySelectorAll('label'))
        .find((el) => el.textContent?.trim() === l)
        ?.querySelector('input[type="checkbox"]'),
    label,
  )
  await box.asElement()!.focus()
  await page.keyboard.press('Space')
}

/** Focuses the link by its text and follows it with Enter. */
async function followLink(text: string): Promise<void> {
  const link = await page.waitForSelector(`a::-p-text(${text})`)
  await link!.focus()
  await page.keyboard.press('Enter')
}

async function openPortalFromList(name: string): Promise<void> {
  await page.goto(`${session.door.origin}/#/web-audits`, { waitUntil: 'networkidle0' })
  await heading(page, '网站检测')
  await followLink(name)
  await heading(page, name)
}

/** The portal page's value for a label of its facts list. */
function metaValue(label: string): Promise<string> {
  return page.$$eval(
    '.aa-wa-meta dt',
    (dts, l) => (dts.find((dt) => dt.textContent === l)?.nextElementSibling?.textContent ?? '').trim(),
    label,
  )
}

/** The text of the portals table (the live region may still be saying a portal's name). */
function listText(): Promise<string> {
  return page.$eval('main table', (el) => (el as HTMLElement).innerText)
}

/** The text of the list row whose name link reads `name`, once it is there. */
async function portalRow(name: string): Promise<string> {
  const link = await page.waitForSelector(`tbody a::-p-text(${name})`)
  return link!.evaluate((a) => (a.closest('tr') as HTMLElement).innerText)
}
