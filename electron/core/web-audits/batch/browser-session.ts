import type { Browser, BrowserContext } from 'puppeteer-core'
import { adoptContext, closeTabPool } from '../page/tab-pool'

/**
 * The batch's browser as a resource (architecture: "a crashed browser is relaunched and the batch goes on").
 * Workers lease it per page. A disconnect (crash, killed process, remote farm gone) retires it; the next lease
 * launches a new one. After `recycleAfterPages` pages it is retired too, once its pages are done, so a long batch
 * does not inherit the browser's slow memory growth. Launches are serialised: one relaunch, however many workers.
 */

export type BrowserFactory = () => Promise<Browser>

export interface BrowserLease {
  /** The browser to hand to the auditor: records the contexts it creates, so a hung page can be closed. */
  readonly browser: Browser
  readonly generation: number
  /** True once this browser disconnected or was restarted: a failure seen on it may not be the page's fault. */
  lost(): boolean
  /** Closes the contexts created through this lease (a page that overran its hard timeout). */
  closeContexts(timeoutMs?: number): Promise<boolean>
}

interface Entry {
  browser: Browser
  generation: number
  users: number
  pages: number
  retiring: boolean
  dead: boolean
}

export interface BrowserSessionOptions {
  /** Pages per browser before it is replaced; 0 never. */
  recycleAfterPages?: number
  /**
   * False for a farm endpoint: once its browser disconnects or is given up, the session is lost for good (the
   * endpoint is dropped for the rest of the batch) and `acquire` throws EndpointLostError. Default true.
   */
  relaunch?: boolean
  onLaunch?: (generation: number, reason: 'start' | 'crash' | 'recycle' | 'restart') => void
}

/** A farm endpoint that disconnected (or stopped answering CDP) and is not used again in this batch. */
export class EndpointLostError extends Error {}

export class BrowserSession {
  private current: Entry | null = null
  private lost = false
  private launching: Promise<void> | null = null
  private generation = 0
  private nextReason: 'start' | 'crash' | 'recycle' | 'restart' = 'start'
  private drainWaiters: Array<() => void> = []
  private closed = false

  constructor(
    private readonly factory: BrowserFactory,
    private readonly options: BrowserSessionOptions = {},
  ) {}

  get launches(): number {
    return this.generation
  }

  /** A farm endpoint's session whose browser is gone: no page is given to it again. */
  get lostForGood(): boolean {
    return this.lost
  }

  async acquire(): Promise<BrowserLease> {
    for (;;) {
      if (this.closed) throw new Error('浏览器会话已关闭')
      const entry = this.current
      if (
        this.options.relaunch === false &&
        (this.lost || (entry && (entry.dead || !entry.browser.connected)))
      )
        throw this.loseForGood(entry)
      if (entry && !entry.dead && !entry.retiring && entry.browser.connected) {
        entry.users++
        entry.pages++
        if (this.options.recycleAfterPages && entry.pages >= this.options.recycleAfterPages) {
          entry.retiring = true
          this.nextReason = 'recycle'
        }
        return this.lease(entry)
      }
      if (entry && !entry.dead && entry.users > 0) {
        await new Promise<void>((resolve) => this.drainWaiters.push(resolve))
        continue
      }
      if (entry) {
        this.current = null
        await shutdown(entry.browser)
      }
      this.launching ??= this.launch().finally(() => (this.launching = null))
      try {
        await this.launching
      } catch (error) {
        if (this.options.relaunch !== false) throw error
        // A farm endpoint that cannot be reached is dropped like one that disconnected.
        this.lost = true
        throw new EndpointLostError(error instanceof Error ? error.message : String(error))
      }
    }
  }

  /** Ends a lease. The last user of a retiring browser lets the waiting workers relaunch. */
  release(lease: BrowserLease): void {
    const entry = this.current
    if (!entry || entry.generation !== lease.generation) return
    entry.users = Math.max(0, entry.users - 1)
    if (entry.users === 0) this.wakeDrainWaiters()
  }

