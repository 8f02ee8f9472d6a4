import type { AuditState } from './audit-state'
import { pageOf } from './audit-state'
import { classifyNavigationError, failureMessages, PageAuditError } from './failure'
import { captureSource } from './raw-source'
import { remaining, StepTimeoutError, withTimeout } from './timing'

/**
 * Loading the page. Navigation goes through CDP Page.navigate rather than page.goto: puppeteer's lifecycle wait
 * includes every child frame, so one hanging third-party iframe would stall it, while only the main document's
 * DOMContentLoaded matters here.
 */

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i
/** How long the second load (with hanging subresources blocked) may take to reach DOM ready. */
const RELOAD_MS = 10_000
/** Client-side redirects (location.href = …, meta refresh 0) followed while loading, e.g. "/" → "/portal/". */
const MAX_CLIENT_REDIRECTS = 3
/** A failed navigation's response status arrives with (or just after) the failure. */
const STATUS_WAIT_MS = 1_000

const until = (s: AuditState, check: () => boolean, deadline: number): Promise<boolean> =>
  s.changes.until(check, deadline)

type NavigateResult = { errorText?: string; isDownload?: boolean }

async function startNavigation(s: AuditState, deadline: number): Promise<NavigateResult> {
  const cdp = s.cdp
  if (!cdp) throw new Error('CDP session not open')
  try {
    return await withTimeout(cdp.send('Page.navigate', { url: s.url }), remaining(deadline), '导航')
  } catch (err) {
    if (err instanceof StepTimeoutError)
      throw new PageAuditError('timeout', failureMessages.timeout(s.options.navigationTimeoutMs))
    throw err
  }
}

/**
 * The document arrived but DOM ready never came: a synchronous script or stylesheet in it hangs (a stats
 * counter, a font host). Stopping the load would cut the document off at that tag, so the page is loaded once
 * more with the hanging subresources blocked (they then fail at once, as they would after a network timeout).
 */
async function reloadWithoutHangs(s: AuditState): Promise<boolean> {
  const cdp = s.cdp
  const hanging = [...s.inFlight].filter((r) => r !== s.mainRequest).map((r) => r.url())
  if (!cdp || !s.mainRequestDone || hanging.length === 0 || remaining(s.deadline) < RELOAD_MS) return false
  s.blockedSubresources = hanging
  if (s.tab) s.tab.urlsBlocked = true
  await cdp.send('Network.enable')
  await cdp.send('Network.setBlockedURLs', { urls: hanging })
  const seen = s.domReadyCount
  const deadline = Date.now() + RELOAD_MS
  const result = await startNavigation(s, deadline)
  if (result.errorText || result.isDownload) return false
  return until(s, () => s.domReadyCount > seen, deadline)
}

export async function navigate(s: AuditState): Promise<void> {
  const timeoutMs = s.options.navigationTimeoutMs
  const deadline = Math.min(Date.now() + timeoutMs, s.deadline)
  const seen = s.domReadyCount
  const result = await startNavigation(s, deadline)
  if (result.isDownload) throw new PageAuditError('not-html', failureMessages.download())
  if (result.errorText) {
    // A 4xx/5xx with an empty body ends as Chromium's own error page (ERR_HTTP_RESPONSE_CODE_FAILURE); its status
    // comes with the request's end.
    await until(s, () => s.mainRequestDone, Date.now() + STATUS_WAIT_MS)
    const status = s.mainRequest?.response()?.status() ?? 0
    if (status >= 400) {
      s.status = status
      throw new PageAuditError('http-status', failureMessages.httpStatus(status))
    }
    throw classifyNavigationError(result.errorText, s.url)
  }
  if (!(await until(s, () => s.domReadyCount > seen, deadline)) && !(await reloadWithoutHangs(s)))
    throw new PageAuditError('timeout', failureMessages.timeout(timeoutMs))
  await s.options.hooks?.afterNavigation?.(pageOf(s))
}

/** Status and content type of the document on screen: 4xx/5xx and non-HTML end the audit. */
export async function checkDocument(s: AuditState): Promise<void> {
  const page = pageOf(s)
  const response = s.documentRequest?.response() ?? null
  s.status = response?.status() ?? null
  s.headers = response?.headers() ?? {}
  s.contentType = s.headers['content-type'] ?? ''
  s.finalUrl = page.url()
  if (s.status !== null && s.status >= 400)
    throw new PageAuditError('http-status', failureMessages.httpStatus(s.status))
  // document.contentType is what Chromium decided after sniffing (it also covers a missing header).
  const docType = await withTimeout(page.evaluate('document.contentType'), 10_000, '读取文档类型').catch(
    () => '',
  )
  const type = typeof docType === 'string' && docType ? docType : s.contentType
  if (!HTML_TYPES.test(type) || (s.contentType && !HTML_TYPES.test(s.contentType)))
    throw new PageAuditError('not-html', failureMessages.notHtml(s.contentType || type))
}

/** A client-side redirect is under way: a newer main-frame request than the document on screen. */
const redirecting = (s: AuditState): boolean => s.mainRequest !== s.documentRequest && !s.mainRequestDone

/**
 * Waits for the document's load event — what a first-time visitor's browser waits for, and what axe-core's own
 * users wait for — but never longer than `cap`: a counter, font or widget that never answers does not hold the
 * audit. After the load event, the requests still in flight (content fetched by scripts) are waited for, at most
 * `postLoadMs`. Nothing here waits a fixed time: each wait ends on the event it waits for.
 */
async function waitForLoad(s: AuditState, cap: number): Promise<void> {
  const deadline = Date.now() + cap
  const loaded = (): boolean => s.loadedDocument === s.domReadyCount
  if (!(await until(s, () => loaded() || redirecting(s), deadline)) || redirecting(s)) return
  const quiet = Math.min(deadline, Date.now() + s.options.postLoadMs)
  await until(s, () => s.inFlight.size === 0 || redirecting(s), quiet)
}

export async function settle(s: AuditState): Promise<void> {
  const { settleMs, navigationTimeoutMs } = s.options
  for (let hop = 0; hop <= MAX_CLIENT_REDIRECTS; hop++) {
    const seen = s.domReadyCount
    await waitForLoad(s, Math.min(settleMs, remaining(s.deadline)))
    if (!redirecting(s) || hop === MAX_CLIENT_REDIRECTS) return
    const before = s.documentRequest
    const deadline = Math.min(Date.now() + navigationTimeoutMs, s.deadline)
    if (!(await until(s, () => s.domReadyCount > seen || s.mainRequestDone, deadline)))
      throw new PageAuditError('timeout', failureMessages.timeout(navigationTimeoutMs))
    if (s.documentRequest === before) {
      // The navigation ended without a new document (a download, a 204): stay with the page we have, unless
      // it is committing right now.
      await until(s, () => s.domReadyCount > seen, Math.min(Date.now() + 1_000, s.deadline))
      if (s.documentRequest === before) return
    }
    await checkDocument(s)
    await captureSource(s)
  }
}
