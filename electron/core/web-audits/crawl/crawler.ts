import { normalizeUrl } from '../../../../shared/web/url-normalize'
import { CrawlScope, type ScopeOptions } from './crawl-scope'
import { isHtmlContentType, type FetchText } from './http-fetch'
import { extractLinks } from './link-extract'
import { HostRateLimiter } from './rate-limiter'
import { discoverSitemapPages } from './sitemap'

/**
 * Breadth-first crawl of one portal over plain HTTP: the start URL, same-origin links, and sitemap.xml pages,
 * within page and depth limits and include/exclude patterns, at a polite per-host rate. URLs are keyed by
 * normalizeUrl, so each page is listed once.
 *
 * The batch runner normally discovers links during the audit's own page load instead (no second load per page)
 * and uses the pieces here — CrawlScope, the sitemap reader, `nextLevel` — with the database as its frontier.
 * This function is the stand-alone crawl: `discovery: 'prefetch'` in the runner, and previews of a portal.
 */

export interface CrawlLimits {
  /** Pages listed at most, the start page included (portals.max_pages). */
  maxPages: number
  /** Link hops from the start page; 0 lists the start page only (portals.max_depth). Sitemap pages are depth 1. */
  maxDepth: number
}

export interface CrawlOptions extends ScopeOptions, CrawlLimits {
  /** Read sitemap.xml (and robots.txt's sitemaps); default true. */
  sitemap?: boolean
  /** Minimum milliseconds between two requests to one host; default 200. */
  minIntervalMs?: number
}

export interface CrawledPage {
  url: string
  depth: number
  source: 'start' | 'link' | 'sitemap'
}

export interface CrawlResult {
  pages: CrawledPage[]
  /** Listed URLs that turned out not to be HTML (e.g. a download behind a .jsp link); not in `pages`. */
  notHtml: string[]
}

export interface CrawlDeps {
  fetchText: FetchText
  limiter?: HostRateLimiter
  signal?: AbortSignal
}

/**
 * The in-scope, not yet seen URLs among `links` found on a page at `depth`, as pages of the next level; empty
 * when the page is at the depth limit. `seen` is updated; `room` caps how many are returned.
 */
export function nextLevel(
  scope: CrawlScope,
  links: readonly string[],
  depth: number,
  limits: { maxDepth: number },
  seen: Set<string>,
  room: number,
): CrawledPage[] {
  if (depth >= limits.maxDepth || room <= 0) return []
  const out: CrawledPage[] = []
  for (const url of scope.filter(links)) {
    if (out.length >= room) break
    if (seen.has(url)) continue
    seen.add(url)
    out.push({ url, depth: depth + 1, source: 'link' })
  }
  return out
}

export async function crawlPortal(options: CrawlOptions, deps: CrawlDeps): Promise<CrawlResult> {
  const scope = new CrawlScope(options)
  const limiter = deps.limiter ?? new HostRateLimiter(options.minIntervalMs ?? 200)
  // The start page is audited whatever the patterns say: it is the portal.
  const start = normalizeUrl(options.startUrl)
  if (!start.ok) throw new Error(`起始网址无效：${options.startUrl}`)
  const seen = new Set<string>([start.url])
  const pages: CrawledPage[] = [{ url: start.url, depth: 0, source: 'start' }]
  const notHtml: string[] = []
  const room = () => options.maxPages - pages.length

  const sitemapPages =
    options.sitemap === false || options.maxDepth < 1
      ? []
      : await discoverSitemapPages(start.url, deps.fetchText, {
          signal: deps.signal,
          beforeRequest: (url) => limiter.wait(url, deps.signal),
        })

  // Breadth-first: `pages` is the queue; index i is the next page to fetch for links.
  for (let i = 0; i < pages.length && !deps.signal?.aborted; i++) {
    const page = pages[i] as CrawledPage
    if (page.depth >= options.maxDepth) continue
    if (room() <= 0) break
    await limiter.wait(page.url, deps.signal)
    const fetched = await deps.fetchText(page.url, { signal: deps.signal }).catch(() => null)
    if (fetched && !isHtmlContentType(fetched.contentType)) {
      if (page.source !== 'start') notHtml.push(page.url)
    } else if (fetched && fetched.status < 400) {
      if (page.source === 'start') scope.allowOriginOf(fetched.url)
      pages.push(
        ...nextLevel(scope, extractLinks(fetched.body, fetched.url), page.depth, options, seen, room()),
      )
    }
    if (page.source === 'start' && sitemapPages.length > 0) {
      // Sitemap pages are depth 1, after the start page's own links.
      for (const url of scope.filter(sitemapPages)) {
        if (room() <= 0) break
        if (seen.has(url)) continue
        seen.add(url)
        pages.push({ url, depth: 1, source: 'sitemap' })
      }
    }
  }
  const dropped = new Set(notHtml)
  return { pages: pages.filter((p) => !dropped.has(p.url)), notHtml }
}
