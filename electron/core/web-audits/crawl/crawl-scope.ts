import {
  isSameOrigin,
  matchesPatterns,
  normalizeUrl,
  type SameOriginOptions,
} from '../../../../shared/web/url-normalize'
import { isNonHtmlLink } from './link-extract'

/**
 * Which URLs belong to a portal's crawl: same origin as the start URL (or as where the start page redirected to,
 * e.g. http → https or a bare domain → www), inside the include/exclude patterns, and looking like a page.
 * The key it returns is the normalised URL, so one page is queued and audited once.
 */

export interface ScopeOptions {
  startUrl: string
  include?: readonly string[]
  exclude?: readonly string[]
  sameOrigin?: SameOriginOptions
}

export type ScopeVerdict =
  { ok: true; url: string } | { ok: false; reason: 'invalid' | 'not-html' | 'other-origin' | 'excluded' }

export class CrawlScope {
  private readonly origins: string[]
  private readonly include: readonly string[]
  private readonly exclude: readonly string[]
  private readonly sameOrigin: SameOriginOptions

  constructor(options: ScopeOptions) {
    this.origins = [options.startUrl]
    this.include = options.include ?? []
    this.exclude = options.exclude ?? []
    this.sameOrigin = options.sameOrigin ?? {}
  }

  /** Adds the origin a page redirected to (the start page's final URL), so its own links count as same-origin. */
  allowOriginOf(url: string): void {
    if (!this.origins.some((o) => isSameOrigin(o, url, this.sameOrigin))) this.origins.push(url)
  }

  /** Classifies `href` (absolute, or relative to `base`), returning the normalised URL when in scope. */
  check(href: string, base?: string): ScopeVerdict {
    const normalized = normalizeUrl(href, base)
    if (!normalized.ok) return { ok: false, reason: 'invalid' }
    const url = normalized.url
    if (isNonHtmlLink(url)) return { ok: false, reason: 'not-html' }
    if (!this.origins.some((o) => isSameOrigin(o, url, this.sameOrigin)))
      return { ok: false, reason: 'other-origin' }
    if (!matchesPatterns(url, this.include, this.exclude)) return { ok: false, reason: 'excluded' }
    return { ok: true, url }
  }

  /** The normalised in-scope URLs of `hrefs`, in order, without repeats. */
  filter(hrefs: readonly string[], base?: string): string[] {
    const out = new Set<string>()
    for (const href of hrefs) {
      const verdict = this.check(href, base)
      if (verdict.ok) out.add(verdict.url)
    }
    return [...out]
  }
}
