/// <reference lib="dom" />
import type { Browser, Page } from 'puppeteer-core'
import type { PageResult } from '../../../../shared/web/audit-result'
import type { AuditPageOptions } from './audit-options'

/**
 * What the batch runner needs from the page auditor: the PageResult, plus the page's links gathered during the
 * same page load (so the crawl never loads a page a second time). Wraps `auditPage(browser, url, options)`.
 */

export interface PageAuditRequest {
  url: string
  /** Gather `a[href]` / `area[href]` targets (false at the depth limit: nothing would be queued). */
  collectLinks: boolean
  /** Folder for this page's element screenshots, or null for none. */
  screenshotDir: string | null
  screenshotPrefix?: string
  /** Told when the audit starts and stops waiting on the network (the runner's concurrency signal). */
  onWaiting?: (waiting: boolean) => void
}

export interface PageAudit {
  result: PageResult
  /** Absolute link targets, or null when they could not be gathered (the runner then fetches the HTML). */
  links: string[] | null
}

export type PageAuditor = (browser: Browser, request: PageAuditRequest) => Promise<PageAudit>

export type AuditPageFn = (browser: Browser, url: string, options?: AuditPageOptions) => Promise<PageResult>

/** Links gathered at most per page (a portal's sitemap page may hold tens of thousands). */
export const maxLinksPerPage = 5000

/** Runs in the audited page: resolved hrefs of links that are not downloads. */
export async function collectPageLinks(page: Page): Promise<string[]> {
  return page.evaluate((max: number) => {
    const out: string[] = []
    for (const el of Array.from(
      document.querySelectorAll('a[href]:not([download]), area[href]:not([download])'),
    )) {
      const href = (el as HTMLAnchorElement | HTMLAreaElement).href
      if (typeof href === 'string' && href) out.push(href)
      if (out.length >= max) break
    }
    return out
  }, maxLinksPerPage)
}

/**
 * Adapts `auditPage` to a PageAuditor. Links are read through auditPage's `afterNavigation` hook, i.e. once the
 * main document reached DOM ready, before the page is frozen for the audit; a hook already present in
 * `base.hooks` (tests) still runs, after the links are read.
 */
export function createPageAuditor(auditPage: AuditPageFn, base: AuditPageOptions = {}): PageAuditor {
  return async (browser, request) => {
    let links: string[] | null = null
    const userHook = base.hooks?.afterNavigation
    const options: AuditPageOptions = {
      ...base,
      screenshotDir: request.screenshotDir,
      ...(request.screenshotPrefix ? { screenshotPrefix: request.screenshotPrefix } : {}),
      hooks: {
        ...base.hooks,
        afterNavigation: async (page: Page) => {
          if (request.collectLinks) links = await collectPageLinks(page).catch(() => null)
          await userHook?.(page)
        },
        ...(request.onWaiting || base.hooks?.onWaiting
          ? {
              onWaiting: (waiting: boolean) => {
                request.onWaiting?.(waiting)
                base.hooks?.onWaiting?.(waiting)
              },
            }
          : {}),
      },
    }
    const result = await auditPage(browser, request.url, options)
    return { result, links: request.collectLinks ? links : [] }
  }
}
