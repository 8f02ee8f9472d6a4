import os from 'node:os'
import {
  initialState,
  nextLimit,
  type ConcurrencySignals,
  type ControllerConfig,
  type ControllerState,
} from './concurrency-controller'
import type { AdaptiveOptions } from './batch-types'
import { treeRss } from './process-memory'

/**
 * The batch runner's side of concurrency: which pages are in flight, on which host, doing what; the per-host
 * politeness limit; and, in 'auto' mode, the controller (concurrency-controller.ts) fed every `sampleMs` with
 * what the pages in flight are doing, deciding every `samplesPerDecision` samples.
 */

/** What a page in flight is doing: waiting its turn for the host, working (CPU), or waiting on the network. */
export type Doing = 'starting' | 'working' | 'waiting'

interface Flight {
  host: string
  doing: Doing
}

export class PagesInFlight {
  private readonly pages = new Map<number, Flight>()
  private readonly perHost = new Map<string, number>()
  peak = 0

  add(pageId: number, host: string): void {
    this.pages.set(pageId, { host, doing: 'starting' })
    this.perHost.set(host, (this.perHost.get(host) ?? 0) + 1)
    this.peak = Math.max(this.peak, this.pages.size)
  }

  doing(pageId: number, doing: Doing): void {
    const flight = this.pages.get(pageId)
    if (flight) flight.doing = doing
  }

  remove(pageId: number): void {
    const flight = this.pages.get(pageId)
    if (!flight) return
    this.pages.delete(pageId)
    const left = (this.perHost.get(flight.host) ?? 1) - 1
    if (left > 0) this.perHost.set(flight.host, left)
    else this.perHost.delete(flight.host)
  }

  get size(): number {
    return this.pages.size
  }

  /** Hosts with `max` pages in flight: no page of theirs may start now. */
  hostsAtLimit(max: number): string[] {
    return [...this.perHost].filter(([, n]) => n >= max).map(([host]) => host)
  }

  count(doing: Doing): number {
    let n = 0
    for (const f of this.pages.values()) if (f.doing === doing) n++
    return n
  }
}

export interface GovernorOptions {
  /** A fixed number of pages in flight, or 'auto'. */
  concurrency: number | 'auto'
  config: ControllerConfig
  adaptive: AdaptiveOptions
  flight: PagesInFlight
  /** Whether a page could be claimed now (the queue has one on a host below its limit). */
  claimable: () => boolean
  /** Called after the limit went up: start workers. */
  raised: () => void
}

const defaultMemory = (): { availableBytes: number; ownBytes: number | null } => ({
  availableBytes: os.freemem(),
  ownBytes: treeRss(),
})

export class ConcurrencyGovernor {
  private state: ControllerState
  private timer: NodeJS.Timeout | null = null
  private samples = 0
  private working = 0
  private waiting = 0
  private readonly startedAt = Date.now()
  private limitSince = Date.now()
  private limitTime = 0

  constructor(private readonly o: GovernorOptions) {
    this.state =
      o.concurrency === 'auto'
        ? initialState(o.config)
        : { limit: Math.max(1, o.concurrency), hold: 0, last: 'start' }
  }

  get limit(): number {
    return this.state.limit
  }

  get mode(): 'auto' | 'fixed' {
    return this.o.concurrency === 'auto' ? 'auto' : 'fixed'
  }

  start(): void {
    if (this.mode === 'fixed' || this.timer) return
    this.timer = setInterval(() => this.sample(), this.o.adaptive.sampleMs ?? 250)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** The most pages in flight at once, and the time-weighted mean of the limit. */
  stats(): { mode: 'auto' | 'fixed'; peak: number; meanLimit: number } {
    const now = Date.now()
    const total = this.limitTime + this.state.limit * (now - this.limitSince)
    const elapsed = Math.max(1, now - this.startedAt)
    return { mode: this.mode, peak: this.o.flight.peak, meanLimit: Number((total / elapsed).toFixed(2)) }
  }

  private sample(): void {
    const { flight, adaptive } = this.o
    this.working += flight.count('working')
    this.waiting += flight.count('waiting')
    if (++this.samples < (adaptive.samplesPerDecision ?? 8)) return
    const memory = (adaptive.memory ?? defaultMemory)()
    const signals: ConcurrencySignals = {
      working: this.working / this.samples,
      waiting: this.waiting / this.samples,
      backlog: flight.size >= this.state.limit && this.o.claimable(),
      availableMemoryBytes: memory.availableBytes,
      ownMemoryBytes: memory.ownBytes,
    }
    this.samples = this.working = this.waiting = 0
    const before = this.state.limit
    this.state = nextLimit(this.state, signals, this.o.config)
    if (this.state.limit === before) return
    const now = Date.now()
    this.limitTime += before * (now - this.limitSince)
    this.limitSince = now
    adaptive.onDecision?.(this.state.limit, this.state.last)
    if (this.state.limit > before) this.o.raised()
  }
}
