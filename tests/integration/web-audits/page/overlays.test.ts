import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditPage } from '../../../../electron/core/web-audits/page/audit-page'
import { launchTestBrowser } from '../../../support/chromium'
import { fastOptions, summary } from './audit-helpers'
import { startFixtureServer, type FixtureServer } from './fixture-server'

let browser: Browser
let server: FixtureServer
beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchTestBrowser(), startFixtureServer()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('accessibility overlays', () => {
  it('are reported as information, and a page-rewriting one is kept out so the page is audited as it is', async () => {
    const result = await auditPage(browser, server.url('/f/overlays/overlays.html'), {
      ...fastOptions,
      ownRules: ['aa-img-alt-filename'],
    })
    expect(result.ok, summary(result)).toBe(true)
    expect(result.overlays?.map((o) => [o.id, o.blocked])).toEqual([
      ['cn-rrbay-wzatool', false],
      ['accessibe', true],
    ])
    expect(result.overlays?.[0]?.evidence.join()).toContain('#rrbay_wzatool')
    // The overlay would have added the alt text; blocked, the image still has none and axe reports it.
    expect(result.results.find((r) => r.ruleId === 'image-alt' && !r.needsReview)?.nodes).toHaveLength(1)
  })

  it('are absent from pages without one', async () => {
    const result = await auditPage(browser, server.url('/f/axe/clean.html'), {
      ...fastOptions,
      ownRules: ['aa-img-alt-filename'],
    })
    expect(result.ok, summary(result)).toBe(true)
    expect(result.overlays).toBeUndefined()
  })
})
