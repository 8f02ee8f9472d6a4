/// <reference lib="dom" />
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchTestBrowser } from '../support/chromium'
import { makeTempDir } from '../support/temp-dir'
import { startWebDoor, type RunningWebDoor } from '../support/web-door'
import { expectNoAxeViolations, fieldError, typeInto, waitForText } from './helpers'

let browser: Browser
let page: Page
let door: RunningWebDoor
let cleanup: () => void

beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-')
  cleanup = temp.cleanup
  door = await startWebDoor(temp.dir)
  browser = await launchTestBrowser()
  page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 900 })
  // Without motion, axe sees finished dialogs rather than half-faded ones (the app honours this setting).
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }])
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  cleanup?.()
})

const screens = [
  { path: '/inspections', heading: '现场检查' },
  { path: '/web-audits', heading: '网站检测' },
  { path: '/rectification', heading: '整改跟踪' },
  { path: '/reports', heading: '统计报表' },
  { path: '/places', heading: '场所' },
  { path: '/units', heading: '责任单位' },
  { path: '/settings', heading: '设置' },
]

describe('browser door, end to end', () => {
  it('opens with the printed token, drops it from the address bar and shows the seeded units', async () => {
    await page.goto(door.url, { waitUntil: 'networkidle0' })
    expect(page.url()).not.toContain('token=')
    await page.goto(`${door.origin}/#/units`, { waitUntil: 'networkidle0' })
    await waitForText(page, '乌达区住房和城乡建设局')
  })

  it('refuses the API without the token (a page opened without it explains what to do)', async () => {
    const other = await browser.createBrowserContext()
    const tab = await other.newPage()
    await tab.goto(door.origin, { waitUntil: 'networkidle0' })
    expect(await tab.$eval('[role="alert"]', (el) => el.textContent)).toContain('缺少访问令牌')
    const status = await tab.evaluate(
      async () => (await fetch('/api/units:list', { method: 'POST', body: '{}' })).status,
    )
    expect(status).toBe(401)
    await other.close()
  })

  for (const screen of screens) {
    it(`${screen.heading}: has its heading, a current nav link and zero axe violations`, async () => {
      await page.goto(`${door.origin}/#${screen.path}`, { waitUntil: 'networkidle0' })
      await page.waitForFunction((h) => document.querySelector('h1')?.textContent === h, {}, screen.heading)
      const current = await page.$eval('nav a[aria-current="page"]', (a) => a.textContent)
      expect(current).toBe(screen.heading)
      await expectNoAxeViolations(page, screen.heading)
    })
  }

  it('creates a unit: invalid phone is refused with the zh-CN message, nothing saved; then saved', async () => {
    await page.goto(`${door.origin}/#/units`, { waitUntil: 'networkidle0' })
    await page.click('button.ant-btn-primary')
    await page.waitForSelector('#unit_name')
    await expectNoAxeViolations(page, '新建责任单位 dialog')
    await typeInto(page, 'unit_name', '测试社区居委会')
    await typeInto(page, 'unit_phone', '12ab')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector('.ant-form-item-explain-error'))
    expect(await fieldError(page, 'unit_phone')).toContain('联系电话：格式不正确')
    await expectNoAxeViolations(page, '新建责任单位 dialog with an error')
    const saved = await page.evaluate(async () => {
      const token = sessionStorage.getItem('access-audit-token')
      const res = await fetch('/api/units:list', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({ search: '测试社区' }),
      })
      return ((await res.json()) as { data: unknown[] }).data.length
    })
    expect(saved).toBe(0)

    await typeInto(page, 'unit_phone', '0473-3012345')
    await typeInto(page, 'unit_contactPerson', '李华')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => !document.querySelector('#unit_name'))
    await waitForText(page, '测试社区居委会')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="announcer"]')?.textContent?.includes('已保存'),
    )
  })

  it('creates a place for that unit, and finds both again after a reload', async () => {
    await page.goto(`${door.origin}/#/places`, { waitUntil: 'networkidle0' })
    await page.click('button.ant-btn-primary')
    await page.waitForSelector('#place_name')
    await typeInto(page, 'place_name', '')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector('.ant-form-item-explain-error'))
    expect(await fieldError(page, 'place_name')).toBe('场所名称：请填写场所名称')

    await typeInto(page, 'place_name', '新华街政务服务大厅')
    await typeInto(page, 'place_address', '乌达区新华街 8 号')
    // Choose the responsible unit by keyboard: type to filter, Enter to pick.
    await page.click('#place_unitId')
    await page.type('#place_unitId', '测试社区')
    await page.waitForFunction(() =>
      document.querySelector('.ant-select-item-option-active')?.textContent?.includes('测试社区居委会'),
    )
    await page.keyboard.press('Enter')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await page.waitForFunction(() => !document.querySelector('#place_name'))
    await waitForText(page, '新华街政务服务大厅')

    await page.reload({ waitUntil: 'networkidle0' })
    await waitForText(page, '新华街政务服务大厅')
    const row = await page.$$eval('tbody tr', (rows) =>
      rows.map((r) => r.textContent ?? '').find((t) => t.includes('新华街政务服务大厅')),
    )
    expect(row).toContain('测试社区居委会')
    expect(row).toContain('政务服务大厅')

    await page.type('#places-search', '新华街')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 1)

    await page.goto(`${door.origin}/#/units`, { waitUntil: 'networkidle0' })
    await page.reload({ waitUntil: 'networkidle0' })
    await waitForText(page, '测试社区居委会')
    await expectNoAxeViolations(page, '责任单位 after saving')
  })

  it('works by keyboard: the skip link comes first and every focused control shows a visible ring', async () => {
    // A fresh load (the first page of a session leaves focus at the top of the document).
    await page.goto('about:blank')
    await page.goto(door.url, { waitUntil: 'networkidle0' })
    await page.waitForSelector('h1')
    await page.keyboard.press('Tab')
    const first = await page.evaluate(() => document.activeElement?.textContent)
    expect(first).toBe('跳到主要内容')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    const unringed: string[] = []
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab')
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return null
        const style = getComputedStyle(el)
        const ringed = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
        return { ringed, name: `${el.tagName}#${el.id}.${el.className}` }
      })
      if (focus && !focus.ringed) unringed.push(focus.name)
    }
    expect(unringed).toEqual([])
  })
})
