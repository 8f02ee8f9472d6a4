/// <reference lib="dom" />

/**
 * Script-timed redirects (setTimeout(() => location.href = …, 3000), the "本页将在 3 秒后跳转" pattern). A probe
 * installed before the page's own scripts records timers of 1 s or more whose callback assigns `location`; the
 * refresh check then waits for those due soon, so the redirect is seen (and blocked) instead of raced.
 */

export interface RedirectTimer {
  kind: 'timeout' | 'interval'
  delayMs: number
  /** Milliseconds until it fires (negative when it already has), at the time it was read. */
  dueInMs: number
  source: string
}

/** Callback text that navigates: location = …, location.href = …, location.replace / assign / reload (…). */
export const REDIRECT_SOURCE = String.raw`\blocation\s*(=[^=]|\.\s*href\s*=[^=]|\.\s*(replace|assign|reload)\s*\()`

export function isRedirectSource(source: string): boolean {
  return new RegExp(REDIRECT_SOURCE).test(source)
}

/** Page-side probe (self-contained; installed with evaluateOnNewDocument, see page-session.ts). */
export function installRedirectProbe(pattern: string): void {
  const w = window as unknown as Window & {
    __accessAuditTimers?: Array<Omit<RedirectTimer, 'dueInMs'> & { at: number }>
  }
  if (w.__accessAuditTimers) return
  const records: Array<Omit<RedirectTimer, 'dueInMs'> & { at: number }> = []
  Object.defineProperty(w, '__accessAuditTimers', { value: records, enumerable: false })
  const re = new RegExp(pattern)
  for (const kind of ['timeout', 'interval'] as const) {
    const name = kind === 'timeout' ? 'setTimeout' : 'setInterval'
    const original = w[name] as (handler: unknown, delay?: number, ...rest: unknown[]) => number
    const wrapped = function (handler: unknown, delay?: number, ...rest: unknown[]): number {
      const ms = Number(delay) || 0
      if (ms >= 1000 && records.length < 20) {
        try {
          const text =
            typeof handler === 'function' ? Function.prototype.toString.call(handler) : String(handler)
          if (re.test(text))
            records.push({ kind, delayMs: ms, at: performance.now(), source: text.slice(0, 200) })
        } catch {
          // a handler whose text cannot be read is simply not recorded
        }
      }
      return original.call(w, handler, delay, ...rest)
    }
    ;(w as unknown as Record<string, unknown>)[name] = wrapped
  }
}

/** The recorded timers, with the time left until each fires. */
export function readRedirectTimers(): RedirectTimer[] {
  const w = window as unknown as {
    __accessAuditTimers?: Array<Omit<RedirectTimer, 'dueInMs'> & { at: number }>
  }
  const now = performance.now()
  return (w.__accessAuditTimers ?? []).map((t) => ({
    kind: t.kind,
    delayMs: t.delayMs,
    dueInMs: Math.round(t.at + t.delayMs - now),
    source: t.source,
  }))
}

/** How long to wait for timed redirects due soon: until the last one within `watchMs` has fired. */
export function waitForTimersMs(timers: readonly RedirectTimer[], watchMs: number): number {
  const due = timers.map((t) => t.dueInMs).filter((ms) => ms > 0 && ms <= watchMs)
  return due.length > 0 ? Math.max(...due) + 300 : 0
}
