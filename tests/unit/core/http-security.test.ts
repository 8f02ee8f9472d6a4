import { describe, expect, it } from 'vitest'
import {
  isLoopbackAddress,
  isLoopbackHost,
  newToken,
  rendererCsp,
  tokenMatches,
} from '../../../electron/server/security'

describe('HTTP door security helpers', () => {
  it('accepts only loopback peers', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('::1')).toBe(true)
    expect(isLoopbackAddress('192.168.1.20')).toBe(false)
    expect(isLoopbackAddress('::ffff:10.0.0.1')).toBe(false)
    expect(isLoopbackAddress(undefined)).toBe(false)
  })

  it('refuses foreign Host headers (DNS rebinding)', () => {
    expect(isLoopbackHost('127.0.0.1:8080', 8080)).toBe(true)
    expect(isLoopbackHost('localhost:8080', 8080)).toBe(true)
    expect(isLoopbackHost('evil.example:8080', 8080)).toBe(false)
    expect(isLoopbackHost('127.0.0.1:8081', 8080)).toBe(false)
  })

  it('makes unguessable tokens and compares them exactly', () => {
    const a = newToken()
    expect(a).toMatch(/^[\w-]{32}$/)
    expect(newToken()).not.toBe(a)
    expect(tokenMatches(a, a)).toBe(true)
    expect(tokenMatches(a, `${a}x`)).toBe(false)
    expect(tokenMatches(a, undefined)).toBe(false)
  })

  it('starts the CSP from default-src none and never allows inline script', () => {
    expect(rendererCsp.startsWith("default-src 'none'")).toBe(true)
    expect(rendererCsp).toContain("script-src 'self'")
    expect(rendererCsp).not.toMatch(/script-src[^;]*unsafe/)
  })
})
