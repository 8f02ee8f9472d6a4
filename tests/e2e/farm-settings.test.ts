/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import {
  apiCall,
  expectNoAxeViolations,
  fieldError,
  openAppSession,
  waitForText,
  type AppSession,
} from './helpers'

/** 设置 → 浏览器集群 by keyboard: add endpoints, a refused address in zh-CN, save, remove. */

let app: AppSession
let cleanup: () => void
beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-farm-')
  cleanup = temp.cleanup
  app = await openAppSession(temp.dir)
})
afterAll(async () => {
  await app?.close()
  cleanup?.()
})

/** Shot for a human reviewer, only when asked for (FARM_SHOTS=/tmp/dir). */
async function shot(name: string): Promise<void> {
  const dir = process.env.FARM_SHOTS
  if (dir) await app.page.screenshot({ path: `${dir}/${name}.png`, fullPage: true })
}

const focusedName = () =>
  app.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null
    return el?.getAttribute('aria-label') ?? label ?? el?.textContent ?? ''
  })

async function tabTo(name: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await app.page.keyboard.press('Tab')
    if ((await focusedName()).includes(name)) return
  }
  throw new Error(`Tab never reached “${name}”`)
}

describe('设置 → 浏览器集群', () => {
  it('lists remote browsers by keyboard, refuses a wrong address in zh-CN, saves and removes them', async () => {
    const { page } = app
    await page.goto(`${app.door.origin}/#/settings`, { waitUntil: 'networkidle0' })
    await waitForText(page, '未填写远程浏览器：网站检测在本机启动浏览器。')
    await expectNoAxeViolations(page, '设置 with an empty farm list')

    await page.focus('#settings-farm')
    await tabTo('添加远程浏览器')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#farm-settings_endpoints_0_url')
    await page.focus('#farm-settings_endpoints_0_url')
    await page.keyboard.type('http://farm1:3000')
    await tabTo('添加远程浏览器')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#farm-settings_endpoints_1_url')
    await page.focus('#farm-settings_endpoints_1_url')
    await page.keyboard.type('ws://127.0.0.1:9222/devtools/browser/abc')
    await page.keyboard.press('Tab')
    expect(await focusedName()).toBe('远程浏览器 2 同时检测的页面数')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('2')
    await tabTo('保存浏览器集群设置')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() =>
      document.body.innerText.includes('远程浏览器地址须以 ws:// 或 wss:// 开头'),
    )
    expect(await fieldError(page, 'farm-settings_endpoints_0_url')).toBe(
      '远程浏览器地址须以 ws:// 或 wss:// 开头（“http://farm1:3000”是 http 地址）',
    )
    await shot('farm-refused')
    await expectNoAxeViolations(page, '设置 with a refused farm address')

    await page.click('#farm-settings_endpoints_0_url', { count: 3 })
    await page.keyboard.type('wss://farm1:3000?token=abc')
    await tabTo('保存浏览器集群设置')
    await page.keyboard.press('Enter')
    await waitForText(page, '已保存浏览器集群设置（2 个远程浏览器）')
    const saved = await apiCall<{ endpoints: unknown[] }>(page, 'audits:farmSettings', {})
    expect(saved.endpoints).toEqual([
      { url: 'wss://farm1:3000?token=abc', concurrency: 4 },
      { url: 'ws://127.0.0.1:9222/devtools/browser/abc', concurrency: 2 },
    ])
    await shot('farm-saved')
    await expectNoAxeViolations(page, '设置 with two remote browsers')

    await page.focus('#farm-settings_endpoints_0_concurrency')
    await tabTo('删除远程浏览器 1')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => !document.querySelector('#farm-settings_endpoints_1_url'))
    await page.focus('#farm-settings_endpoints_0_url')
    await tabTo('保存浏览器集群设置')
    await page.keyboard.press('Enter')
    await waitForText(page, '已保存浏览器集群设置（1 个远程浏览器）')
    expect((await apiCall<{ endpoints: unknown[] }>(page, 'audits:farmSettings', {})).endpoints).toEqual([
      { url: 'ws://127.0.0.1:9222/devtools/browser/abc', concurrency: 2 },
    ])
  })
})
