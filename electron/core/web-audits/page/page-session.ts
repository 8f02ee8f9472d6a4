import type { PageFailureReason } from '../../../../shared/web/audit-result'
import type { AuditState } from './audit-state'
import { AuditTab } from './audit-tab'
import { giveTab, takeTab } from './tab-pool'

/**
 * Where a page is audited. With `reuseTab` (batches) a warm tab of the browser's pool, cleared since its last
 * page so the page is still a first visit (tab-isolation.ts); otherwise a tab of its own in a fresh incognito
 * context, closed afterwards. Either way the tab's guards keep a hostile page from wedging or escaping the audit.
 */

export { adoptContext } from './tab-pool'

export async function openContext(s: AuditState): Promise<void> {
  s.tab = s.options.reuseTab
    ? await takeTab(s.browser, s.url, s.options.viewport)
    : await AuditTab.open(s.browser, s.options.viewport)
}

/** Points the tab's listeners and guards at this audit; call before navigating. */
export async function guardPage(s: AuditState): Promise<void> {
  if (!s.tab) throw new Error('tab not open')
  await s.tab.begin(s)
}

/** Blocks further main-frame navigations from now on (they are recorded in s.blockedNavigations). */
export async function freezeNavigation(s: AuditState): Promise<void> {
  if (!s.tab) return
  s.phase = 'passive'
  await s.tab.freeze()
}

/** Failures after which a tab may be wedged (a script still running, a renderer gone): it is not reused. */
const wedging: ReadonlySet<PageFailureReason> = new Set(['crash', 'audit-timeout', 'internal'])

/**
 * Ends the audit's use of the tab. A reused tab goes back to the pool (cleared there before its next page), unless
 * the audit failed in a way that may have left it wedged (then it is closed, as a one-off tab always is).
 */
export async function closeContext(s: AuditState, failure: PageFailureReason | null): Promise<void> {
  s.closing = true
  for (const cleanup of s.cleanups.splice(0)) cleanup()
  const tab = s.tab
  s.tab = null
  s.context = null
  s.page = null
  s.cdp = null
  if (!tab) return
  tab.end(s)
  if (s.options.reuseTab && !(failure && wedging.has(failure))) giveTab(tab)
  else await tab.close()
}
