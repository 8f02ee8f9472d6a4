/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../electron/core/context'
import { openDatabase } from '../../electron/core/db/open-database'
import { seedUnitsOnce } from '../../electron/core/registry/units-service'
import { seedReportData } from '../integration/reports/report-seed'
import { launchTestBrowser } from '../support/chromium'
import { makeTempDir } from '../support/temp-dir'
import { startWebDoor, type RunningWebDoor } from '../support/web-door'
import { apiCall, expectNoAxeViolations, fieldError, typeInto, waitForText } from './helpers'

let browser: Browser
let page: Page
let door: RunningWebDoor
let cleanup: () => void
let downloads: string

/** Screenshots for a human reviewer, only when asked for (REPORTS_SHOTS=/tmp/dir). */
async function shot(name: string): Promise<void> {
  const dir = process.env.REPORTS_SHOTS
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true })
}

async function announced(text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="announcer"]')?.textContent?.includes(t),
    { timeout },
    text,
  )
}

async function downloaded(suffix: string, timeout = 60_000): Promise<string> {
  const start = Date.now()
  for (;;) {
    const done = fs.readdirSync(downloads).find((f) => f.endsWith(suffix))
    if (done) return path.join(downloads, done)
    if (Date.now() - start > timeout) throw new Error(`no ${suffix} download in ${downloads}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-reports-')
  cleanup = temp.cleanup
  // The data a team would have after a first quarter of work (see tests/integration/reports/report-seed.ts).
  const db = openDatabase(temp.dir)
  const ctx: CoreContext = { db, dataDir: temp.dir, appVersion: 'e2e', now: () => new Date() }
  seedUnitsOnce(ctx)
  seedReportData(db)
  db.close()
  downloads = path.join(temp.dir, 'downloads')
  fs.mkdirSync(downloads)
  door = await startWebDoor(temp.dir, { ACCESS_AUDIT_CHROME_ARGS: '--proxy-server=127.0.0.1:9' })
  browser = await launchTestBrowser()
  page = await browser.newPage()
  const session = await page.createCDPSession()
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads })
  await page.setViewport({ width: 1280, height: 900 })
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }])
  await page.goto(door.url, { waitUntil: 'networkidle0' })
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  cleanup?.()
})

async function cardValue(label: string): Promise<string> {
  return page.$eval(
    '[data-testid="report-totals"]',
    (dl, l) => {
      const card = Array.from(dl.querySelectorAll('.aa-report-card')).find(
        (c) => c.querySelector('dt')?.textContent === l,
      )
      return card?.querySelector('dd')?.textContent ?? ''
    },
    label,
  )
}

describe('统计报表, end to end', () => {
  it('shows the year so far: totals, charts, breakdowns and indicators, with zero axe violations', async () => {
    await page.click('::-p-text(统计报表)')
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '统计报表')
    await page.waitForSelector('[data-testid="report-totals"]')
    // This year (the seeded items are dated 2026): found 8 (Q1's 7 and one in April), 3 overdue today.
    expect(await cardValue('发现')).toBe('8 项')
    expect(await cardValue('核验通过')).toBe('4 项')
    expect(await cardValue('超期未改')).toBe('3 项')
    expect(await page.$eval('button[aria-pressed="true"]', (b) => b.textContent)).toBe('本年')
    await waitForText(page, 'GB 55019-2021 第3.1.4条（强制性条文）')
    await waitForText(page, '区教育局网站')
    // Each chart's figures are one button away, as a table.
    const toggle = await page.waitForSelector('figure ::-p-text(查看数据表)')
    await toggle!.click()
    await page.waitForSelector('figure button[aria-expanded="true"]')
    const monthTable = await page.$eval(
      'figure .aa-report-figure-table',
      (el) => (el as HTMLElement).innerText,
    )
    expect(monthTable).toContain('2026年1月')
    await shot('reports')
    await expectNoAxeViolations(page, '统计报表')
  })

  it('records a year of household modifications and shows the new total, each year in its own plan period', async () => {
    await page.click('::-p-text(保存填报)')
    await page.waitForFunction(() => document.body.innerText.includes('请填写完成数'))
    expect(await fieldError(page, 'indicator-record_value')).toBe('请填写完成数')
    await typeInto(page, 'indicator-record_value', '-5')
    await page.click('::-p-text(保存填报)')
    await page.waitForFunction(() => document.body.innerText.includes('完成数不能为负数'))
    await expectNoAxeViolations(page, '统计报表 form with errors')

    // This year belongs to the 十五五 plan, not published yet: its targets read 待发布, never a made-up figure.
    await page.waitForSelector('[data-testid="plan-pending"]')
    await waitForText(page, '规划指标（“十五五”规划期 2026–2030）')
    await waitForText(page, '目标：待发布')
    // A year of the 十四五 plan counts toward that plan's ≥362 target…
    await typeInto(page, 'indicator-record_year', '2025')
    await typeInto(page, 'indicator-record_value', '120')
    await typeInto(page, 'indicator-record_note', '区残联与住建局联合实施')
    await page.click('::-p-text(保存填报)')
    await announced('已保存：2025 年 120 户，“十四五”规划期内累计 120 户')
    const figure = (text: string) =>
      page.waitForFunction(
        (t) => document.querySelector('[data-testid="indicator-home-modifications"]')?.textContent === t,
        {},
        text,
      )
    await page.click('button::-p-text(“十四五”规划期 2021–2025)')
    await waitForText(page, '规划指标（“十四五”规划期 2021–2025）')
    await figure('规划期内 120 户')
    await waitForText(page, '2025 年：120 户（区残联与住建局联合实施）')
    await waitForText(page, '目标：≥362')
    // …and a year of the 十五五 plan toward that one.
    await typeInto(page, 'indicator-record_year', '2026')
    await typeInto(page, 'indicator-record_value', '30')
    await page.click('::-p-text(保存填报)')
    await announced('已保存：2026 年 30 户，“十五五”规划期内累计 30 户')
    await figure('规划期内 120 户')
    await page.click('button::-p-text(本年)')
    await figure('规划期内 30 户')
    await expectNoAxeViolations(page, '统计报表 of the 十五五 plan')
  })

  it("enters the 十五五 plan's target in 设置 and the report measures the year against it", async () => {
    await page.goto(`${door.origin}/#/settings`, { waitUntil: 'networkidle0' })
    await (await page.waitForSelector('button[aria-label="编辑“十五五”规划期 2026–2030"]'))!.click()
    await page.waitForSelector('#plan_indicators_0_target')
    // A built-in indicator keeps its name and unit: the dialog offers only its target, number and basis.
    await waitForText(page, '困难重度残疾人家庭无障碍改造数')
    expect(await page.$('#plan_indicators_0_title')).toBeNull()
    await typeInto(page, 'plan_indicators_0_target', '≥300')
    await typeInto(page, 'plan_indicators_0_targetValue', '300')
    await page.click('#plan_published')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await waitForText(page, '已保存“十五五”规划期 2026–2030')
    await waitForText(page, '5 项指标，1 项有目标')
    const plans = await apiCall<
      { shortName: string; indicators: { indicatorId: string; builtIn: boolean }[] }[]
    >(page, 'plans:list', {})
    const fifteenth = plans.find((p) => p.shortName === '十五五')!
    expect(fifteenth.indicators.map((i) => [i.indicatorId, i.builtIn])).toEqual(
      plans.find((p) => p.shortName === '十四五')!.indicators.map((i) => [i.indicatorId, true]),
    )

    await page.goto(`${door.origin}/#/reports`, { waitUntil: 'networkidle0' })
    await waitForText(page, '规划指标（“十五五”规划期 2026–2030）')
    await waitForText(page, '目标：≥300')
    expect(await page.$('[data-testid="plan-pending"]')).toBeNull()
    await expectNoAxeViolations(page, '统计报表 with the 十五五 target')
  })

  it('exports the report as Excel and PDF downloads', async () => {
    await page.click('::-p-text(导出 Excel)')
    await announced('.xlsx')
    const xlsx = await downloaded('.xlsx')
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK')

    await page.click('::-p-text(导出 PDF)')
    await announced('.pdf', 90_000)
    const pdf = await downloaded('.pdf', 90_000)
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    await expectNoAxeViolations(page, '统计报表 after export')
  }, 180_000)
})
