/**
 * URL handling for the website audit: normalisation for crawl de-duplication, origin checks, include/exclude
 * patterns and the portal list parser. Implementation split over url-core.ts, url-scope.ts and url-list.ts.
 */
export { normalizeUrl, normalizeUrlOrNull, trackingParams, trackingParamPrefixes } from './url-core'
export type { NormalizeOptions, NormalizeResult, UrlError, UrlErrorCode } from './url-core'
export { isSameOrigin, matchesPatterns, globToRegExp } from './url-scope'
export type { SameOriginOptions } from './url-scope'
export { parseUrlList } from './url-list'
export type { UrlListEntry, UrlListError, UrlListResult } from './url-list'
