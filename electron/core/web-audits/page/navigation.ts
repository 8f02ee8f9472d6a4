import type { AuditState } from './audit-state'
import { pageOf } from './audit-state'
import { classifyNavigationError, failureMessages, PageAuditError } from './failure'
import { captureSource } from './raw-source'
import { remaining, sleep, StepTimeoutError, withTimeout } from './timing'

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

async function until(check: () => boolean, deadline: number): Promise<boolean> {
  while (!check()) {
    if (Date.now() >= deadline) return false
    await sleep(Math.min(10, remaining(deadline)))
  }
  return true
}

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
  await cdp.send('Network.enable')
  await cdp.send('Network.setBlockedURLs', { urls: hanging })
  const seen = s.domReadyCount
  const deadline = Date.now() + RELOAD_MS
  const result = await startNavigation(s, deadline)
  if (result.errorText || result.isDownload) return false
  return until(() => s.domReadyCount > seen, deadline)
}

export async function navigate(s: AuditState): Promise<void> {
  const cdp = s.cdp
  if (!cdp) throw new Error('CDP session not open')
  const timeoutMs = s.options.navigationTimeoutMs
  const deadline = Math.min(Date.now() + timeoutMs, s.deadline)
  const seen = s.domReadyCount
  let result: { errorText?: string; isDownload?: boolean }
  try {
    result = await withTimeout(cdp.send('Page.navigate', { url: s.url }), remaining(deadline), '导航')
  } catch (err) {
    if (err instanceof StepTimeoutError)
      throw new PageAuditError('timeout', failureMessages.timeout(timeoutMs))
    throw err
  }
  if (result.isDownload) throw new PageAuditError('not-html', failureMessages.download())
  if (result.errorText) {
    // A 4xx/5xx with an empty body ends as Chromium's own error page (ERR_HTTP_RESPONSE_CODE_FAILURE).
    await sleep(100)
    const status = s.mainRequest?.response()?.status() ?? 0
    if (status >= 400) {
      s.status = status
      throw new PageAuditError('http-status', failureMessages.httpStatus(status))
    }
    throw classifyNavigationError(result.errorText, s.url)
  }
  if (!(await until(() => s.domReadyCount > seen, deadline)) && !(await reloadWithoutHangs(s)))
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

/** Quiet time that counts as settled once the document's load event fired, and before it. */
const LOADED_IDLE_MS = 100
const LOADING_IDLE_MS = 500

/**
 * Waits until the document has loaded and the network has been quiet for 100 ms (500 ms while the load event has
 * not come), never longer than settleMs: pages whose third-party scripts, fonts or counters never answer are
 * audited after the cap. A page that is already loaded and idle costs one short quiet period, not a fixed
 * 500 ms. Client-side redirects started meanwhile are followed like a navigation.
 */
async function quiet(s: AuditState, cap: number): Promise<void> {
  const page = pageOf(s)
  const deadline = Date.now() + cap
  const stop = new AbortController()
  const { signal } = stop
  const loaded = (): boolean => s.loadedDocument === s.domReadyCount
  // While loading, a long quiet period alone also counts (a page whose load event waits on a hung request).
  const idle = page.waitForNetworkIdle({ idleTime: LOADING_IDLE_MS, timeout: cap, signal }).catch(() => {})
  const loadedThenIdle = (async () => {
    if (!(await until(() => loaded() || signal.aborted, deadline)) || signal.aborted) return
    const timeout = Math.max(1, remaining(deadline))
    await page.waitForNetworkIdle({ idleTime: LOADED_IDLE_MS, timeout, signal }).catch(() => {})
  })()
  try {
    await Promise.race([idle, loadedThenIdle, sleep(cap)])
  } finally {
    stop.abort()
  }
}

export async function settle(s: AuditState): Promise<void> {
  const { settleMs, navigationTimeoutMs } = s.options
  for (let hop = 0; hop <= MAX_CLIENT_REDIRECTS; hop++) {
    const seen = s.domReadyCount
    const cap = Math.min(settleMs, remaining(s.deadline))
    await quiet(s, cap)
    const redirecting = s.mainRequest !== s.documentRequest && !s.mainRequestDone
    if (!redirecting || hop === MAX_CLIENT_REDIRECTS) return
    const before = s.documentRequest
    const deadline = Math.min(Date.now() + navigationTimeoutMs, s.deadline)
    if (!(await until(() => s.domReadyCount > seen || s.mainRequestDone, deadline)))
      throw new PageAuditError('timeout', failureMessages.timeout(navigationTimeoutMs))
    if (s.documentRequest === before) {
      // The navigation ended without a new document (a download, a 204): stay with the page we have, unless
      // it is committing right now.
      await until(() => s.domReadyCount > seen, Math.min(Date.now() + 1_000, s.deadline))
      if (s.documentRequest === before) return
    }
    await checkDocument(s)
    await captureSource(s)
  }
}
