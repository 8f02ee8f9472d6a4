/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import type * as Axe from 'axe-core'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditPage, defaultAxeTags } from '../../../../electron/core/web-audits/page/audit-page'
import { axeAssets } from '../../../../electron/core/web-audits/page/axe-source'
import { joinTarget } from '../../../../electron/core/web-audits/page/axe-results'
import type { PageResult } from '../../../../shared/web/audit-result'
import { launchTestBrowser } from '../../../support/chromium'
import { makeTempDir } from '../../../support/temp-dir'
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

/** Default tags and isolated rules (the real split), no own checks. */
const axeOnly = { ...fastOptions, tags: undefined, isolatedRules: undefined, maxNodesPerRule: 10_000 }

type Finding = { id: string; review: boolean; targets: string[] }

const byId = (a: Finding, b: Finding): number =>
  a.id.localeCompare(b.id) || Number(a.review) - Number(b.review)

function findingsOf(result: PageResult): Finding[] {
  return result.results
    .filter((r) => r.source === 'axe')
    .map((r) => ({ id: r.ruleId, review: r.needsReview, targets: r.nodes.map((n) => n.selector).sort() }))
    .sort(byId)
}

/** The reference: one plain axe.run over the page, axe injected into every frame, same tags and viewport. */
async function plainAxeRun(url: string): Promise<Finding[]> {
  const context = await browser.createBrowserContext()
  try {
    const page = await context.newPage()
    await page.setViewport({ width: 1280, height: 800 })
    await page.goto(url, { waitUntil: 'load' })
    const { source, locale } = axeAssets()
    for (const frame of page.frames()) {
      // <object> documents come and go; a frame that vanished is simply not part of the reference run.
      try {
        await frame.evaluate(source)
        await frame.evaluate(
          (l: Axe.Locale) => (window as unknown as { axe: typeof Axe }).axe.configure({ locale: l }),
          locale,
        )
      } catch {
        // detached
      }
    }
    const results = await page.evaluate(
      (tags: string[]) =>
        (window as unknown as { axe: typeof Axe }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations', 'incomplete'],
        }),
      [...defaultAxeTags],
    )
    const map = (list: Axe.Result[], review: boolean): Finding[] =>
      list.map((r) => ({ id: r.id, review, targets: r.nodes.map((n) => joinTarget(n.target)).sort() }))
    return [...map(results.violations, false), ...map(results.incomplete, true)].sort(byId)
  } finally {
    await context.close()
  }
}

describe('axe runner', () => {
  it.each(['mixed.html', 'components.html', 'clean.html'])(
    'gives the same violations and incomplete results as one plain axe.run (%s)',
    async (file) => {
      const url = server.url(`/f/axe/${file}`)
      const ours = await auditPage(browser, url, axeOnly)
      expect(ours.ok, summary(ours)).toBe(true)
      const findings = findingsOf(ours)
      expect(findings).toEqual(await plainAxeRun(url))
      // The fixtures exercise iframe hops (mixed) and shadow-root hops (components).
      const hops = findings.flatMap((f) => f.targets).filter((t) => t.includes(' >>> '))
      expect(hops.length > 0, file).toBe(file !== 'clean.html')
    },
  )

  it('describes rules in Chinese (zh_CN locale) and maps them to clauses', async () => {
    const r = await auditPage(browser, server.url('/f/axe/mixed.html'), axeOnly)
    const imageAlt = r.results.find((x) => x.ruleId === 'image-alt')
    expect(imageAlt).toMatchObject({
      help: '图像必须有替代文本',
      level: 'A',
      impact: 'critical',
      needsReview: false,
    })
    expect(imageAlt?.refs.wcag).toEqual(['1.1.1'])
    expect(imageAlt?.nodes[0]?.failureSummary).toMatch(/修复以下/)
    expect(r.axeVersion).toBe(axeAssets().version)
    const incomplete = r.results.filter((x) => x.needsReview)
    expect(incomplete.length).toBeGreaterThan(0)
    for (const x of incomplete) expect(x.reviewReason).toBeTruthy()
  })

  it('reports a rule that overruns its budget as needs-review and still reports the others', async () => {
    const r = await auditPage(browser, server.url('/many-links?n=2500'), { ...axeOnly, ruleTimeoutMs: 200 })
    expect(r.ok, summary(r)).toBe(true)
    for (const id of ['color-contrast', 'link-in-text-block']) {
      const rule = r.results.find((x) => x.ruleId === id)
      expect(rule, id).toMatchObject({
        needsReview: true,
        reviewReason: '规则执行超时（超过 0.2 秒）',
        nodes: [],
      })
      expect(rule?.help).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(r.results.find((x) => x.ruleId === 'image-alt')?.needsReview).toBe(false)
  })

  it("ends as 'audit-timeout' when axe cannot finish any rule within the page's axe limit", async () => {
    const r = await auditPage(browser, server.url('/many-links?n=2500'), {
      ...axeOnly,
      axeTimeoutMs: 300,
      ruleTimeoutMs: 100,
    })
    expect(r).toMatchObject({ ok: false, failureReason: 'audit-timeout', results: [] })
  })

  it('keeps fingerprints when the layout shifts, while selectors change', async () => {
    const a = await auditPage(browser, server.url('/f/axe/mixed.html'), axeOnly)
    const b = await auditPage(browser, server.url('/f/axe/mixed-shifted.html'), axeOnly)
    const nodes = (r: PageResult, id: string) =>
      r.results.find((x) => x.ruleId === id && !x.needsReview)?.nodes ?? []
    for (const id of ['image-alt', 'select-name', 'button-name']) {
      const [na, nb] = [nodes(a, id), nodes(b, id)]
      expect(na.length, id).toBeGreaterThan(0)
      expect(
        nb.map((n) => n.fingerprint),
        id,
      ).toEqual(na.map((n) => n.fingerprint))
    }
    expect(nodes(b, 'image-alt').map((n) => n.selector)).not.toEqual(
      nodes(a, 'image-alt').map((n) => n.selector),
    )
  })

  it('writes bounded element screenshots of failing nodes as PNG files', async () => {
    const tmp = makeTempDir('audit-shots-')
    try {
      const r = await auditPage(browser, server.url('/f/axe/mixed.html'), {
        ...axeOnly,
        screenshotDir: tmp.dir,
        screenshotPrefix: 'mixed',
        maxScreenshots: 5,
        maxScreenshotsPerRule: 2,
      })
      const shots = r.results
        .flatMap((x) => x.nodes.map((n) => ({ rule: x, file: n.screenshot })))
        .filter((s) => s.file)
      expect(shots.length).toBeGreaterThan(0)
      expect(shots.length).toBeLessThanOrEqual(5)
      for (const s of shots) {
        expect(s.rule.needsReview).toBe(false)
        const png = fs.readFileSync(path.join(tmp.dir, s.file as string))
        expect(png.subarray(1, 4).toString()).toBe('PNG')
      }
      const perRule = new Map<string, number>()
      for (const s of shots) perRule.set(s.rule.ruleId, (perRule.get(s.rule.ruleId) ?? 0) + 1)
      expect(Math.max(...perRule.values())).toBeLessThanOrEqual(2)
      expect(fs.readdirSync(tmp.dir).sort()).toEqual(shots.map((s) => s.file).sort())
    } finally {
      tmp.cleanup()
    }
  })
})
