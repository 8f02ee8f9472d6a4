/// <reference lib="dom" />
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type * as Axe from 'axe-core'
import type { Browser } from 'puppeteer-core'
import { defaultAxeTags } from '../electron/core/web-audits/page/audit-options'

/**
 * The baseline: axe-core run sequentially through ONE puppeteer page, waiting for `load` — the simplest way to
 * audit a list of URLs. Same axe rules (tags), viewport and frame coverage as the real auditor, so the two must
 * find the same violations and needs-review results.
 */

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Per URL: `v:<rule>:<nodes>` for violations, `r:<rule>:<nodes>` for needs-review (axe incomplete). */
export type RuleKeys = string[]

export interface BaselineOutcome {
  results: Map<string, RuleKeys | { error: string }>
  elapsedMs: number
}

export async function runBaseline(browser: Browser, urls: readonly string[]): Promise<BaselineOutcome> {
  const started = Date.now()
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 800 })
  page.on('dialog', (d) => void d.dismiss().catch(() => undefined))
  const results = new Map<string, RuleKeys | { error: string }>()
  for (const url of urls) {
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 })
      // axe in every frame, so axe.run in the top frame covers them, as the real auditor does.
      for (const frame of page.frames()) await frame.evaluate(axeSource).catch(() => undefined)
      const keys = await page.evaluate(
        async (tags: string[]) => {
          const axe = (window as unknown as { axe: typeof Axe }).axe
          const r = await axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations', 'incomplete'],
          })
          return [
            ...r.violations.map((v) => `v:${v.id}:${v.nodes.length}`),
            ...r.incomplete.map((v) => `r:${v.id}:${v.nodes.length}`),
          ]
        },
        [...defaultAxeTags],
      )
      results.set(url, keys.sort())
    } catch (error) {
      results.set(url, { error: (error as Error).message })
    }
  }
  await page.close()
  return { results, elapsedMs: Date.now() - started }
}
