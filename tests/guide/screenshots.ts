/// <reference lib="dom" />
/**
 * The screenshots of the inspectors' guide (resources/guide/), taken from the real renderer: a seeded data folder
 * behind the browser door, Debian's Chromium at 1280 × 800. Run with `npm run guide:screenshots` (it builds the
 * renderer first) after a change that the guide's pictures show; the PNGs are committed with the guide.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'puppeteer-core'
import { launchTestBrowser } from '../support/chromium'
import { makeTempDir } from '../support/temp-dir'
import { startWebDoor } from '../support/web-door'
import { seedTrackingData } from '../e2e/rectification/tracking-seed'
import { openSeedCore } from '../e2e/rectification/seed-core'

const out = fileURLToPath(new URL('../../resources/guide/images/', import.meta.url))

async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, {}, text)
}

async function settle(page: Page): Promise<void> {
  await page.waitForNetworkIdle({ idleTime: 300 })
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'))
}

async function save(page: Page, name: string): Promise<void> {
  await settle(page)
  const file = path.join(out, `${name}.png`)
  await page.screenshot({ path: file })
  console.log(`resources/guide/images/${name}.png${shrink(file)}`)
}

/**
 * The committed PNGs stay small: Debian's pngquant (a 256-colour palette; screens of flat colours and text keep
 * their look) when it is installed, else the PNGs stay as Chromium wrote them.
 */
function shrink(file: string): string {
  const before = fs.statSync(file).size
  const run = spawnSync('pngquant', [
    '--force',
    '--skip-if-larger',
    '--quality=70-95',
    '--output',
    file,
    file,
  ])
  if (run.error) return ' (pngquant not installed: not reduced)'
  return ` ${Math.round(before / 1024)} KB → ${Math.round(fs.statSync(file).size / 1024)} KB`
}

async function main(): Promise<void> {
  fs.mkdirSync(out, { recursive: true })
  const temp = makeTempDir('access-audit-guide-')
  const dataDir = path.join(temp.dir, 'data')
  const seed = await seedTrackingData(dataDir)
  // A draft inspection, as an inspector leaves one at lunch.
  const core = openSeedCore(dataDir)
  const places = await core.call('places:list', {})
  const draft = await core.call('inspections:create', {
    placeId: places[0]!.id,
    inspectedOn: '2026-12-01',
    inspectors: '张伟、李娜',
  })
  core.close()

  const door = await startWebDoor(dataDir)
  const browser = await launchTestBrowser()
  try {
    const page = await browser.newPage()
    await page.setViewport({ width: 1280, height: 800 })
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }])
    await page.goto(door.url, { waitUntil: 'networkidle0' })
    const go = async (route: string, heading: string) => {
      await page.goto(`${door.origin}/#${route}`, { waitUntil: 'networkidle0' })
      await waitForHeading(page, heading)
    }

    await go('/', '今日待办')
    await save(page, '01-today')

    await go('/places', '场所')
    await save(page, '02-places')

    await page.goto(`${door.origin}/#/inspections/${draft.id}`, { waitUntil: 'networkidle0' })
    await page.waitForSelector('h1')
    await save(page, '03-inspection')

    await go('/rectification?status=proposed', '整改跟踪')
    await page.waitForSelector('tbody label')
    for (const title of [seed.confirmTitle, seed.rejectTitle]) {
      await (await page.waitForSelector(`tbody label ::-p-text(选择 ${title})`))!.click()
    }
    await save(page, '04-items-selected')
    await page.click('.aa-rect-bulk ::-p-text(登记整改回复)')
    await page.waitForSelector('#bulk-claim_text')
    await page.type('#bulk-claim_text', '两处坡道均已按 1:12 改建，附整改后照片。')
    await save(page, '05-bulk-reply')
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !document.querySelector('.ant-modal'))

    await go('/rectification?status=open', '整改跟踪')
    await (await page.waitForSelector('thead label ::-p-text(选择 区图书馆)'))!.click()
    await page.click('.aa-rect-bulk ::-p-text(生成整改通知书)')
    await page.waitForSelector('#notice_deadline')
    await save(page, '06-notice')
    await page.keyboard.press('Escape')

    await go('/rectification?status=proposed', '整改跟踪')
    await (await page.waitForSelector(`a::-p-text(${seed.webTitle})`))!.click()
    await waitForHeading(page, seed.webTitle)
    await save(page, '07-proposal')

    await go('/reports', '统计报表')
    await (await page.waitForSelector('.aa-report-indicators'))!.evaluate((el) => el.scrollIntoView())
    await save(page, '08-indicators')

    await go('/settings', '设置')
    await (await page.waitForSelector('#settings-plans'))!.evaluate((el) => el.scrollIntoView())
    await (await page.waitForSelector('button[aria-label="编辑“十五五”规划期 2026–2030"]'))!.click()
    await page.waitForSelector('#plan_shortName')
    await save(page, '09-plan')
  } finally {
    await browser.close()
    await door.stop()
    temp.cleanup()
  }
}

await main()
