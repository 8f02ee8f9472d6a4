import type { Browser, BrowserContext, HTTPRequest, Page, Target } from 'puppeteer-core'
import { installRedirectProbe, REDIRECT_SOURCE } from './checks/redirect-timers'
import type { AuditState } from './audit-state'
import { failureMessages, PageAuditError } from './failure'
import { scriptSource } from './page-call'
import { withTimeout } from './timing'

/**
 * The tab the page is audited in: a fresh incognito context per page (reused tabs keep growing through Chromium's
 * back-forward cache), and guards so a hostile page cannot wedge or escape the audit.
 */

const noop = (): void => {}

/**
 * A lease's view of the browser (audits/browser-session.ts) records the contexts opened through it, so that a
 * hung page can be closed. A context opened ahead of time is handed to it under this key when it is used.
 */
export const adoptContext = Symbol('adoptContext')
type AdoptingBrowser = Browser & { [adoptContext]?: (context: BrowserContext) => void }

interface Opened {
  context: BrowserContext
  page: Page
  /** The viewport the tab was already set up for (setUpTab), or null. */
  setUpFor: string | null
}

/** Tab settings that do not depend on the page: the redirect probe, the viewport, CSP bypass. */
async function setUpTab(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await Promise.all([
    // Sees timers that will redirect the page (aa-timed-refresh), before the page's own scripts run.
    page.evaluateOnNewDocument(scriptSource(installRedirectProbe, REDIRECT_SOURCE)),
    page.setViewport(viewport),
    page.setBypassCSP(true), // axe and the checks are evaluated; a strict CSP must not block them
  ])
}

/** A spare nobody took in this time (the batch ended) is closed. */
const SPARE_IDLE_MS = 5_000
/** Per browser: the next page's context and tab, opened while the current page is audited (`prewarm`). */
const spares = new WeakMap<Browser, Promise<Opened | null>>()

async function openSpare(browser: Browser, viewport: { width: number; height: number }): Promise<Opened> {
  const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } })
  try {
    const page = await context.newPage()
    await setUpTab(page, viewport)
    return { context, page, setUpFor: JSON.stringify(viewport) }
  } catch (error) {
    await context.close().catch(noop)
    throw error
  }
}

/** The browser itself behind a lease's view (spares belong to the browser, not to one lease). */
function realBrowser(browser: Browser): Browser {
  return browser.defaultBrowserContext().browser()
}

function prepareSpare(browser: Browser, viewport: { width: number; height: number }): void {
  if (!browser.connected || spares.has(browser)) return
  const opening: Promise<Opened | null> = openSpare(browser, viewport).then(
    (opened) => {
      setTimeout(() => {
        if (spares.get(browser) !== opening) return
        spares.delete(browser)
        void opened.context.close().catch(noop)
      }, SPARE_IDLE_MS).unref()
      return opened
    },
    () => null,
  )
  spares.set(browser, opening)
}

/** Whether the audit's tab came set up already (a spare). */
const tabSetUp = new WeakMap<AuditState, boolean>()

async function takeSpare(browser: Browser): Promise<Opened | null> {
  const opening = spares.get(browser)
  if (!opening) return null
  spares.delete(browser)
  const opened = await opening
  if (!opened) return null
  if (opened.page.isClosed() || !browser.connected) {
    void opened.context.close().catch(noop)
    return null
  }
  return opened
}

function isMainNavigation(page: Page, request: HTTPRequest): boolean {
  return request.isNavigationRequest() && request.frame() === page.mainFrame()
}

/**
 * Opens the context with downloads denied (CDP Browser.setDownloadBehavior for the context) and its page. With
 * `prewarm` (batches), the context and tab opened ahead during the previous page are taken, if there is one, and
 * the next page's are opened now: starting a tab's renderer is mostly waiting, which then overlaps the audit.
 * A spare has never loaded anything, so it is as fresh as one opened now.
 */
