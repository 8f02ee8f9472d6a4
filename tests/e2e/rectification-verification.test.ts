/// <reference lib="dom" />
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningWebDoor } from '../support/web-door'
import { expectNoAxeViolations } from './helpers'
import { announced, openItem, sectionText, shot, waitForStatus } from './rectification/page-helpers'
import type { TrackingSeed } from './rectification/tracking-seed'
import { startTrackingSession } from './rectification/tracking-session'

let page: Page
let door: RunningWebDoor
let seed: TrackingSeed
let stop: (() => Promise<void>) | undefined

beforeAll(async () => {
  ;({ page, door, seed, stop } = await startTrackingSession('access-audit-e2e-rect-verify-'))
})

afterAll(async () => {
  await stop?.()
})

/** The proposal panel's text, once it is on the page. */
async function proposalText(): Promise<string> {
  const panel = await page.waitForSelector('section[aria-labelledby="rect-proposal-heading"]')
  return panel!.evaluate((el) => (el as HTMLElement).innerText)
}

describe('整改跟踪: verification proposed by a later check, end to end', () => {
  it('shows the re-inspection’s proposal on a notified site item; 确认核验 verifies it and the history says so', async () => {
    await openItem(page, door.origin, seed.confirmTitle)
    await waitForStatus(page, '已通知')
    const text = await proposalText()
    expect(text).toContain('待确认的核验建议')
    expect(text).toContain('依据：现场检查')
    expect(text).toMatch(new RegExp(`${seed.reinspectedOn} 复查：.*符合要求`))
    expect(text).toContain('确认核验')
    expect(text).toContain('驳回')
    await shot(page, 'proposal-site')
    await expectNoAxeViolations(page, 'site item with a verification proposal')

    await page.click('section[aria-labelledby="rect-proposal-heading"] ::-p-text(确认核验)')
    await announced(page, '已确认核验，整改项已结案')
    await waitForStatus(page, '已核验')
    await page.waitForFunction(() => !document.querySelector('[aria-labelledby="rect-proposal-heading"]'))
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'item-status')
    // A verified item offers one action: undoing a verification made by mistake.
    await page.waitForSelector('section[aria-labelledby="rect-actions-heading"] ::-p-text(撤销核验)')
    const history = await sectionText(page, 'rect-history-heading')
    expect(history).toContain('提出核验建议')
    expect(history).toContain('已通知 → 已核验')
    expect(history).toContain(`${seed.reinspectedOn} 复查`)
    await shot(page, 'proposal-confirmed')
    await expectNoAxeViolations(page, 'site item verified from its proposal')
  })

  it('驳回 closes the proposal and leaves the item as it was', async () => {
    await openItem(page, door.origin, seed.rejectTitle)
    await waitForStatus(page, '已通知')
    expect(await proposalText()).toMatch(/复查：.*符合要求/)
    await page.click('section[aria-labelledby="rect-proposal-heading"] ::-p-text(驳回)')
    await announced(page, '已驳回核验建议')
    await page.waitForFunction(() => !document.querySelector('[aria-labelledby="rect-proposal-heading"]'))
    await waitForStatus(page, '已通知')
    // Still open to the normal steps: the unit can still reply.
    await page.waitForSelector('.aa-rect-panel ::-p-text(登记整改回复)')
    expect(await sectionText(page, 'rect-history-heading')).not.toContain('→ 已核验')
    // Reloading shows the same: the rejection was saved, nothing is proposed again.
    await page.reload({ waitUntil: 'networkidle0' })
    await waitForStatus(page, '已通知')
    expect(await page.$('section[aria-labelledby="rect-proposal-heading"]')).toBeNull()
  })

  it('shows the proposal of a later completed audit run on a web item whose element no longer fails', async () => {
    await openItem(page, door.origin, seed.webTitle)
    await waitForStatus(page, '已通知')
    const text = await proposalText()
    expect(text).toContain('依据：检测记录')
    expect(text).toMatch(/复测：规则 color-contrast 在原问题元素上不再出现/)
    await shot(page, 'proposal-web')
    await expectNoAxeViolations(page, 'web item with a verification proposal')
  })
})