  /** Kills the browser of `lease` (hung beyond repair); the next acquire launches another. */
  async restart(lease: BrowserLease): Promise<void> {
    const entry = this.current
    if (!entry || entry.generation !== lease.generation) return
    entry.dead = true
    this.nextReason = 'restart'
    this.current = null
    if (this.options.relaunch === false) this.lost = true
    this.wakeDrainWaiters()
    await shutdown(entry.browser)
  }

  /**
   * After a page failed the way a dying browser makes pages fail: does the browser still answer CDP? A connection
   * that stays open while its calls fail (target or connection closed) is given up like a disconnect. True when
   * it answers.
   */
  async verify(lease: BrowserLease, timeoutMs = 5000): Promise<boolean> {
    if (lease.lost()) return false
    const entry = this.current
    if (!entry || entry.generation !== lease.generation) return false
    const answered = await Promise.race([
      entry.browser.version().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref()),
    ])
    if (!answered) await this.restart(lease)
    return answered
  }

  async close(): Promise<void> {
    this.closed = true
    this.wakeDrainWaiters()
    if (this.launching) await this.launching.catch(() => undefined)
    const entry = this.current
    this.current = null
    if (entry) await shutdown(entry.browser)
  }

  private loseForGood(entry: Entry | null): EndpointLostError {
    this.lost = true
    if (entry) {
      this.current = null
      void shutdown(entry.browser) // a remote browser: disconnect only, it is not ours to close
    }
    return new EndpointLostError('远程浏览器已断开')
  }

  private wakeDrainWaiters(): void {
    const waiters = this.drainWaiters
    this.drainWaiters = []
    for (const wake of waiters) wake()
  }

  private async launch(): Promise<void> {
    const browser = await this.factory()
    const entry: Entry = {
      browser,
      generation: ++this.generation,
      users: 0,
      pages: 0,
      retiring: false,
      dead: false,
    }
    browser.once('disconnected', () => {
      entry.dead = true
      if (this.options.relaunch === false) this.lost = true
      this.nextReason = 'crash'
      this.wakeDrainWaiters()
    })
    if (this.closed) {
      await shutdown(browser)
      return
    }
    this.current = entry
    this.options.onLaunch?.(entry.generation, this.nextReason)
    this.nextReason = 'restart'
  }

  private lease(entry: Entry): BrowserLease {
    const contexts: BrowserContext[] = []
    return {
      browser: trackContexts(entry.browser, contexts),
      generation: entry.generation,
      lost: () => entry.dead || this.current !== entry || !entry.browser.connected,
      closeContexts: async (timeoutMs = 5000) => {
        const closing = Promise.all(contexts.map((c) => c.close().catch(() => undefined))).then(() => true)
        return Promise.race([
          closing,
          new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref()),
        ])
      },
    }
  }
}

/**
 * A view of `browser` that records every context the auditor creates. Methods are bound to the real object,
 * whose private fields a Proxy receiver could not reach.
 */
function trackContexts(browser: Browser, contexts: BrowserContext[]): Browser {
  return new Proxy(browser, {
    get(target, prop) {
      // A context the page auditor opened ahead of time (outside any lease) and now uses under this one.
      if (prop === adoptContext) return (context: BrowserContext) => contexts.push(context)
      if (prop === 'createBrowserContext') {
        return async (...args: Parameters<Browser['createBrowserContext']>) => {
          const context = await target.createBrowserContext(...args)
          contexts.push(context)
          return context
        }
      }
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}

/**
 * Closes a launched browser (killing it if close hangs) or disconnects from a remote one, after closing the warm
 * tabs kept for it (on a remote browser they would outlive the batch).
 */
export async function shutdown(browser: Browser, timeoutMs = 5000): Promise<void> {
  if (browser.connected) await withLimit(closeTabPool(browser), timeoutMs)
  const child = browser.process()
  if (!child) {
    await browser.disconnect().catch(() => undefined)
    return
  }
  const closed = browser.close().then(
    () => true,
    () => false,
  )
  const ok = await Promise.race([
    closed,
    new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref()),
  ])
  if (!ok && child.exitCode === null) child.kill('SIGKILL')
}

function withLimit(work: Promise<void>, ms: number): Promise<void> {
  return Promise.race([work, new Promise<void>((r) => setTimeout(r, ms).unref())]).catch(() => undefined)
}
