import type {
  Browser,
  BrowserContext,
  CDPSession,
  Dialog,
  Frame,
  HTTPRequest,
  Page,
  Target,
} from 'puppeteer-core'
import { installRedirectProbe, REDIRECT_SOURCE } from './checks/redirect-timers'
import type { AuditState } from './audit-state'
import { axeLoaderScript, AXE_WORLD } from './axe-source'
import { failureMessages, PageAuditError } from './failure'
import { scriptSource } from './page-call'
import { clearBetweenPages } from './tab-isolation'
import { withTimeout } from './timing'

/**
 * The tab a page is audited in: its own incognito context (so clearing it touches nobody else's page), one tab,
 * and one CDP session of ours. What does not depend on the page is set up once per tab — the guards (dialogs,
 * popups, crashes), the redirect probe, axe's loader in an isolated world, CSP bypass — and the listeners that
 * track a page's loading report to whichever audit is current. A tab is used for one page at a time; between
 * pages `reset()` clears everything an earlier page could leave behind (tab-isolation.ts), so the next page is a
 * first visit in a warm renderer.
 */

const noop = (): void => {}
const SETUP_TIMEOUT_MS = 15_000

export interface Viewport {
  width: number
  height: number
}

/** puppeteer's frame id (CDP Page.FrameId), also for out-of-process frames our own session does not see. */
export function frameIdOf(frame: Frame): string | null {
  const id = (frame as unknown as { _id?: unknown })._id
  return typeof id === 'string' ? id : null
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null
  } catch {
    return null
  }
}

export class AuditTab {
  /** The audit using the tab now (listeners report to it), or null between pages. */
  private current: AuditState | null = null
  /** Set once the tab can no longer be used (crashed, closed, its browser gone, a reset that failed). */
  dead = false
  /** Pages audited in this tab (for recycling it). */
  pages = 0
  /** Host of the last page, so a pool can give a portal's next page the renderer that has its site warm. */
  lastHost: string | null = null
  /** Origins of documents (main frame and frames) since the last reset: their storage is cleared. */
  readonly origins = new Set<string>()
  /** Storage keys of frames since the last reset (partitioned storage of third-party frames). */
  readonly storageKeys = new Set<string>()
  /** Secure origins seen in this context: their permissions are held at "ask" (see tab-isolation.ts). */
  readonly promptOrigins = new Set<string>()
  /** Main-frame navigations are blocked (after settle); see freeze(). */
  private frozen = false
  /** Every request fails (the page is being left): see blockAllRequests(). */
  private blockingAll = false
  /** Network.setBlockedURLs was used for the current page (navigation.ts): cleared on reset. */
  urlsBlocked = false
  /** Storage-key lookups still on their way (reset waits for them, so no frame is missed). */
  private readonly frameNotes = new Set<Promise<void>>()
  private browserCdp: Promise<CDPSession> | null = null
  private viewport: string
  private readonly mainFrameId: string
  private readonly offBrowser: () => void

  private constructor(
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly cdp: CDPSession,
    mainFrameId: string,
    viewport: Viewport,
  ) {
    this.mainFrameId = mainFrameId
    this.viewport = JSON.stringify(viewport)
    const gone = (): void => this.lose(new PageAuditError('crash', failureMessages.crash()))
    browser.on('disconnected', gone)
    this.offBrowser = () => browser.off('disconnected', gone)
  }

