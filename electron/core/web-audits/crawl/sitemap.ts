import { Parser } from 'htmlparser2'
import type { FetchText } from './http-fetch'

/**
 * sitemap.xml support: a `<urlset>` lists pages, a `<sitemapindex>` lists further sitemaps. Sitemaps named in
 * robots.txt (`Sitemap:` lines) are read too. Gzipped sitemaps are not read (rare on government portals).
 */

export interface ParsedSitemap {
  pages: string[]
  sitemaps: string[]
}

export function parseSitemap(xml: string): ParsedSitemap {
  const pages: string[] = []
  const sitemaps: string[] = []
  const stack: string[] = []
  let text = ''
  const parser = new Parser(
    {
      onopentag(name) {
        stack.push(localName(name))
        text = ''
      },
      ontext(data) {
        text += data
      },
      onclosetag() {
        const name = stack.pop()
        if (name === 'loc') {
          const parent = stack[stack.length - 1]
          const loc = text.trim()
          if (loc && parent === 'url') pages.push(loc)
          else if (loc && parent === 'sitemap') sitemaps.push(loc)
        }
        text = ''
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(xml)
  parser.end()
  return { pages, sitemaps }
}

/** 'sm:loc' → 'loc' (namespaced sitemaps). */
function localName(name: string): string {
  const i = name.indexOf(':')
  return (i === -1 ? name : name.slice(i + 1)).toLowerCase()
}

export function robotsSitemaps(robotsTxt: string): string[] {
  return robotsTxt
    .split(/\r?\n/)
    .map((line) => /^\s*sitemap\s*:\s*(\S+)/i.exec(line)?.[1])
    .filter((u): u is string => !!u)
}

export interface SitemapLimits {
  /** Sitemap files read at most (an index can name hundreds). */
  maxFiles?: number
  /** Page URLs collected at most. */
  maxUrls?: number
  signal?: AbortSignal
  /** Called before each request (the per-host rate limit). */
  beforeRequest?: (url: string) => Promise<void>
}

/**
 * Page URLs from `/sitemap.xml` and robots.txt's sitemaps of the start URL's origin, following sitemap indexes
 * breadth-first. Missing or broken sitemaps yield nothing; this never throws for the site's sake.
 */
export async function discoverSitemapPages(
  startUrl: string,
  fetchText: FetchText,
  limits: SitemapLimits = {},
): Promise<string[]> {
  const maxFiles = limits.maxFiles ?? 20
  const maxUrls = limits.maxUrls ?? 50_000
  const origin = new URL(startUrl).origin
  const get = async (url: string) => {
    await limits.beforeRequest?.(url)
    if (limits.signal?.aborted) return null
    try {
      const res = await fetchText(url, { signal: limits.signal })
      return res.status >= 200 && res.status < 300 ? res : null
    } catch {
      return null
    }
  }
  const queue = [`${origin}/sitemap.xml`]
  const robots = await get(`${origin}/robots.txt`)
  if (robots && !/html/i.test(robots.contentType)) queue.push(...robotsSitemaps(robots.body))
  const seen = new Set<string>()
  const pages: string[] = []
  while (queue.length > 0 && seen.size < maxFiles && pages.length < maxUrls) {
    const url = queue.shift() as string
    if (seen.has(url) || /\.gz$/i.test(url)) continue
    seen.add(url)
    const res = await get(url)
    if (!res || !/<(?:\w+:)?(?:urlset|sitemapindex)\b/i.test(res.body)) continue
    const parsed = parseSitemap(res.body)
    pages.push(...parsed.pages.slice(0, maxUrls - pages.length))
    queue.push(...parsed.sitemaps)
  }
  return pages
}
