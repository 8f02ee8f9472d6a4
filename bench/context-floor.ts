import type { Browser } from 'puppeteer-core'

/**
 * The floor of any auditor that honours "a fresh incognito context per page": each worker opens a new incognito
 * context and tab, navigates to DOM ready, and closes the context — no axe, no checks, nothing else. Its pages per
 * minute is the ceiling of the real path, however little work it does per page, so printing it beside the baseline
 * shows how much of a gap the per-page context alone leaves.
 */
export async function runContextFloor(
  browser: Browser,
  urls: readonly string[],
  concurrency: number,
): Promise<{ elapsedMs: number; failures: number }> {
  const queue = [...urls]
  let failures = 0
  const started = Date.now()
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } })
      try {
        const page = await context.newPage()
        page.on('dialog', (d) => void d.dismiss().catch(() => undefined))
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 })
      } catch {
        failures++
      } finally {
        await context.close().catch(() => undefined)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
  return { elapsedMs: Date.now() - started, failures }
}
