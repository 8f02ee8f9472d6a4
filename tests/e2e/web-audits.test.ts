/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchTestBrowser } from '../support/chromium'
import { makeTempDir } from '../support/temp-dir'
import { startWebDoor, type RunningWebDoor } from '../support/web-door'
import { expectNoAxeViolations, waitForDownloadIn, waitForText } from './helpers'
import { hostileSnippet, startFixturePortal, type FixturePortal } from './web-audits/fixture-portal'

let browser: Browser
let page: Page
let door: RunningWebDoor
let portal: FixturePortal
let cleanup: () => void
let downloads: string
const dialogs: string[] = []

/** Screenshots for a human reviewer, only when asked for (WEB_AUDITS_SHOTS=/tmp/dir). */
async function shot(name: string, selector?: string): Promise<void> {
  const dir = process.env.WEB_AUDITS_SHOTS
  if (!dir) return
  const target = selector ? await page.$(selector) : null
  if (target) await target.screenshot({ path: `${dir}/${name}.png` })
  // Long screens (the manual checklist) are cut to their first 2000 px.
  else await page.screenshot({ path: `${dir}/${name}.png`, clip: { x: 0, y: 0, width: 1280, height: 2000 } })
}

async function announced(text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="announcer"]')?.textContent?.includes(t),
    { timeout },
    text,
  )
}

beforeAll(async () => {
  portal = await startFixturePortal()
  const temp = makeTempDir('access-audit-e2e-web-')
  cleanup = temp.cleanup
  // The audit browser in the door's process gets the closed-network proxy (loopback still goes direct).
  door = await startWebDoor(temp.dir, { ACCESS_AUDIT_CHROME_ARGS: '--proxy-server=127.0.0.1:9' })
  browser = await launchTestBrowser()
  downloads = path.join(temp.dir, 'downloads')
  fs.mkdirSync(downloads)
  const session = await browser.target().createCDPSession()
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads })
  page = await browser.newPage()
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.setViewport({ width: 1280, height: 900 })
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }])
  await page.goto(door.url, { waitUntil: 'networkidle0' })
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  await portal?.close()
  cleanup?.()
})