export async function openContext(s: AuditState): Promise<void> {
  const browser = realBrowser(s.browser)
  let opened = s.options.prewarm ? await takeSpare(browser) : null
  if (opened) (s.browser as AdoptingBrowser)[adoptContext]?.(opened.context)
  else {
    s.context = await s.browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } })
    opened = { context: s.context, page: await s.context.newPage(), setUpFor: null }
  }
  s.context = opened.context
  const page = opened.page
  s.page = page
  tabSetUp.set(s, opened.setUpFor === JSON.stringify(s.options.viewport))
  // Only in a browser this process launched: a spare left at the end of a batch dies with it, while on a remote
  // browser (a farm) it could outlive a CLI run that exits before the spare's idle timer.
  if (s.options.prewarm && browser.process()) prepareSpare(browser, s.options.viewport)
  // A background tab defers media loading and throttles timers and animation frames: keep the audited one in front.
  ;[s.cdp] = await Promise.all([page.createCDPSession(), page.bringToFront()])
}

/** Installs the guards; call before navigating. */
export async function guardPage(s: AuditState): Promise<void> {
  const { page, context } = s
  if (!page || !context) throw new Error('context not open')
  const own = page.target()

  // Without a handler an alert()/confirm()/prompt()/beforeunload dialog blocks the tab forever.
  page.on('dialog', (d) => void d.dismiss().catch(noop))

  // Popups and window.open tabs: closed as soon as they appear.
  context.on('targetcreated', (t: Target) => {
    if (t.type() !== 'page' || t === own) return
    void t
      .page()
      .then((p) => p?.close())
      .catch(noop)
  })

  const crashed = (): void => s.abort(new PageAuditError('crash', failureMessages.crash()))
  page.on('error', crashed)
  page.on('close', () => {
    if (!s.closing) s.abort(new PageAuditError('internal', failureMessages.internal('页面被脚本关闭')))
  })
  const disconnected = (): void => crashed()
  s.browser.once('disconnected', disconnected)
  s.cleanups.push(() => s.browser.off('disconnected', disconnected))

  // Navigation tracking: the latest main-frame request, its completion and DOM ready.
  page.on('request', (request: HTTPRequest) => {
    const main = isMainNavigation(page, request)
    if (main && s.phase !== 'loading') {
      // After freezing, the page may not navigate away by itself (timed redirects, focus handlers); record it.
      s.blockedNavigations.push({ url: request.url(), afterMs: Date.now() - s.domReadyAt, phase: s.phase })
      if (s.intercepting) void request.abort('aborted').catch(noop)
      return
    }
    s.inFlight.add(request)
    if (main) {
      s.mainRequest = request
      s.mainRequestDone = false
    }
    if (s.intercepting && !request.isInterceptResolutionHandled()) void request.continue().catch(noop)
  })
  const settled = (request: HTTPRequest): void => {
    s.inFlight.delete(request)
    if (request === s.mainRequest) s.mainRequestDone = true
  }
  page.on('requestfinished', settled)
  page.on('requestfailed', settled)
  page.on('domcontentloaded', () => {
    s.domReadyCount++
    s.domReadyAt = Date.now()
    s.documentRequest = s.mainRequest
  })
  page.on('load', () => {
    s.loadedDocument = s.domReadyCount
  })

  if (!tabSetUp.get(s)) await setUpTab(page, s.options.viewport)
}

/** Blocks further main-frame navigations from now on (they are recorded in s.blockedNavigations). */
export async function freezeNavigation(s: AuditState): Promise<void> {
  if (!s.page) return
  s.phase = 'passive'
  s.intercepting = true
  await s.page.setRequestInterception(true)
}

export async function closeContext(s: AuditState): Promise<void> {
  s.closing = true
  for (const cleanup of s.cleanups.splice(0)) cleanup()
  if (s.context) await withTimeout(s.context.close(), 10_000, '关闭浏览器上下文').catch(noop)
  s.context = null
  s.page = null
  s.cdp = null
}
