/**
 * Where a page audit's time goes: milliseconds per pipeline step, and per sub-phase where a step has several
 * (axe calls, each own check). Reported through `hooks.onPhases` so the benchmark can print a breakdown; the
 * audit itself never reads it.
 */

/** Phase name → milliseconds spent in it (summed when a phase runs more than once). */
export type PhaseTimes = Record<string, number>

export interface PhaseClock {
  readonly times: PhaseTimes
  add(phase: string, ms: number): void
  /** Runs `work`, adding its wall time to `phase` whether it resolves or rejects. */
  time<T>(phase: string, work: () => Promise<T>): Promise<T>
}

export function createPhaseClock(): PhaseClock {
  const times: PhaseTimes = {}
  const add = (phase: string, ms: number): void => {
    times[phase] = (times[phase] ?? 0) + ms
  }
  return {
    times,
    add,
    async time(phase, work) {
      const started = performance.now()
      try {
        return await work()
      } finally {
        add(phase, performance.now() - started)
      }
    },
  }
}