  /** Opens a context (downloads denied) and its tab, and sets up what every page audited in it needs. */
  static async open(browser: Browser, viewport: Viewport): Promise<AuditTab> {
    const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } })
    try {
      const page = await context.newPage()
      const cdp = await page.createCDPSession()
      const [{ frameTree }] = await withTimeout(
        Promise.all([
          cdp.send('Page.getFrameTree'),
          cdp.send('Page.enable'),
          // Sees timers that will redirect the page (aa-timed-refresh), before the page's own scripts run.
          page.evaluateOnNewDocument(scriptSource(installRedirectProbe, REDIRECT_SOURCE)),
          cdp.send('Page.addScriptToEvaluateOnNewDocument', {
            source: axeLoaderScript(),
            worldName: AXE_WORLD,
          }),
          page.setViewport(viewport),
          page.setBypassCSP(true), // axe and the checks are evaluated; a strict CSP must not block them
          // A background tab defers media loading and throttles timers: keep the audited one in front.
          page.bringToFront(),
        ]),
        SETUP_TIMEOUT_MS,
        '准备标签页',
      )
      const tab = new AuditTab(browser, context, page, cdp, frameTree.frame.id, viewport)
      tab.listen()
      return tab
    } catch (error) {
      await context.close().catch(noop)
      throw error
    }
  }

  /** The listeners, once per tab; page-specific ones report to `current`. */
  private listen(): void {
    const { page, context, cdp } = this
    const own = page.target()
    // Without a handler an alert()/confirm()/prompt() blocks the tab forever. beforeunload is accepted: leaving a
    // page (between audits) must not be refused by it; while auditing, the pipeline blocks navigations itself.
    page.on('dialog', (d: Dialog) => {
      void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(noop)
    })
    // Popups and window.open tabs: closed as soon as they appear.
    context.on('targetcreated', (t: Target) => {
      if (t.type() !== 'page' || t === own) return
      void t
        .page()
        .then((p) => p?.close())
        .catch(noop)
    })
    page.on('error', () => this.lose(new PageAuditError('crash', failureMessages.crash())))
    page.on('close', () =>
      this.lose(new PageAuditError('internal', failureMessages.internal('页面被脚本关闭'))),
    )
    page.on('request', (request: HTTPRequest) => this.onRequest(request))
    const settled = (request: HTTPRequest): void => {
      const s = this.current
      if (!s) return
      s.inFlight.delete(request)
      if (request === s.mainRequest) s.mainRequestDone = true
      s.changes.notify()
    }
    page.on('requestfinished', settled)
    page.on('requestfailed', settled)
    page.on('domcontentloaded', () => {
      const s = this.current
      if (!s) return
      s.domReadyCount++
      s.domReadyAt = Date.now()
      s.documentRequest = s.mainRequest
      s.changes.notify()
    })
    page.on('load', () => {
      const s = this.current
      if (!s) return
      s.loadedDocument = s.domReadyCount
      s.changes.notify()
    })
    page.on('framenavigated', (frame: Frame) => this.noteFrame(frame))
    // Main-frame navigations after the page was frozen (timed redirects, focus handlers) are blocked and recorded;
    // only document requests are intercepted, so images and scripts never wait for us. While the page is left,
    // every request is intercepted and fails (blockAllRequests).
    cdp.on('Fetch.requestPaused', (event) => {
      if (this.blockingAll) {
        void cdp
          .send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
          .catch(noop)
        return
      }
      const s = this.current
      const block = this.frozen && s !== null && event.frameId === this.mainFrameId
      if (block) {
        const phase = s.phase === 'loading' ? 'passive' : s.phase
        s.blockedNavigations.push({ url: event.request.url, afterMs: Date.now() - s.domReadyAt, phase })
        s.changes.notify()
      }
      const reply = block
        ? cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'Aborted' })
        : cdp.send('Fetch.continueRequest', { requestId: event.requestId })
      void reply.catch(noop)
    })
  }

  private onRequest(request: HTTPRequest): void {
    const s = this.current
    if (!s) return
    const main = request.isNavigationRequest() && request.frame() === this.page.mainFrame()
    if (main && this.frozen) return // blocked by the Fetch handler, recorded there
    s.inFlight.add(request)
    if (main) {
      s.mainRequest = request
      s.mainRequestDone = false
    }
    s.changes.notify()
  }

  /** Records what a document's storage is keyed by, so reset() can clear it. */
  private noteFrame(frame: Frame): void {
    const origin = originOf(frame.url())
    if (!origin) return
    this.origins.add(origin)
    if (origin.startsWith('https:') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(origin))
      this.promptOrigins.add(origin)
    const id = frameIdOf(frame)
    if (!id || frame === this.page.mainFrame()) return
    // A third-party frame's storage is partitioned under the top-level site: only its storage key names it.
    const note: Promise<void> = this.cdp
      .send('Storage.getStorageKeyForFrame', { frameId: id })
      .then(({ storageKey }) => void this.storageKeys.add(storageKey))
      .catch(noop)
      .finally(() => this.frameNotes.delete(note))
    this.frameNotes.add(note)
  }

  /**
   * Looks the storage keys of the frames still attached up again: a lookup made when a frame navigated can answer
   * for the document it replaced (its parent's key), and only a committed document names its partition.
   */
  noteAttachedFrames(): void {
    for (const frame of this.page.frames()) this.noteFrame(frame)
  }

  /** Waits for the storage keys still being looked up. */
  async settleFrameNotes(): Promise<void> {
    await withTimeout(Promise.all([...this.frameNotes]), 5_000, '读取存储键').catch(noop)
  }

  get mainFrame(): string {
    return this.mainFrameId
  }

  get contextId(): string | undefined {
    return this.context.id
  }

  /** A browser-level CDP session (permissions are set per browser context), opened on first use. */
  browserSession(): Promise<CDPSession> {
    this.browserCdp ??= this.browser.target().createCDPSession()
    return this.browserCdp
  }

  /** The tab cannot be used any more; the audit on it (if any) ends with `error`. */
  private lose(error: PageAuditError): void {
    if (this.closing) return
    this.dead = true
    this.current?.abort(error)
  }

  private closing = false

  /** Starts an audit in this tab: its listeners now report to `s`. */
  async begin(s: AuditState): Promise<void> {
    if (this.dead) throw new PageAuditError('internal', failureMessages.internal('标签页已不可用'))
    if (this.blockingAll) await this.unblockAllRequests()
    this.current = s
    s.context = this.context
    s.page = this.page
    s.cdp = this.cdp
    this.pages++
    const wanted = JSON.stringify(s.options.viewport)
    if (wanted !== this.viewport) {
      await this.page.setViewport(s.options.viewport)
      this.viewport = wanted
    }
  }

  /** The audit is over: nothing reports to it any more. */
  end(s: AuditState): void {
    if (this.current === s) this.current = null
    this.lastHost = (() => {
      try {
        return new URL(s.finalUrl ?? s.url).host
      } catch {
        return null
      }
    })()
  }

  /** Blocks main-frame navigations from now on (recorded in the current audit's blockedNavigations). */
  async freeze(): Promise<void> {
    this.frozen = true
    await this.cdp.send('Fetch.enable', {
      patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }],
    })
  }

  /**
   * Fails every request of the tab from now on: while a page is left and until the next page begins (see
   * tab-isolation.ts). Lifted only then, because Fetch.disable lets a request still waiting for our answer go
   * through, and a beacon sent while the page unloaded may be reported after the page is gone.
   */
  async blockAllRequests(): Promise<void> {
    this.blockingAll = true
    await this.cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] })
  }

  /** Ends blockAllRequests() and with it the navigation block of freeze(): the next page loads freely. */
  async unblockAllRequests(): Promise<void> {
    await this.cdp.send('Fetch.disable')
    this.blockingAll = false
  }

  /** The viewport was changed by a check (reflow): the next page gets the one it asks for. */
  viewportChanged(): void {
    this.viewport = ''
  }

  /**
   * Leaves the page and clears what it left behind: cookies, storage of every origin and frame it had, service
   * workers, the HTTP cache, permission decisions, the window name and the tab's history. Throws when the tab
   * could not be brought back to a clean state; the caller then closes it.
   */
  async reset(): Promise<void> {
    if (this.dead) throw new Error('tab lost')
    // freeze()'s interception is widened to every request while the page is left, and ended with the clearing.
    this.frozen = false
    await clearBetweenPages(this)
  }

  async close(): Promise<void> {
    this.closing = true
    this.dead = true
    this.offBrowser()
    if (this.browserCdp) void this.browserCdp.then((c) => c.detach()).catch(noop)
    await withTimeout(this.context.close(), 10_000, '关闭浏览器上下文').catch(noop)
  }
}
