import { describe, expect, it } from 'vitest'
import {
  initialState,
  nextLimit,
  type ConcurrencySignals,
  type ControllerConfig,
  type ControllerState,
} from '../../../../electron/core/web-audits/batch/concurrency-controller'
import { defaultControllerConfig } from '../../../../electron/core/web-audits/batch/batch-types'
import { PagesInFlight } from '../../../../electron/core/web-audits/batch/concurrency-governor'

const GB = 1024 ** 3
const config: ControllerConfig = {
  start: 2,
  min: 1,
  max: 8,
  cores: 2,
  memoryReserveBytes: 2 * GB,
  memoryFloorBytes: 1 * GB,
  memoryCeilingBytes: 8 * GB,
  holdDecisions: 0,
}

/** Pages on a slow site: in flight mostly waiting, a core idle, pages to start, memory to spare. */
const waitingOnNetwork: ConcurrencySignals = {
  working: 0.4,
  waiting: 1.6,
  backlog: true,
  availableMemoryBytes: 16 * GB,
  ownMemoryBytes: 2 * GB,
}

/** Pages that are all CPU: every page in flight works. */
const cpuBound: ConcurrencySignals = { ...waitingOnNetwork, working: 2, waiting: 0 }

function run(
  signals: ConcurrencySignals,
  steps: number,
  c = config,
  from?: ControllerState,
): ControllerState {
  let state = from ?? initialState(c)
  for (let i = 0; i < steps; i++) state = nextLimit(state, signals, c)
  return state
}

describe('nextLimit (adaptive concurrency)', () => {
  it('starts at one page per core', () => {
    expect(initialState(config).limit).toBe(2)
    expect(defaultControllerConfig(2, 24 * GB)).toMatchObject({ start: 2, max: 8, cores: 2 })
    expect(defaultControllerConfig(64, 24 * GB)).toMatchObject({ start: 4, max: 16 })
  })

  it('adds a page while the pages wait on the network and a core idles', () => {
    const next = nextLimit(initialState(config), waitingOnNetwork, config)
    expect(next).toMatchObject({ limit: 3, last: 'raise' })
    expect(run(waitingOnNetwork, 20).limit).toBe(config.max)
  })

  it('stays at one page per core on CPU-bound pages (the best fixed setting there)', () => {
    expect(run(cpuBound, 20).limit).toBe(2)
    expect(run({ ...cpuBound, working: 1.6, waiting: 0.3 }, 20).limit).toBe(2) // less than half a core idle
  })

  it('does not add pages when the CPU idles for another reason than waiting (nothing in flight waits)', () => {
    expect(run({ ...waitingOnNetwork, working: 0.5, waiting: 0.2 }, 5).limit).toBe(2)
  })

  it('takes a page away when more pages want the CPU than there are cores, but not below the start', () => {
    const high: ControllerState = { limit: 5, hold: 0, last: 'raise' }
    const saturated = { ...cpuBound, working: 3.2, waiting: 1.5 }
    expect(nextLimit(high, saturated, config)).toMatchObject({ limit: 4, last: 'lower' })
    expect(run(saturated, 20, config, high).limit).toBe(2)
  })

  it('settles where the cores are busy: the raise stops once pages working fill them', () => {
    // Each page works 30 % of its time: with six in flight 1.8 of the two cores are busy, less than half idles.
    let state = initialState(config)
    for (let i = 0; i < 20; i++) {
      const working = state.limit * 0.3
      state = nextLimit(state, { ...waitingOnNetwork, working, waiting: state.limit - working }, config)
    }
    expect(state.limit).toBe(6)
  })

  it('never starts more pages than the queue can give (every host at its politeness limit)', () => {
    expect(run({ ...waitingOnNetwork, backlog: false }, 10).limit).toBe(2)
  })

  it('stops raising near the memory ceiling and lowers below the floor, down to the minimum', () => {
    expect(run({ ...waitingOnNetwork, availableMemoryBytes: 1.5 * GB }, 5).limit).toBe(2)
    expect(run({ ...waitingOnNetwork, ownMemoryBytes: 7.5 * GB }, 5).limit).toBe(2)
    const tight = { ...waitingOnNetwork, availableMemoryBytes: 0.5 * GB }
    expect(nextLimit({ limit: 4, hold: 3, last: 'raise' }, tight, config)).toMatchObject({
      limit: 3,
      last: 'memory',
    })
    expect(run(tight, 10, config, { limit: 4, hold: 0, last: 'raise' }).limit).toBe(1)
    expect(run({ ...waitingOnNetwork, ownMemoryBytes: 9 * GB }, 10).limit).toBe(1)
  })

  it('waits the hold after a change before the next one', () => {
    const held = { ...config, holdDecisions: 2 }
    let state = nextLimit({ limit: 2, hold: 0, last: 'start' }, waitingOnNetwork, held)
    expect(state).toMatchObject({ limit: 3, hold: 2 })
    state = nextLimit(state, waitingOnNetwork, held)
    state = nextLimit(state, waitingOnNetwork, held)
    expect(state.limit).toBe(3)
    expect(nextLimit(state, waitingOnNetwork, held).limit).toBe(4)
  })

  it('never goes above the configured maximum', () => {
    expect(run(waitingOnNetwork, 50, { ...config, max: 3 }).limit).toBe(3)
  })
})

describe('PagesInFlight', () => {
  it('counts pages per host and by what they do, and names the hosts at their limit', () => {
    const flight = new PagesInFlight()
    flight.add(1, 'a.gov.cn')
    flight.add(2, 'a.gov.cn')
    flight.add(3, 'b.gov.cn')
    flight.doing(1, 'waiting')
    flight.doing(2, 'working')
    expect(flight.hostsAtLimit(2)).toEqual(['a.gov.cn'])
    expect([flight.count('waiting'), flight.count('working'), flight.count('starting')]).toEqual([1, 1, 1])
    flight.remove(1)
    expect(flight.hostsAtLimit(2)).toEqual([])
    expect(flight.size).toBe(2)
    expect(flight.peak).toBe(3)
  })
})
