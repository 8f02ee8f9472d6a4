import fs from 'node:fs'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../../../electron/core/browser/browser-provider'
import { processTree } from '../../../../electron/core/web-audits/batch/process-memory'
import { auditPage } from '../../../../electron/core/web-audits/page/audit-page'
import { closeTabPool } from '../../../../electron/core/web-audits/page/tab-pool'
import { fastOptions, summary } from './audit-helpers'
import { startFixtureServer, type FixtureServer } from './fixture-server'

/**
 * Warm tabs stay warm: pages audited two at a time, as a batch does, keep their two tabs (a clearing that fails
 * closes the tab and opens a cold one) and start no renderer process per page. The browser is launched with the
 * app's own flags (browser-provider), since those decide whether Chromium starts a spare renderer per navigation.
 * Linux: renderer processes are read from /proc.
 */

let browser: Browser
let server: FixtureServer

beforeAll(async () => {
  server = await startFixtureServer()
  browser = (await launchBrowser({ extraArgs: ['--proxy-server=127.0.0.1:9', '--lang=zh-CN'] })).browser
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Process ids of the renderers under the browser process (only its own process tree is read). */
function rendererPids(root: number): number[] {
  return (processTree(root) ?? []).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')
    } catch {
      return false // ended meanwhile
    }
  })
}

describe.runIf(process.platform === 'linux')('warm tabs in a batch', () => {
  it(
    'keep their two tabs and renderers from page to page, two pages at a time',
    { timeout: 120_000 },
    async () => {
      const root = browser.process()?.pid as number
      const seen = new Set<number>()
      const sample = (): void => void rendererPids(root).forEach((pid) => seen.add(pid))
      const sampler = setInterval(sample, 100) // a discarded spare lives for a page (hundreds of ms)
      const urls = ['clean.html', 'mixed.html', 'components.html', 'mixed-shifted.html']
      const pagesUsed = new Set<Page>()
      let afterFirst = 0
      try {
        await Promise.all(
          [0, 1].map(async (worker) => {
            for (let round = 0; round < 5; round++) {
              const url = server.url(`/f/axe/${urls[(round + worker) % urls.length]}`)
              const result = await auditPage(browser, url, {
                ...fastOptions,
                reuseTab: true,
                hooks: { afterNavigation: (page) => void pagesUsed.add(page) },
              })
              expect(result.ok, summary(result)).toBe(true)
              if (round === 0) afterFirst = Math.max(afterFirst, (sample(), seen.size))
            }
          }),
        )
      } finally {
        clearInterval(sampler)
        await closeTabPool(browser)
      }
      // Ten pages in the two tabs the workers opened first: every clearing between pages succeeded (a failed one closes
      // the tab and opens another). The workers may swap tabs: each takes whichever idle tab comes first.
      expect(pagesUsed.size).toBe(2)
      // With Chromium's spare renderer, each page of one context started a renderer for the other context that was
      // then thrown away unused: about one a page (8 here). Without it, the tabs' renderers serve every page.
      expect(
        seen.size - afterFirst,
        `renderers started after the first pages: ${[...seen].join(' ')}`,
      ).toBeLessThanOrEqual(1)
    },
  )
})
