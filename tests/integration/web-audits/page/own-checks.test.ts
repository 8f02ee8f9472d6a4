import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditPage } from '../../../../electron/core/web-audits/page/audit-page'
import type { PageResult } from '../../../../shared/web/audit-result'
import { ownRuleIds } from '../../../../shared/web/own-rules'
import { launchTestBrowser } from '../../../support/chromium'
import { fullOptions, ruleStatus, summary, type RuleStatus } from './audit-helpers'
import { fixturesDir, startFixtureServer, type FixtureServer } from './fixture-server'

/**
 * Fixture pairs, as axe-core tests its rules: each page in tests/fixtures/web-audits/page/own-checks/ has an
 * <name>.expected.json with the own rules expected to fail or need review; every own rule not listed must pass.
 */

let browser: Browser
let server: FixtureServer

beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchTestBrowser(), startFixtureServer()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const dir = path.join(fixturesDir, 'own-checks')
const fixtures = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .sort()

function expectedFor(name: string): Record<string, RuleStatus> {
  const listed = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as Record<
    string,
    RuleStatus
  >
  return { ...Object.fromEntries(ownRuleIds.map((id) => [id, 'pass' as RuleStatus])), ...listed }
}

const seen = new Map<string, PageResult>()

describe('own checks on fixture pages', () => {
  it('has an expected-findings file for every fixture page', () => {
    for (const name of fixtures)
      expect(fs.existsSync(path.join(dir, `${name}.expected.json`)), name).toBe(true)
  })

  it.each(fixtures)('%s', async (name) => {
    // axe is not under test here: three WCAG 2.0 AA rules keep its share of the time small.
    const result = await auditPage(browser, server.url(`/f/own-checks/${name}.html`), {
      ...fullOptions,
      tags: ['wcag2aa'],
      isolatedRules: [],
    })
    seen.set(name, result)
    expect(result.ok, summary(result)).toBe(true)
    const actual = Object.fromEntries(ownRuleIds.map((id) => [id, ruleStatus(result.results, id)]))
    expect(actual, summary(result)).toEqual(expectedFor(name))
    for (const r of result.results.filter((x) => x.source === 'own')) {
      expect(r.description.length).toBeGreaterThan(0)
      if (!r.needsReview) expect(r.nodes.length, r.ruleId).toBeGreaterThan(0)
      else expect(r.reviewReason, r.ruleId).toBeTruthy()
      for (const n of r.nodes) expect(n.fingerprint).toMatch(/^[0-9a-f]{16}(~\d+)?$/)
    }
  })

  it('names the offending elements', () => {
    const nodes = (name: string, ruleId: string): string[] =>
      (seen.get(name)?.results ?? [])
        .filter((r) => r.ruleId === ruleId)
        .flatMap((r) => r.nodes.map((n) => n.html))
    expect(nodes('keyboard-trap', 'aa-keyboard-trap').join()).toMatch(/id="t1".*id="t2"|id="t2".*id="t1"/s)
    expect(nodes('mouse-only', 'aa-keyboard-reach')).toHaveLength(2)
    expect(nodes('focus-invisible', 'aa-focus-visible')).toHaveLength(4) // the header link too
    // The same page, walked one press at a time because it hides Tab keydowns from the batched walk.
    expect(nodes('keys-swallowed', 'aa-focus-visible')).toEqual(nodes('focus-invisible', 'aa-focus-visible'))
    expect(nodes('generated-content', 'aa-css-generated-content')).toEqual([
      expect.stringContaining('required'),
    ])
    expect(nodes('autoplay', 'aa-autoplay-media')).toEqual([
      '<audio autoplay="" src="/tone.wav?s=5"></audio>',
    ])
    expect(nodes('reflow-text', 'aa-reflow')[0]).toContain('class="page"')
    expect(nodes('timed-redirect', 'aa-timed-refresh')[0]).toContain('from=timer')
    expect(nodes('meta-refresh', 'aa-timed-refresh')[0]).toContain('http-equiv="refresh"')
    const conformance = seen.get('conformance')?.results.find((r) => r.ruleId === 'aa-html-conformance')
    expect(conformance?.nodes.map((n) => n.failureSummary).join('\n')).toMatch(
      /center[\s\S]*font|font[\s\S]*center/,
    )
    expect(conformance?.nodes.map((n) => n.selector).join()).toMatch(/源码第 \d+ 行/)
  })

  it('reports the HTTP Refresh header as a timed refresh', async () => {
    const result = await auditPage(browser, server.url('/refresh-header'), {
      ...fullOptions,
      tags: ['wcag2aa'],
    })
    expect(ruleStatus(result.results, 'aa-timed-refresh')).toBe('fail')
  })
})
