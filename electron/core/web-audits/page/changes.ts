/**
 * Waiting on events instead of timers: the tab's listeners call `notify()` whenever something a step may wait for
 * has happened (DOM ready, load, a request finished, a navigation was blocked), and `until` re-checks its
 * condition then. A deadline bounds every wait; nothing polls and nothing sleeps a fixed time.
 */
export class Changes {
  private waiters = new Set<() => void>()

  notify(): void {
    for (const wake of [...this.waiters]) wake()
  }

  /** Resolves true as soon as `check()` holds, false when `deadline` (epoch ms) passes first. */
  until(check: () => boolean, deadline: number, signal?: AbortSignal): Promise<boolean> {
    if (check()) return Promise.resolve(true)
    if (Date.now() >= deadline || signal?.aborted) return Promise.resolve(false)
    return new Promise<boolean>((resolve) => {
      const finish = (value: boolean): void => {
        clearTimeout(timer)
        this.waiters.delete(wake)
        signal?.removeEventListener('abort', stop)
        resolve(value)
      }
      const wake = (): void => {
        if (check()) finish(true)
      }
      const stop = (): void => finish(false)
      const timer = setTimeout(() => finish(check()), deadline - Date.now())
      this.waiters.add(wake)
      signal?.addEventListener('abort', stop, { once: true })
    })
  }
}
