import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Axe from 'axe-core'
import { getOwnRule, ownRuleIds, type OwnRuleId } from '../../../../shared/web/own-rules'
import { axeRules } from '../../../../shared/web/axe-rule-map'
import { axeAssets } from '../../../../electron/core/web-audits/page/axe-source'
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

/**
 * The checks these fixtures cover: every own document check, except the page-wide ones every fixture would trigger
 * (no ageing entry, text under the elder-mode size) and the source conformance check (its own fixtures).
 */
const elsewhere: ReadonlySet<string> = new Set(['aa-ageing-entry', 'aa-min-text-size', 'aa-html-conformance'])
const rules: OwnRuleId[] = ownRuleIds.filter((id) => !elsewhere.has(id))

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

/** axe rules testing a WCAG criterion one of the own rules under test also tests. */
const sameCriteriaAxeRules = Object.values(axeRules)
  .filter((r) => !r.levelTags.includes('deprecated'))
  .filter((r) => r.wcag.some((sc) => rules.some((id) => getOwnRule(id)?.refs.wcag.includes(sc))))
  .map((r) => r.id)

describe('the passes pages are pass cases for axe too', () => {
  // A passes page that axe's rules for the same criteria would fail would not show that the own checks raise no
  // false alarm axe would not.
  it.each(ownRuleFixtures().filter((n) => n.endsWith('.passes')))('%s', async (name) => {
    await page.goto(server.url(`/f/own-rules/${name}.html`), { waitUntil: 'load' })
    await page.evaluate(axeAssets().source)
    const violations = await page.evaluate(
      async (ids: string[]) =>
        (
          await (window as unknown as { axe: typeof Axe }).axe.run(document, {
            runOnly: { type: 'rule', values: ids },
            resultTypes: ['violations'],
          })
        ).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
      sameCriteriaAxeRules,
    )
    expect(violations).toEqual([])
  })
})
