/**
 * Polite crawling: at least `minIntervalMs` between the starts of two requests to the same host, whatever the
 * number of workers. Slots are reserved synchronously, so concurrent callers queue up instead of all firing
 * when the interval ends.
 */
export class HostRateLimiter {
  private readonly next = new Map<string, number>()

  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = abortableSleep,
  ) {}

  /** Milliseconds the caller has to wait before requesting `url` (and reserves that slot). */
  reserve(url: string): number {
    if (this.minIntervalMs <= 0) return 0
    const host = hostOf(url)
    const now = this.now()
    const slot = Math.max(now, this.next.get(host) ?? 0)
    this.next.set(host, slot + this.minIntervalMs)
    return slot - now
  }

  /** Waits for this host's next free slot; resolves early (without error) when `signal` aborts. */
  async wait(url: string, signal?: AbortSignal): Promise<void> {
    const delay = this.reserve(url)
    if (delay > 0) await this.sleep(delay, signal)
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase()
  } catch {
    return url
  }
}

/** setTimeout as a promise that settles early when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
