/// <reference lib="dom" />
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningWebDoor } from '../support/web-door'
import { expectNoAxeViolations, waitForText } from './helpers'
import {
  announced,
  heading,
  openItem,
  sectionText,
  selectItem,
  shot,
  waitForStatus,
} from './rectification/page-helpers'
import type { TrackingSeed } from './rectification/tracking-seed'
import { startTrackingSession } from './rectification/tracking-session'

let page: Page
let door: RunningWebDoor
let seed: TrackingSeed
let stop: (() => Promise<void>) | undefined

beforeAll(async () => {
  ;({ page, door, seed, stop } = await startTrackingSession('access-audit-e2e-rect-merge-'))
})

afterAll(async () => {
  await stop?.()
})

/** The visible text of the list row that names `title`. */
async function rowText(title: string): Promise<string> {
  return page.$$eval(
    'tbody tr',
    (rows, t) => (rows.find((r) => r.textContent?.includes(t)) as HTMLElement | undefined)?.innerText ?? '',
    title,
  )
}

describe('整改跟踪: merging duplicate items, end to end', () => {
  it('merges two duplicates of one unit into the item chosen to stay', async () => {
    const [first, second] = seed.duplicateTitles
    await page.goto(`${door.origin}/#/rectification`, { waitUntil: 'networkidle0' })
    await heading(page, '整改跟踪')
    await page.waitForSelector('tbody label')
    await selectItem(page, first)
    await selectItem(page, second)
    await waitForText(page, '已选 2 项')
    await page.click('::-p-text(合并重复项)')
    await page.waitForSelector('#merge_targetId')
    await waitForText(page, '其余 1 项标为“已合并”')
    // The first item's radio has the focus; the arrow key chooses the second as the one to stay.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')
    await page.keyboard.press('ArrowDown')
    await page.waitForFunction(
      (t) =>
        Array.from(document.querySelectorAll<HTMLInputElement>('#merge_targetId input[type="radio"]'))
          .find((r) => r.checked)
          ?.parentElement?.parentElement?.textContent?.includes(t),
      {},
      second,
    )
    await shot(page, 'merge-dialog')
    await expectNoAxeViolations(page, '合并重复项 dialog')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await announced(page, `已合并 1 项到“${second}”`)
    await page.waitForFunction(() => !document.querySelector('.ant-modal'))

    // The default filter (未结案) no longer lists the merged item; 全部 shows it as 已合并.
    await page.waitForFunction((t) => !document.body.innerText.includes(t), {}, first)
    expect(await rowText(second)).toContain('待通知')
    await page.click('#rect-status')
    await page.click('.ant-select-item-option ::-p-text(全部（含已结案）)')
    await waitForText(page, first)
    expect(await rowText(first)).toContain('已合并')
    await shot(page, 'merge-all')
    await expectNoAxeViolations(page, '整改项 list (全部) after a merge')
  })

  it('the surviving item lists both findings; the merged one links to it', async () => {
    const [first, second] = seed.duplicateTitles
    await openItem(page, door.origin, second)
    await waitForStatus(page, '待通知')
    await page.waitForSelector('[data-testid="item-findings"] tbody tr')
    expect(await page.$eval('[data-testid="item-findings-count"]', (el) => el.textContent)).toContain(
      '共 2 条问题记录',
    )
    const findings = await sectionText(page, 'rect-findings-heading')
    expect(findings).toContain(first)
    expect(findings).toContain(second)
    const history = await sectionText(page, 'rect-history-heading')
    expect(history).toMatch(/合并了重复的整改项：编号 \d+/)
    await shot(page, 'merge-survivor')
    await expectNoAxeViolations(page, 'surviving item after a merge')

    await page.goto(`${door.origin}/#/rectification`, { waitUntil: 'networkidle0' })
    await heading(page, '整改跟踪')
    await page.click('#rect-status')
    await page.click('.ant-select-item-option ::-p-text(全部（含已结案）)')
    const link = await page.waitForSelector(`a::-p-text(${first})`)
    await link!.click()
    await heading(page, first)
    await waitForStatus(page, '已合并')
    await waitForText(page, '此整改项已结案')
    const mergedInto = await page.waitForSelector('a[href*="/rectification/items/"]::-p-text(整改项)')
    await mergedInto!.click()
    await heading(page, second)
  })
})
