/// <reference lib="dom" />
import path from 'node:path'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeedCore } from './rectification/seed-core'
import { makeTempDir } from '../support/temp-dir'
import { seededUnit, webRun, type WebNode } from '../integration/rectification/fixtures'
import { expectNoAxeViolations, openAppSession, waitForText, type AppSession } from './helpers'
import { heading, shot } from './rectification/page-helpers'

/**
 * A web item found again on every run links many findings: the item page's 问题记录 reads only that item's findings
 * (not every web finding of its unit) and pages them, 50 to a page, with a pager that works from the keyboard.
 */

const temp = makeTempDir('access-audit-e2e-rect-findings-')
let session: AppSession
let page: Page
// A web item is named by the team's text for the defect (the overlap group of the contrast rules), never by a rule id.
const itemTitle = '文字与背景对比度不足'

const nodes = (prefix: string, count: number): WebNode[] =>
  Array.from({ length: count }, (_, i) => ({
    selector: `#${prefix} li:nth-child(${i + 1}) > a`,
    html: `<a href="/${prefix}/${i}.html" style="color:#aaa">通知公告 ${i + 1}</a>`,
    fingerprint: `${prefix}-${i}`,
  }))

/** Three monthly runs of one portal, 25 failing elements each; another portal of the unit fails another rule. */
async function seed(dataDir: string): Promise<void> {
  const t = openSeedCore(dataDir)
  try {
    const unit = await seededUnit(t, '住房和城乡建设局')
    const portal = await t.call('portals:create', {
      name: '乌达区住建局网站',
      startUrl: 'https://zjj.wuda.example.gov.cn/',
      unitId: unit.id,
    })
    const other = await t.call('portals:create', {
      name: '乌达区住建局办事大厅网站',
      startUrl: 'https://bsdt.wuda.example.gov.cn/',
      unitId: unit.id,
    })
    for (const month of ['01', '02', '03']) {
      webRun(
        t,
        portal.id,
        [
          { url: 'https://zjj.wuda.example.gov.cn/', rules: { 'color-contrast': nodes('home', 20) } },
          { url: 'https://zjj.wuda.example.gov.cn/news', rules: { 'color-contrast': nodes('news', 5) } },
        ],
        new Date(`2026-${month}-10T02:00:00Z`),
      )
    }
    webRun(
      t,
      other.id,
      [{ url: 'https://bsdt.wuda.example.gov.cn/', rules: { 'image-alt': nodes('banner', 3) } }],
      new Date('2026-03-11T02:00:00Z'),
    )
    await t.call('rectification:sync', {})
  } finally {
    t.close()
  }
}

const findingRows = () =>
  page.$$eval('[data-testid="item-findings"] tbody tr.ant-table-row', (rows) => rows.length)

beforeAll(async () => {
  const dataDir = path.join(temp.dir, 'data')
  await seed(dataDir)
  session = await openAppSession(dataDir)
  page = session.page
})

afterAll(async () => {
  await session?.close()
  temp.cleanup()
})

describe('整改项 问题记录 of a web item found on every run', () => {
  it('lists the item with its element count, and its page lists only its own 75 findings, 50 to a page', async () => {
    await page.goto(`${session.door.origin}/#/rectification`, { waitUntil: 'networkidle0' })
    await heading(page, '整改跟踪')
    const row = await page.waitForSelector(`tbody tr ::-p-text(${itemTitle})`)
    expect(await row!.evaluate((el) => (el.closest('tr') as HTMLElement).innerText)).toContain('共 25 处')

    await page.click(`a::-p-text(${itemTitle})`)
    await heading(page, itemTitle)
    await page.waitForSelector('[data-testid="item-findings"] tbody tr.ant-table-row')
    expect(await page.$eval('[data-testid="item-findings-count"]', (el) => el.textContent)).toContain(
      '共 75 条问题记录',
    )
    expect(await findingRows()).toBe(50)
    // Nothing of the unit's other portal (its image-alt findings) is listed.
    const findings = await page.$eval('[data-testid="item-findings"]', (el) => (el as HTMLElement).innerText)
    expect(findings).not.toContain('image-alt')
    await shot(page, 'item-findings-paged')
    await expectNoAxeViolations(page, '整改项 page with a paged 问题记录')
  })

  it('the pager is reached with Tab from the findings region and turns the page with Enter', async () => {
    await page.focus('[data-testid="item-findings"]')
    let onPageTwo = false
    for (let presses = 0; presses < 10 && !onPageTwo; presses++) {
      await page.keyboard.press('Tab')
      onPageTwo = await page.evaluate(() => {
        const active = document.activeElement
        return Boolean(active?.closest('.ant-pagination') && active.getAttribute('title') === '2')
      })
    }
    expect(onPageTwo).toBe(true)
    await page.keyboard.press('Enter')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="item-findings"] tbody tr.ant-table-row').length === 25,
    )
    await waitForText(page, '共 75 条问题记录')
    await shot(page, 'item-findings-page-2')
    await expectNoAxeViolations(page, '问题记录, second page')
  })
})
