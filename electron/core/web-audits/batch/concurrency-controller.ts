/**
 * How many pages a batch audits at once, decided from what the pages are doing. A page in flight either works
 * (axe, the own checks: CPU) or waits (loading, its load event: the network and the server). The goal is to keep
 * every core fed and no more: while pages wait and a core idles, one more page is let in; when more pages want
 * the CPU than there are cores, one is let go. So on pages that are all CPU the limit stays at one page per core
 * — the best fixed setting on CPU-bound pages — and on slow sites it grows until the cores are busy again, within
 * the per-host politeness limit (no page is in the backlog when every host is at its limit) and a memory ceiling.
 * Another program's load slows our pages' work, so they count as working longer and fewer cores look idle: the
 * batch then takes no more than its share. A pure function of its signals, so it is tested on its own; the batch
 * runner samples the signals.
 */

export interface ControllerConfig {
  /** Pages in flight at the start, and the least while there is memory: one per core. */
  start: number
  /** The least at all (under memory pressure). */
  min: number
  /** The most, whatever the signals say. */
  max: number
  cores: number
  /** Raise only while the system has at least this much memory available. */
  memoryReserveBytes: number
  /** Lower while the system has less than this available. */
  memoryFloorBytes: number
  /** Lower while Node and the browser together use more than this (when it can be measured). */
  memoryCeilingBytes: number
  /** Decisions to wait after a change before the next (a new page needs time to show what it does). */
  holdDecisions: number
}

export interface ConcurrencySignals {
  /** Pages in flight doing CPU work, averaged over the last window. */
  working: number
  /** Pages in flight waiting on the network or the server, averaged over the last window. */
  waiting: number
  /** A page could be started now: the queue has one whose host is below its politeness limit. */
  backlog: boolean
  /** Memory the system has available. */
  availableMemoryBytes: number
  /** Node plus the browser (resident), or null where it cannot be measured (a remote browser). */
  ownMemoryBytes: number | null
}

export type Decision = 'start' | 'raise' | 'lower' | 'hold' | 'memory'

export interface ControllerState {
  limit: number
  /** Decisions left to wait before changing again. */
  hold: number
  /** Why the limit is what it is (for diagnostics). */
  last: Decision
}

export function initialState(config: ControllerConfig): ControllerState {
  return { limit: clamp(config.start, config), hold: config.holdDecisions, last: 'start' }
}

function clamp(limit: number, config: ControllerConfig): number {
  return Math.max(config.min, Math.min(config.max, limit))
}

function memoryTight(s: ConcurrencySignals, c: ControllerConfig): boolean {
  return (
    s.availableMemoryBytes < c.memoryFloorBytes ||
    (s.ownMemoryBytes !== null && s.ownMemoryBytes > c.memoryCeilingBytes)
  )
}

function memoryRoom(s: ConcurrencySignals, c: ControllerConfig): boolean {
  return (
    s.availableMemoryBytes >= c.memoryReserveBytes &&
    (s.ownMemoryBytes === null || s.ownMemoryBytes <= c.memoryCeilingBytes * 0.85)
  )
}

/** The next limit, from the current one and the last window's signals. */
export function nextLimit(
  state: ControllerState,
  signals: ConcurrencySignals,
  config: ControllerConfig,
): ControllerState {
  const { limit } = state
  // Memory first: a page less at once, down to the minimum, without waiting.
  if (memoryTight(signals, config)) {
    const lowered = clamp(limit - 1, config)
    return { limit: lowered, hold: config.holdDecisions, last: lowered < limit ? 'memory' : state.last }
  }
  if (state.hold > 0) return { ...state, hold: state.hold - 1 }
  // Cores saturated by our own pages: more pages want the CPU than there are cores (a whole page's worth).
  const floor = Math.max(config.min, Math.min(config.start, config.max))
  if (signals.working >= config.cores + 1 && limit > floor)
    return { limit: limit - 1, hold: config.holdDecisions, last: 'lower' }
  // The CPU waits on the network: half a core or more idles on average while pages wait, and there is a page
  // to start. (Other programs' load shows here too: it stretches our pages' work, so fewer cores look idle.)
  const coreIdle = signals.working <= config.cores - 0.5
  const pagesWait = signals.waiting >= 0.5
  if (signals.backlog && coreIdle && pagesWait && limit < config.max && memoryRoom(signals, config))
    return { limit: limit + 1, hold: config.holdDecisions, last: 'raise' }
  return { ...state, last: state.last === 'start' ? 'start' : 'hold' }
}
