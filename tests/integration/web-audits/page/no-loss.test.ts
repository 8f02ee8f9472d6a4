/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import type * as Axe from 'axe-core'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCorpus, type Corpus } from '../../../../bench/corpus'
import { auditPage } from '../../../../electron/core/web-audits/page/audit-page'
import { axeAssets } from '../../../../electron/core/web-audits/page/axe-source'
import { joinTarget } from '../../../../electron/core/web-audits/page/axe-results'
import { axeRuleChoice } from '../../../../shared/web/axe-rule-choices'
import { launchTestBrowser } from '../../../support/chromium'
import { fastOptions, summary } from './audit-helpers'
import { fixturesDir, startFixtureServer, type FixtureServer } from './fixture-server'

/**
 * No loss against raw axe-core (issue #13): on the pages the project generates for its tests — the axe and own-rule
 * fixtures and the benchmark corpus — every violation that axe-core reports with ALL its rules (the version the
 * project ships) is reported by the pipeline too: as a violation, or as needs-review where
 * shared/web/axe-rule-choices.ts says so; only rules that file turns off may be missing.
 */

let browser: Browser
let server: FixtureServer
let corpus: Corpus

beforeAll(async () => {
  ;[browser, server, corpus] = await Promise.all([launchTestBrowser(), startFixtureServer(), startCorpus()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await corpus?.close()
})

type Raw = Array<{ id: string; targets: string[] }>

/** axe with every rule it has (runOnly by rule id wins over enabled flags and tags), in a fresh context. */
async function rawAxe(url: string): Promise<Raw> {
  const context = await browser.createBrowserContext()
  try {
    const page = await context.newPage()
    await page.setViewport({ width: 1280, height: 800 })
    await page.goto(url, { waitUntil: 'load' })
    for (const frame of page.frames()) await frame.evaluate(axeAssets().source).catch(() => undefined)
    return await page
      .evaluate(async () => {
        const axe = (window as unknown as { axe: typeof Axe }).axe
        const all = axe.getRules().map((r) => r.ruleId)
        const r = await axe.run(document, {
          runOnly: { type: 'rule', values: all },
          resultTypes: ['violations'],
        })
        return r.violations.map((v) => ({
          id: v.id,
          targets: v.nodes.map((n) => n.target as Axe.UnlabelledFrameSelector),
        }))
      })
      .then((list) => list.map((v) => ({ id: v.id, targets: v.targets.map(joinTarget).sort() })))
  } finally {
    await context.close()
  }
}

const fixturePages = [
  ...['mixed.html', 'components.html', 'clean.html'].map((f) => `/f/axe/${f}`),
  ...fs
    .readdirSync(path.join(fixturesDir, 'own-rules'))
    // Pages that move or play by themselves differ between two loads; their rules are compared elsewhere.
    .filter((f) => f.endsWith('.fails.html') && !/^(motion|autoplay)\./.test(f))
    .map((f) => `/f/own-rules/${f}`),
]
const corpusPages = ['/', '/list/1', '/article/1', '/service/1']

describe('no loss against raw axe-core', () => {
  it.each([...fixturePages.map((p) => ['fixture', p]), ...corpusPages.map((p) => ['corpus', p])])(
    '%s %s',
    { timeout: 700_000 },
    async (kind, pathname) => {
      const url = kind === 'corpus' ? `${corpus.origin}${pathname}` : server.url(pathname)
      const [raw, result] = await Promise.all([
        rawAxe(url),
        auditPage(browser, url, {
          ...fastOptions,
          tags: undefined,
          isolatedRules: undefined,
          maxNodesPerRule: 10_000,
          navigationTimeoutMs: 15_000,
          // No rule may run out of time here (that is reported as needs-review, a different test's subject).
          ruleTimeoutMs: 240_000,
          axeTimeoutMs: 480_000,
          pageTimeoutMs: 600_000,
        }),
      ])
      expect(result.ok, summary(result)).toBe(true)
      const lost: string[] = []
      for (const v of raw) {
        const choice = axeRuleChoice(v.id).choice
        if (choice === 'off') continue
        const mine = result.results.filter(
          (r) => r.source === 'axe' && r.ruleId === v.id && r.needsReview === (choice === 'review'),
        )
        const reported = new Set(mine.flatMap((r) => r.nodes.map((n) => n.selector)))
        const missing = v.targets.filter((t) => !reported.has(t))
        if (missing.length > 0)
          lost.push(`${v.id} (${choice}): ${missing.length} 处，如 ${missing.slice(0, 3).join(' | ')}`)
      }
      expect(lost).toEqual([])
    },
  )
})
