/// <reference lib="dom" />
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type * as Axe from 'axe-core'
import type { Browser } from 'puppeteer-core'
import { defaultAxeTags } from '../electron/core/web-audits/page/audit-options'

/**
 * The baseline: the bare puppeteer + axe-core loop — `tabs` tabs of one browser take URLs from one list, each
 * `page.goto(url, { waitUntil: 'load' })` (a page whose load never comes is audited as it is after the 30 s
 * timeout, as such a loop's catch would), axe injected into every frame, one axe.run. Same axe rules (tags),
 * viewport and frame coverage as the real auditor, so the two must find the same violations and needs-review
 * results. It keeps its HTTP cache and cookies from page to page, as such a loop does.
 */

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Per URL: `v:<rule>:<nodes>` for violations, `r:<rule>:<nodes>` for needs-review (axe incomplete). */
export type RuleKeys = string[]

export interface BaselineOutcome {
  results: Map<string, RuleKeys | { error: string }>
  elapsedMs: number
  /** Pages whose load event had not come after the timeout (audited as they were). */
  loadTimeouts: number
}

const LOAD_TIMEOUT_MS = 30_000

export async function runBaseline(
  browser: Browser,
  urls: readonly string[],
  tabs: number,
): Promise<BaselineOutcome> {
  const started = Date.now()
  const results = new Map<string, RuleKeys | { error: string }>()
  const queue = [...urls]
  let loadTimeouts = 0
  const worker = async (): Promise<void> => {
    const page = await browser.newPage()
    await page.setViewport({ width: 1280, height: 800 })
    page.on('dialog', (d) => void d.dismiss().catch(() => undefined))
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      try {
        await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }).catch((error: Error) => {
          if (error.name !== 'TimeoutError') throw error
          loadTimeouts++
        })
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
  }
  await Promise.all(Array.from({ length: Math.max(1, tabs) }, worker))
  return { results, elapsedMs: Date.now() - started, loadTimeouts }
}
