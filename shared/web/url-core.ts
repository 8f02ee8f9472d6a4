/**
 * URL normalisation for crawl de-duplication (the public entry point is url-normalize.ts).
 *
 * The normalised URL is a de-duplication key that is also fetchable. Resolve links found on a page against
 * that page's real response URL (after redirects), not against its key: `/a/` and `/a` share one key but
 * resolve relative links differently.
 */

/**
 * Query parameters removed as tracking/session noise (names compared case-insensitively):
 * - any name starting with `utm_` (Google Analytics campaign tags);
 * - ad click ids: gclid, dclid, gbraid, wbraid, fbclid, msclkid, yclid, bd_vid (Baidu), _hsenc, _hsmi, mc_cid, mc_eid;
 * - Chinese platforms: spm, scm (Alibaba/Taobao), from, isappinstalled, nsukey, share_source, share_medium,
 *   share_token (WeChat/Weibo/Bilibili share links);
 * - server sessions: jsessionid, phpsessid, aspsessionid (also `;jsessionid=…` path parameters).
 * Caution: `from` is sometimes a real parameter (e.g. a date range on a search page). Pass `keepParams` to keep it.
 */
export const trackingParams: readonly string[] = [
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'fbclid',
  'msclkid',
  'yclid',
  'bd_vid',
  '_hsenc',
  '_hsmi',
  'mc_cid',
  'mc_eid',
  'spm',
  'scm',
  'from',
  'isappinstalled',
  'nsukey',
  'share_source',
  'share_medium',
  'share_token',
  'jsessionid',
  'phpsessid',
  'aspsessionid',
]
export const trackingParamPrefixes: readonly string[] = ['utm_']

export type UrlErrorCode = 'EMPTY' | 'INVALID_URL' | 'UNSUPPORTED_SCHEME'

export interface UrlError {
  code: UrlErrorCode
  /** zh-CN, for the user. */
  message: string
  input: string
  /** For UNSUPPORTED_SCHEME: the scheme without ':' ('ftp', 'javascript'). */
  scheme?: string
}

export type NormalizeResult = { ok: true; url: string } | { ok: false; error: UrlError }

export interface NormalizeOptions {
  /** Extra parameter names to drop (case-insensitive). */
  removeParams?: readonly string[]
  /** Parameter names to keep even though they are in `trackingParams`. */
  keepParams?: readonly string[]
  /**
   * Scheme to assume for host-like input without one ('www.example.gov.cn/path'), when no base is given.
   * Default null: such input is resolved as usual (against `base`, or rejected as INVALID_URL).
   */
  assumeScheme?: 'http' | 'https' | null
}

/** 'www.example.gov.cn', '政府.中国', '10.1.2.3:8080' at the start of scheme-less input. */
const HOST_LIKE = /^(?:(?:[\p{L}\p{N}-]+\.)+[\p{L}-]{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?(?:[/?#]|$)/u
/** Last labels that are file extensions, not top-level domains ('index.html' is a path, not a host). */
const FILE_EXTENSION =
  /^[^/?#]*\.(?:s?html?|jsp|aspx?|php|do|action|pdf|docx?|xlsx?|txt|xml|json)(?::\d+)?(?:[/?#]|$)/i
const SCHEME = /^([a-z][a-z0-9+.-]*):/i

function fail(code: UrlErrorCode, input: string, message: string, scheme?: string): NormalizeResult {
  return { ok: false, error: scheme ? { code, message, input, scheme } : { code, message, input } }
}

function isRemoved(name: string, options: NormalizeOptions): boolean {
  const lower = name.toLowerCase()
  if (options.keepParams?.some((k) => k.toLowerCase() === lower)) return false
  if (options.removeParams?.some((k) => k.toLowerCase() === lower)) return true
  return trackingParams.includes(lower) || trackingParamPrefixes.some((p) => lower.startsWith(p))
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return raw
  }
}

const upperEscapes = (s: string): string => s.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase())

/**
 * Normalises `input` (absolute, or relative to `base`): drops the fragment, lower-cases scheme and host (IDN hosts
 * become punycode), drops default ports and a trailing dot on the host, removes tracking/session parameters and
 * `;jsessionid=` path parameters, sorts the remaining query parameters by name (stable: repeated names keep their
 * order; the raw encoding of each pair is kept), upper-cases percent escapes, and strips a trailing slash from
 * non-root paths. Only http and https are accepted.
 */
export function normalizeUrl(
  input: string,
  base?: string | URL,
  options: NormalizeOptions = {},
): NormalizeResult {
  const text = input.trim()
  if (!text) return fail('EMPTY', input, '网址为空')
  let candidate = text
  const explicit = SCHEME.exec(text)
  if (
    !explicit &&
    base === undefined &&
    options.assumeScheme &&
    HOST_LIKE.test(text) &&
    !FILE_EXTENSION.test(text)
  )
    candidate = `${options.assumeScheme}://${text}`
  else if (explicit && /^[a-z][a-z0-9+.-]*:\d/i.test(text) && options.assumeScheme && HOST_LIKE.test(text)) {
    candidate = `${options.assumeScheme}://${text}` // 'localhost.gov.cn:8080/x' looks like scheme 'localhost.gov.cn'
  }
  let url: URL
  try {
    url = base === undefined ? new URL(candidate) : new URL(candidate, base)
  } catch {
    return fail('INVALID_URL', input, '网址格式不正确')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = url.protocol.slice(0, -1)
    return fail('UNSUPPORTED_SCHEME', input, `不支持 ${scheme}: 协议，只能检查 http 或 https 网址`, scheme)
  }
  if (!url.hostname) return fail('INVALID_URL', input, '网址缺少域名')
  url.hash = ''
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.replace(/\.+$/, '')

  let path = url.pathname.replace(/;jsessionid=[^/;?]*/gi, '')
  path = upperEscapes(path)
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/'

  const pairs = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=')
      return { raw: upperEscapes(pair), name: decodeName(eq === -1 ? pair : pair.slice(0, eq)) }
    })
    .filter((p) => !isRemoved(p.name, options))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const query = pairs.length > 0 ? `?${pairs.map((p) => p.raw).join('&')}` : ''
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : ''
  return { ok: true, url: `${url.protocol}//${auth}${url.host}${path}${query}` }
}

/** normalizeUrl for callers that only want the key: null when the URL is refused. */
export function normalizeUrlOrNull(
  input: string,
  base?: string | URL,
  options?: NormalizeOptions,
): string | null {
  const r = normalizeUrl(input, base, options)
  return r.ok ? r.url : null
}
