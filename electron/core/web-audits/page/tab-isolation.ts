import type { CDPSession } from 'puppeteer-core'
import type { AuditTab } from './audit-tab'
import { withTimeout } from './timing'

/**
 * What makes the next page in a reused tab a first visit. Measured on Chromium (tests/integration/web-audits/
 * page/tab-isolation.test.ts sets each kind of state on page A and reads it on page B of the same origin):
 *
 * - the page is left first (location.replace('about:blank') from the page, so its unload handlers run and may
 *   write storage *before* it is cleared, it is not kept in the back-forward cache, and the renderer — warm, with
 *   axe compiled — stays; a page that does not answer is left with Page.navigate instead), with every request of
 *   the page and its in-process frames failed until the next page begins, so that a beacon its pagehide handler
 *   sends cannot set a cookie after the clearing (a cross-site frame's requests are another target's: not covered);
 * - cookies and the HTTP cache of the context: Network.clearBrowserCookies / clearBrowserCache;
 * - local and session storage, IndexedDB, Cache Storage, service workers, file systems, storage buckets,
 *   shared storage of every origin the page had a document of: Storage.clearDataForOrigin (all types);
 * - the same for third-party frames, whose storage is partitioned under the top-level site and is reached only by
 *   its storage key: Storage.clearDataForStorageKey;
 * - permissions: a grant (CDP overrides) is removed with Browser.resetPermissions; a decision the page caused
 *   itself (headless Chromium answers geolocation or notification requests with a stored "denied") cannot be
 *   removed over CDP, so every secure origin seen in the context is held at "ask" (Browser.setPermission prompt),
 *   which is what a fresh context reports (insecure origins cannot use these features and are left alone);
 * - window.name, which survives a same-site navigation in the same tab;
 * - the tab's history (Page.resetNavigationHistory), so history.length is what a fresh tab shows.
 */

/** Permissions a page can prompt for on a desktop browser (a decision about them would otherwise be stored). */
export const promptedPermissions: ReadonlyArray<{ name: string; sysex?: boolean }> = [
  { name: 'geolocation' },
  { name: 'notifications' },
  { name: 'camera' },
  { name: 'microphone' },
  { name: 'midi', sysex: true },
  { name: 'clipboard-read' },
  { name: 'idle-detection' },
  { name: 'storage-access' },
  { name: 'local-fonts' },
  { name: 'window-management' },
  { name: 'keyboard-lock' },
  { name: 'pointer-lock' },
  { name: 'captured-surface-control' },
  { name: 'speaker-selection' },
]

const STEP_TIMEOUT_MS = 10_000
const LEAVE_TIMEOUT_MS = 5_000

/** Resolves when the main frame has committed about:blank (our session has Page enabled). */
function blankCommitted(cdp: CDPSession, mainFrameId: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      clearTimeout(timer)
      cdp.off('Page.frameNavigated', onNavigated)
      resolve(ok)
    }
    const onNavigated = (event: { frame: { id: string; url: string } }): void => {
      if (event.frame.id === mainFrameId && event.frame.url === 'about:blank') done(true)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    cdp.on('Page.frameNavigated', onNavigated)
  })
}

/** Leaves the audited page for about:blank: from the page itself when it answers, else from the browser. */
async function leavePage(tab: AuditTab, mainFrameId: string): Promise<void> {
  const { cdp, page } = tab
  const url = page.url()
  if (url === 'about:blank') return
  if (/^https?:/i.test(url)) {
    const committed = blankCommitted(cdp, mainFrameId, LEAVE_TIMEOUT_MS)
    const asked = await withTimeout(
      cdp.send('Runtime.evaluate', { expression: "location.replace('about:blank')" }),
      LEAVE_TIMEOUT_MS,
      '离开页面',
    ).then(
      () => true,
      () => false,
    )
    if (asked && (await committed)) return
  }
  // An error page, or a page whose scripts do not let it go: the browser navigates it away.
  const committed = blankCommitted(cdp, mainFrameId, STEP_TIMEOUT_MS)
  await withTimeout(cdp.send('Page.navigate', { url: 'about:blank' }), STEP_TIMEOUT_MS, '离开页面')
  if (!(await committed)) throw new Error('the tab did not leave the page')
}

/**
 * Page.resetNavigationHistory, once the blank document is the tab's active one. Right after about:blank commits,
 * Chromium may still be swapping the tab's document host, and the call fails with "Not attached to an active page"
 * (about one page in five in the audit benchmark); the tab was then closed and a new one opened, which cost a new
 * context, new renderers and axe compiled again. The call is repeated until the swap is done.
 */
export async function resetHistory(cdp: CDPSession): Promise<void> {
  const until = Date.now() + LEAVE_TIMEOUT_MS
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    try {
      await cdp.send('Page.resetNavigationHistory')
      return
    } catch (error) {
      if (!/not attached to an active page/i.test(String(error)) || Date.now() + wait > until) throw error
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}

async function resetPermissions(tab: AuditTab, browserSession: CDPSession): Promise<void> {
  const browserContextId = tab.contextId
  await browserSession.send('Browser.resetPermissions', { browserContextId })
  await Promise.all(
    [...tab.promptOrigins].flatMap((origin) =>
      promptedPermissions.map((permission) =>
        browserSession
          .send('Browser.setPermission', { permission, setting: 'prompt', origin, browserContextId })
          // A permission this Chromium does not know cannot have been decided either.
          .catch(() => undefined),
      ),
    ),
  )
}

/** Clears everything page A could leave for page B in this tab (see the module comment). */
export async function clearBetweenPages(tab: AuditTab): Promise<void> {
  const { cdp } = tab
  // Storage keys are looked up per frame, and the lookup fails once the frame is gone: look the attached frames up
  // again and let every lookup finish while page A's frames are still there, then again for any frame noted while
  // leaving.
  tab.noteAttachedFrames()
  await tab.settleFrameNotes()
  // Nothing the page sends while it is left reaches the network: a beacon or keepalive fetch from a pagehide or
  // unload handler outlives the page, and the cookie its answer set came after the clearing (DevTools' blocked
  // URLs do not stop these; interception does). The block stays until the next page begins (AuditTab.begin).
  // Out-of-process frames (cross-site iframes) and service workers are other targets: not covered.
  await withTimeout(tab.blockAllRequests(), STEP_TIMEOUT_MS, '离开页面')
  await leavePage(tab, tab.mainFrame)
  await tab.settleFrameNotes()
  const origins = [...tab.origins]
  const keys = [...tab.storageKeys]
  const browserSession = await tab.browserSession()
  await withTimeout(
    Promise.all([
      cdp.send('Runtime.evaluate', { expression: "window.name = ''" }),
      cdp.send('Network.clearBrowserCookies'),
      cdp.send('Network.clearBrowserCache'),
      ...origins.map((origin) => cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' })),
      ...keys.map((storageKey) =>
        cdp.send('Storage.clearDataForStorageKey', { storageKey, storageTypes: 'all' }),
      ),
      resetHistory(cdp),
      resetPermissions(tab, browserSession),
      tab.urlsBlocked
        ? cdp.send('Network.setBlockedURLs', { urls: [] }).then(() => cdp.send('Network.disable'))
        : null,
    ]),
    STEP_TIMEOUT_MS,
    '清除页面状态',
  )
  tab.urlsBlocked = false
  for (const o of origins) tab.origins.delete(o)
  for (const k of keys) tab.storageKeys.delete(k)
}