describe('website audits, end to end', () => {
  it('lists portals with zero axe violations', async () => {
    await page.goto(`${door.origin}/#/web-audits`, { waitUntil: 'networkidle0' })
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '网站检测')
    await waitForText(page, '还没有登记网站')
    await expectNoAxeViolations(page, '网站检测')
    await page.click('::-p-text(登记网站)')
    await page.waitForSelector('#portal_startUrl')
    await expectNoAxeViolations(page, '登记网站 dialog')
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !document.querySelector('#portal_startUrl'))
  })

  it('imports a pasted list: one created, the malformed line reported by its number', async () => {
    await page.click('::-p-text(导入清单)')
    await page.waitForSelector('#wa-import-text')
    await expectNoAxeViolations(page, '导入清单 dialog')
    await page.type('#wa-import-text', `测试门户,${portal.origin}/,乌达区政务服务局\n这一行没有网址`)
    await page.click('.ant-modal-footer .ant-btn-primary')
    await page.waitForSelector('[data-testid="import-report"]')
    const report = await page.$eval('[data-testid="import-report"]', (el) => (el as HTMLElement).innerText)
    expect(report).toContain('新登记 1 个网站')
    expect(report).toContain('已登记过 0 个网站')
    expect(report).toMatch(/第 2 行：.*不是有效网址/)
    expect(report).not.toContain('第 1 行')
    await announced('导入完成')
    await shot('import-report')
    await expectNoAxeViolations(page, '导入清单 dialog with its report')
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !document.querySelector('#wa-import-text'))
    await waitForText(page, '乌达区政务服务局')
  })

  it('starts a batch for the selected portal and follows its progress to the end', async () => {
    // Select by the checkbox's accessible label, with the keyboard.
    const box = await page.evaluateHandle(() =>
      Array.from(document.querySelectorAll('tbody label'))
        .find((l) => l.textContent?.trim() === '选择 测试门户')
        ?.querySelector('input[type="checkbox"]'),
    )
    await box.asElement()!.focus()
    await page.keyboard.press('Space')
    await waitForText(page, '已选 1 个网站')
    await page.click('::-p-text(开始检测)')
    await page.waitForSelector('[role="progressbar"]')
    await announced('已开始检测批次')
    await expectNoAxeViolations(page, '检测进度 while running')
    // Poll the UI as a user would, until the panel says the batch has finished.
    await page.waitForFunction(
      () => {
        const panel = document.querySelector('[data-testid="batch-progress"]')
        return (
          panel?.querySelector('h2')?.textContent?.includes('已完成') &&
          panel.textContent?.includes('测试门户')
        )
      },
      { timeout: 180_000, polling: 500 },
    )
    const bar = await page.$eval('[role="progressbar"]', (el) => ({
      now: el.getAttribute('aria-valuenow'),
      max: el.getAttribute('aria-valuemax'),
      text: el.getAttribute('aria-valuetext'),
    }))
    expect(bar).toEqual({ now: '3', max: '3', text: '已完成 2 页，失败 1 页，剩余 0 页' })
    await announced('检测完成')
    await shot('progress-done')
    await expectNoAxeViolations(page, '检测进度 finished')
  }, 240_000)

  it('shows the run: failed page with its reason, image-alt drilled down with page strings as text', async () => {
    await page.click('aria/查看 测试门户 的检测结果')
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '检测结果：测试门户')
    const failed = await page.$eval('[data-testid="failed-pages"]', (el) => (el as HTMLElement).innerText)
    expect(failed).toContain(`${portal.origin}/broken.html`)
    expect(failed).toContain('网站返回错误状态')
    expect(failed).toContain('500')

    // Open the rule by keyboard.
    await page.focus('details[data-rule-id="image-alt"] > summary')
    await page.keyboard.press('Enter')
    await page.waitForSelector('details[data-rule-id="image-alt"][open] [data-testid="rule-node"]')
    const rule = await page.$eval('details[data-rule-id="image-alt"]', (el) => ({
      text: (el as HTMLElement).innerText,
      code: Array.from(el.querySelectorAll('pre code')).map((c) => c.textContent ?? ''),
      links: Array.from(el.querySelectorAll('a')).map((a) => ({
        href: a.href,
        rel: a.rel,
        target: a.target,
      })),
    }))
    expect(rule.text).toContain(`${portal.origin}/news.html`)
    expect(rule.text).toContain(hostileSnippet)
    expect(rule.code.some((c) => c.includes('<img'))).toBe(true)
    expect(rule.links.every((l) => l.rel === 'noopener noreferrer' && l.target === '_blank')).toBe(true)
    expect(await page.$$('img[src="x"], img[src="/x.png"], img[onerror]')).toHaveLength(0)
    expect(dialogs).toEqual([])
    // The documents check's section: the fixture portal links no file, and says so.
    const documents = await page.$eval('section[aria-labelledby="wa-documents-heading"]', (el) => ({
      heading: el.querySelector('h2')?.textContent,
      text: (el as HTMLElement).innerText,
    }))
    expect(documents.heading).toBe('链接的文件')
    expect(documents.text).toContain('没有链接本网站的 PDF 或 Office 文件')
    // The toolbar on the home page is listed as information, with the page where it was found.
    const overlays = await page.$eval('section[aria-labelledby="wa-overlays-heading"]', (el) => ({
      heading: el.querySelector('h2')?.textContent,
      text: (el as HTMLElement).innerText,
    }))
    expect(overlays.heading).toBe('检测到的无障碍浏览工具条')
    expect(overlays.text).toContain(
      '检测到无障碍浏览工具条：无障碍工具条（太阳湾 wzatool）。仅作提示，不计入得分',
    )
    expect(overlays.text).toContain(`${portal.origin}/`)
    expect(overlays.text).not.toContain(`${portal.origin}/news.html`)
    await shot('run-detail')
    await shot('run-overlays', 'section[aria-labelledby="wa-overlays-heading"]')
    await shot('run-documents', 'section[aria-labelledby="wa-documents-heading"]')
    await shot('run-rule', 'details[data-rule-id="image-alt"]')
    await expectNoAxeViolations(page, '检测结果 with a rule expanded')
  })

  it('records a manual check as 不通过 and says it became a finding', async () => {
    const item = await page.waitForSelector('.aa-wa-manual')
    const fail = await item!.$('::-p-text(不通过)')
    await fail!.click()
    const note = await item!.$('textarea')
    await note!.type('新闻视频无字幕')
    await (await item!.$('button'))!.click()
    await announced('不通过，已列为问题')
    await page.waitForFunction((el) => el.querySelector('h4')?.textContent?.includes('不通过'), {}, item!)
    await shot('manual-item', '.aa-wa-manual')
    await expectNoAxeViolations(page, '人工检查清单 after an answer')

    // The workbook by clause carries the automatic result and the answer just saved.
    await page.click('::-p-text(导出 Excel（按条款排序，含人工检查）)')
    const file = await waitForDownloadIn(downloads, '.xlsx')
    expect(path.basename(file)).toMatch(/^网站无障碍检测结果_测试门户_\d{4}-\d{2}-\d{2}\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const rows: string[][] = []
    book
      .getWorksheet('按条款')!
      .eachRow((row) => rows.push((row.values as unknown[]).map((v) => String(v ?? ''))))
    expect(rows.some((r) => r.some((c) => c.endsWith('（image-alt）')) && r.includes('自动检测'))).toBe(true)
    expect(
      rows.some((r) => r.includes('人工检查') && r.includes('不通过') && r.includes('新闻视频无字幕')),
    ).toBe(true)
    expect(await page.$('.aa-wa-section [role="alert"]')).toBeNull()
    await expectNoAxeViolations(page, '检测结果 after the Excel export')
  })

  it('shows the portal with its runs and the latest summary', async () => {
    await page.click('aria/返回网站 测试门户')
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '测试门户')
    await waitForText(page, '历次检测')
    await waitForText(page, '最近一次检测')
    expect(await page.$eval('[data-testid="pages-failed"]', (el) => el.textContent)).toBe('1')
    await shot('portal')
    await expectNoAxeViolations(page, '网站详情')
  })

  it('audits again and compares with the previous run', async () => {
    await page.click('::-p-text(返回网站列表)')
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '网站检测')
    await page.click('th .ant-checkbox-wrapper')
    await waitForText(page, '已选 1 个网站')
    await page.click('::-p-text(开始检测)')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="batch-progress"] h2')?.textContent?.includes('批次 #2'),
    )
    await page.waitForFunction(
      () => document.querySelector('[data-testid="batch-progress"] h2')?.textContent?.includes('已完成'),
      { timeout: 180_000, polling: 500 },
    )
    await page.click('aria/查看 测试门户 的检测结果')
    await page.waitForSelector('[data-testid="compare-counts"]')
    const counts = await page.$eval('[data-testid="compare-counts"]', (el) => (el as HTMLElement).innerText)
    expect(counts).toMatch(/仍存在\s*[1-9]/)
    await waitForText(page, '与检测记录 #1 相比')
    await expectNoAxeViolations(page, '与上次检测对比')
  }, 240_000)
})
