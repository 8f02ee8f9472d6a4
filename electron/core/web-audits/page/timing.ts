/** Time limits for browser calls that may never settle (a wedged tab, a page stuck in a loop). */

export class StepTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} 超时（${ms} ms）`)
    this.name = 'StepTimeoutError'
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}

/**
 * Rejects with StepTimeoutError after `ms`. The original promise keeps running (a CDP call cannot be cancelled);
 * its late rejection is swallowed so it never surfaces as an unhandled rejection.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  promise.catch(() => {})
  if (ms <= 0) return Promise.reject(new StepTimeoutError(what, 0))
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeoutError(what, ms)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Milliseconds left until `deadline` (epoch ms), never negative. */
export function remaining(deadline: number): number {
  return Math.max(0, deadline - Date.now())
}

/** "15 秒", "0.5 秒" — for zh-CN messages. */
export function secondsText(ms: number): string {
  const s = ms / 1000
  return `${Number.isInteger(s) ? s : Number(s.toFixed(1))} 秒`
}
