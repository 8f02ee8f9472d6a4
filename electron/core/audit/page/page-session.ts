import type { HTTPRequest, Page, Target } from 'puppeteer-core'
import { installRedirectProbe, REDIRECT_SOURCE } from '../checks/redirect-timers'
import type { AuditState } from './audit-state'
import { failureMessages, PageAuditError } from './failure'
import { scriptSource } from './page-call'
import { withTimeout } from './timing'

/**
 * The tab the page is audited in: a fresh incognito context per page (reused tabs keep growing through Chromium's
 * back-forward cache), and guards so a hostile page cannot wedge or escape the audit.
 */

const noop = (): void => {}

function isMainNavigation(page: Page, request: HTTPRequest): boolean {
  return request.isNavigationRequest() && request.frame() === page.mainFrame()
}

/** Opens the context with downloads denied (CDP Browser.setDownloadBehavior for the context) and its page. */
export async function openContext(s: AuditState): Promise<void> {
  s.context = await s.browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } })
  const page = await s.context.newPage()
  s.page = page
  s.cdp = await page.createCDPSession()
  // A background tab defers media loading and throttles timers and animation frames: keep the audited one in front.
  await page.bringToFront()
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

  // Sees timers that will redirect the page (aa-timed-refresh), before the page's own scripts run.
  await page.evaluateOnNewDocument(scriptSource(installRedirectProbe, REDIRECT_SOURCE))
  await page.setViewport(s.options.viewport)
  await page.setBypassCSP(true) // axe and the checks are evaluated; a strict CSP must not block them
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
