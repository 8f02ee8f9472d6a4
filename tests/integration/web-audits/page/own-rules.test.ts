import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ownRuleIds, type OwnRuleId } from '../../../../shared/web/own-rules'
import { launchTestBrowser } from '../../../support/chromium'
import { scriptSource } from '../../../../electron/core/web-audits/page/page-call'
import {
  installRedirectProbe,
  REDIRECT_SOURCE,
} from '../../../../electron/core/web-audits/page/checks/redirect-timers'
import { startFixtureServer, type FixtureServer } from './fixture-server'
import { compareWithMarkers, ownRuleFixtures, runOwnChecksOn } from './own-rule-fixtures'

/**
 * The own document checks added for issue #13, on their fixture pairs (see own-rule-fixtures.ts). All of them run on
 * every fixture page, so a passes page of one topic also guards the other rules against false alarms.
 */

/** The checks these fixtures cover: every own rule except the older ones with fixtures in own-checks/. */
const older: ReadonlySet<string> = new Set([
  'aa-html-lang',
  'aa-html-conformance',
  'aa-ageing-entry',
  'aa-min-text-size',
  'aa-ageing-contrast',
  'aa-css-generated-content',
  'aa-autoplay-media',
  'aa-timed-refresh',
  'aa-keyboard-reach',
  'aa-keyboard-trap',
  'aa-focus-visible',
  'aa-reflow',
])
const rules: OwnRuleId[] = ownRuleIds.filter((id) => !older.has(id))

let browser: Browser
let server: FixtureServer
let page: Page

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchTestBrowser(), startFixtureServer()])
  page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 800 })
  // As the pipeline's tab: the probe that sees timers is in place before the page's scripts run.
  await page.evaluateOnNewDocument(scriptSource(installRedirectProbe, REDIRECT_SOURCE))
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('own rules on their fixture pairs', () => {
  it.each(ownRuleFixtures())('%s', async (name) => {
    await page.goto(server.url(`/f/own-rules/${name}.html`), { waitUntil: 'load' })
    const results = await runOwnChecksOn(browser, page, rules)
    const mismatches = await compareWithMarkers(page, results, rules)
    expect(mismatches).toEqual([])
  })
})
