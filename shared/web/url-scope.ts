import { normalizeUrlOrNull } from './url-core'

/** Origin checks and include/exclude patterns for crawl scope (public entry point: url-normalize.ts). */

export interface SameOriginOptions {
  /** Treat 'www.example.gov.cn' and 'example.gov.cn' as one host. */
  ignoreWww?: boolean
  /** Treat http and https (with their default ports) as one scheme. */
  ignoreScheme?: boolean
}

/** Same scheme, host and port (after normalisation). False when either URL is invalid or not http(s). */
export function isSameOrigin(a: string, b: string, options: SameOriginOptions = {}): boolean {
  const ua = normalizeUrlOrNull(a)
  const ub = normalizeUrlOrNull(b)
  if (!ua || !ub) return false
  const key = (u: string): string => {
    const url = new URL(u)
    let host = url.hostname
    if (options.ignoreWww) host = host.replace(/^www\./, '')
    const port = url.port || (url.protocol === 'https:' ? '443' : '80')
    return options.ignoreScheme ? `${host}:${url.port || 'default'}` : `${url.protocol}//${host}:${port}`
  }
  return key(ua) === key(ub)
}

/**
 * Include/exclude filter for crawl scope. A URL passes when it matches at least one include pattern (or the
 * include list is empty) and no exclude pattern. Invalid and non-http(s) URLs never pass.
 *
 * Pattern syntax (matched against the normalised URL, case-insensitively, anchored at both ends):
 * - `**` matches any characters, `/` included; `*` matches any characters except `/`; all else is literal.
 * - A trailing `/**` also matches the bare directory: `/zwgk/**` matches `/zwgk` and `/zwgk/a/b.html`.
 * - A pattern containing `://` is matched against the whole URL: `https://www.example.gov.cn/**`.
 * - A pattern starting with `/` is matched against the path: `/zwgk/**`, `/**.pdf`.
 * - Any other pattern is matched against host[:port] + path: `*.example.gov.cn/**`, `www.example.gov.cn/xxgk/*`.
 * - The query string takes part only when the pattern contains `?`: `/search?*` ; otherwise it is ignored.
 */
export function matchesPatterns(
  url: string,
  include: readonly string[],
  exclude: readonly string[] = [],
): boolean {
  const key = normalizeUrlOrNull(url)
  if (!key) return false
  const parsed = new URL(key)
  const test = (pattern: string): boolean => {
    const p = pattern.trim()
    if (!p) return false
    const withQuery = p.includes('?')
    const pathPart = parsed.pathname + (withQuery ? parsed.search : '')
    const subject = p.includes('://')
      ? `${parsed.protocol}//${parsed.host}${pathPart}`
      : p.startsWith('/')
        ? pathPart
        : parsed.host + pathPart
    return globToRegExp(p).test(subject)
  }
  if (include.length > 0 && !include.some(test)) return false
  return !exclude.some(test)
}

/** Compiles one pattern of the syntax documented on `matchesPatterns`. */
export function globToRegExp(pattern: string): RegExp {
  let body = ''
  let rest = pattern
  let tailDir = false
  if (rest.endsWith('/**')) {
    rest = rest.slice(0, -3)
    tailDir = true
  }
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i] as string
    if (ch === '*') {
      if (rest[i + 1] === '*') {
        body += '.*'
        i++
      } else body += '[^/]*'
    } else body += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  }
  if (tailDir) body += '(?:/.*)?'
  return new RegExp(`^${body}$`, 'i')
}
