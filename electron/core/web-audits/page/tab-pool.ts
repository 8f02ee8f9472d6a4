import type { Browser, BrowserContext } from 'puppeteer-core'
import { AuditTab, type Viewport } from './audit-tab'

/**
 * Warm tabs per browser, for batches: a page audit takes an idle tab (cleared since its last page, see
 * tab-isolation.ts) or opens one, and gives it back when done. There are never more tabs than pages audited at
 * once. A tab that last showed the same host is preferred, so a portal's pages keep their warm renderer.
 * A tab is retired after `MAX_PAGES_PER_TAB` pages (its renderer's memory), and idle tabs are closed after
 * `IDLE_CLOSE_MS` (fewer pages in flight) or when the batch closes its browser (closeTabPool).
 */

/**
 * A lease's view of the browser (batch/browser-session.ts) records the contexts opened through it, so that a
 * hung page can be closed. A pooled tab opened under another lease is handed to it under this key when used.
 */
export const adoptContext = Symbol('adoptContext')
type AdoptingBrowser = Browser & { [adoptContext]?: (context: BrowserContext) => void }

export const MAX_PAGES_PER_TAB = 50
const IDLE_CLOSE_MS = 15_000

interface Idle {
  tab: AuditTab
  /** Resolves true once the tab is clean for the next page, false if it had to be closed. */
  ready: Promise<boolean>
  timer: NodeJS.Timeout
}

class TabPool {
  private idle: Idle[] = []

  async take(browser: Browser, url: string, viewport: Viewport): Promise<AuditTab> {
    for (;;) {
      const entry = this.pick(url)
      if (!entry) return AuditTab.open(browser, viewport)
      clearTimeout(entry.timer)
      if (!(await entry.ready) || entry.tab.dead) continue
      ;(browser as AdoptingBrowser)[adoptContext]?.(entry.tab.context)
      return entry.tab
    }
  }

  private pick(url: string): Idle | undefined {
    let host: string | null = null
    try {
      host = new URL(url).host
    } catch {
      // any tab will do
    }
    const i = Math.max(
      0,
      this.idle.findIndex((e) => e.tab.lastHost === host),
    )
    return this.idle.splice(i, 1)[0]
  }

  /** Takes the tab back: cleared in the background, or closed when it is worn out or broken. */
  give(tab: AuditTab): void {
    if (tab.dead || tab.pages >= MAX_PAGES_PER_TAB || !tab.browser.connected) {
      void tab.close()
      return
    }
    const ready = tab.reset().then(
      () => true,
      async () => {
        await tab.close()
        return false
      },
    )
    const entry: Idle = {
      tab,
      ready,
      timer: setTimeout(() => {
        this.idle = this.idle.filter((e) => e !== entry)
        void tab.close()
      }, IDLE_CLOSE_MS).unref(),
    }
    this.idle.push(entry)
  }

  async closeAll(): Promise<void> {
    const idle = this.idle.splice(0)
    await Promise.all(
      idle.map(async (e) => {
        clearTimeout(e.timer)
        await e.ready
        await e.tab.close()
      }),
    )
  }
}

const pools = new WeakMap<Browser, TabPool>()

/** The browser itself behind a lease's view (tabs belong to the browser, not to one lease). */
function realBrowser(browser: Browser): Browser {
  return browser.defaultBrowserContext().browser()
}

function poolOf(browser: Browser): TabPool {
  const real = realBrowser(browser)
  let pool = pools.get(real)
  if (!pool) {
    pool = new TabPool()
    pools.set(real, pool)
  }
  return pool
}

/** A clean warm tab of `browser` for auditing `url` (opened when none is idle). */
export function takeTab(browser: Browser, url: string, viewport: Viewport): Promise<AuditTab> {
  return poolOf(browser).take(browser, url, viewport)
}

/** Gives a tab back after its page; it is cleared before anyone gets it again. */
export function giveTab(tab: AuditTab): void {
  poolOf(tab.browser).give(tab)
}

/** Closes the idle tabs of `browser` (a batch ends, or its browser is replaced: nothing may outlive it). */
export async function closeTabPool(browser: Browser): Promise<void> {
  const real = realBrowser(browser)
  const pool = pools.get(real)
  pools.delete(real)
  await pool?.closeAll()
}
