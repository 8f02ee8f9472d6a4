import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import type { AuditRuleResult } from '../../../../shared/web/audit-result'
import type { OwnRuleId } from '../../../../shared/web/own-rules'
import { resolveAuditOptions } from '../../../../electron/core/web-audits/page/audit-options'
import { createState, type AuditState } from '../../../../electron/core/web-audits/page/audit-state'
import { runDocumentChecks } from '../../../../electron/core/web-audits/page/checks/run-own-checks'
import { fixturesDir } from './fixture-server'

/**
 * Fixture pairs for the own document checks, as axe-core tests its rules: tests/fixtures/web-audits/page/own-rules/
 * holds `<topic>.fails.html` and `<topic>.passes.html`. An element a rule must flag carries
 * data-expect="<rule ids>" (a violation) or data-expect-review="<rule ids>" (needs review); on the <html> element
 * for page-level findings. Every other element must stay unflagged, on both pages: a flag there is a false alarm.
 */

export const ownRulesDir = path.join(fixturesDir, 'own-rules')

export function ownRuleFixtures(): string[] {
  return fs
    .readdirSync(ownRulesDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/\.html$/, ''))
    .sort()
}

export interface Mismatch {
  ruleId: string
  kind: 'unexpected' | 'missed' | 'wrong-kind'
  what: string
}

const tokens = (html: string, attr: string): string[] => {
  const open = html.slice(0, html.indexOf('>') + 1)
  const m = new RegExp(`\\s${attr}="([^"]*)"`).exec(open)
  return m ? (m[1] ?? '').split(/\s+/).filter(Boolean) : []
}

/** Runs the own document checks of `rules` on the page already loaded in `page`. */
export async function runOwnChecksOn(
  browser: Browser,
  page: Page,
  rules: readonly OwnRuleId[],
): Promise<AuditRuleResult[]> {
  const state: AuditState = createState(browser, page.url(), resolveAuditOptions({ ownRules: [...rules] }))
  state.page = page
  state.cdp = await page.createCDPSession()
  try {
    return await runDocumentChecks(state)
  } finally {
    await state.cdp.detach().catch(() => {})
  }
}

/** Compares reported nodes with the fixture's markers; `expected` lists every marked element per rule and kind. */
export async function compareWithMarkers(
  page: Page,
  results: readonly AuditRuleResult[],
  rules: readonly string[],
): Promise<Mismatch[]> {
  const expected = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-expect], [data-expect-review]')).map((el) => ({
      fail: (el.getAttribute('data-expect') ?? '').split(/\s+/).filter(Boolean),
      review: (el.getAttribute('data-expect-review') ?? '').split(/\s+/).filter(Boolean),
      html: el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1),
    })),
  )
  const mismatches: Mismatch[] = []
  for (const ruleId of rules) {
    const mine = results.filter((r) => r.ruleId === ruleId)
    const reported = mine.flatMap((r) => r.nodes.map((n) => ({ html: n.html, review: r.needsReview })))
    for (const node of reported) {
      const fail = tokens(node.html, 'data-expect').includes(ruleId)
      const review = tokens(node.html, 'data-expect-review').includes(ruleId)
      const open = node.html.slice(0, 160)
      if (!fail && !review) mismatches.push({ ruleId, kind: 'unexpected', what: open })
      else if (fail !== !node.review) mismatches.push({ ruleId, kind: 'wrong-kind', what: open })
    }
    for (const e of expected) {
      if (!e.fail.includes(ruleId) && !e.review.includes(ruleId)) continue
      const found = reported.some(
        (n) => n.html.startsWith(e.html) || n.html.slice(0, e.html.length) === e.html,
      )
      if (!found) mismatches.push({ ruleId, kind: 'missed', what: e.html.slice(0, 160) })
    }
  }
  return mismatches
}
