import type { IncomingHttpHeaders } from 'node:http'
import { newToken, tokenMatches } from './security'

/**
 * A browser-mode session that survives opening a link in a new tab. The per-start token stays the credential the
 * terminal prints; the first page load that carries it (`/?token=…`) also gets a cookie, and the API then accepts
 * either the token (Authorization: Bearer, as before) or that cookie. A new tab of the same browser has no token in
 * its address or its sessionStorage, but the cookie goes with its requests.
 *
 * - The cookie holds its own random secret (never the token), is HttpOnly (page scripts cannot read it) and
 *   SameSite=Strict, with no expiry: it ends with the browser session, and the secret with the server.
 * - Cookies do not tell ports apart, so the name carries the port: two doors on one machine keep their own.
 * - CSRF: SameSite treats every port of 127.0.0.1 as the same site, so a page served by another local program
 *   would still send the cookie. A request authorised by the cookie must therefore come from this very origin: its
 *   Origin header must name the door's own address (browsers send Origin with every POST, and fetch metadata says
 *   same-origin). Without an Origin, or from anywhere else, the cookie counts for nothing.
 */
export interface BrowserSession {
  /** The Set-Cookie value for a page load that proved the token, or null when it did not. */
  grant(requestUrl: URL, port: number): string | null
  /** Whether the cookie authorises this API request (same origin only). */
  allows(headers: IncomingHttpHeaders, port: number): boolean
}

export function cookieName(port: number): string {
  return `access_audit_session_${port}`
}

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** The request comes from a page of this door: Origin is the door's own address, as the Host header names it. */
export function isSameOrigin(headers: IncomingHttpHeaders, port: number): boolean {
  const origin = headers.origin
  const host = headers.host?.toLowerCase()
  if (!origin || !host) return false
  const site = headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return false
  return origin.toLowerCase() === `http://${host}` && host.endsWith(`:${port}`)
}

export function createBrowserSession(token: string): BrowserSession {
  const secret = newToken()
  return {
    grant(requestUrl, port) {
      if (!tokenMatches(token, requestUrl.searchParams.get('token') ?? undefined)) return null
      return `${cookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`
    },
    allows(headers, port) {
      return (
        isSameOrigin(headers, port) && tokenMatches(secret, cookieValue(headers.cookie, cookieName(port)))
      )
    },
  }
}
