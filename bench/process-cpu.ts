import fs from 'node:fs'
import { processTree } from '../electron/core/web-audits/batch/process-memory'

/**
 * CPU time of this Node process and every process it started, by kind (Node, browser, renderer, GPU, utility),
 * sampled from /proc so that renderers which end during the run still count up to their last sample. Linux only:
 * elsewhere `stop()` returns null. Diagnostics for the audit benchmark: where the real path's CPU goes against the
 * baseline's.
 */

const TICKS_PER_SECOND = 100 // USER_HZ

interface Seen {
  kind: string
  first: number
  last: number
}

function kindOf(pid: number): string {
  if (pid === process.pid) return 'node'
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    const type = /--type=([\w-]+)/.exec(cmd)?.[1]
    return type ?? (/chrom/i.test(cmd) ? 'browser' : 'other')
  } catch {
    return 'other'
  }
}

function cpuTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12]) // utime, stime
  } catch {
    return null
  }
}

export interface CpuSampler {
  /**
   * CPU seconds by process kind since the sampler started, and under `<kind> processes` how many processes of
   * that kind were seen; null where /proc is not there.
   */
  stop(): Record<string, number> | null
}

export function sampleProcessCpu(intervalMs = 250): CpuSampler {
  if (!fs.existsSync('/proc/self/stat')) return { stop: () => null }
  const seen = new Map<number, Seen>()
  const sample = (initial: boolean): void => {
    for (const pid of processTree() ?? []) {
      const ticks = cpuTicks(pid)
      if (ticks === null) continue
      const known = seen.get(pid)
      if (known) {
        known.last = ticks
        // A renderer forked from the zygote shows the zygote's command line until it names itself, and none while
        // it is being set up (read then as 'other').
        if (known.kind === 'zygote' || known.kind === 'other') known.kind = kindOf(pid)
      } else seen.set(pid, { kind: kindOf(pid), first: initial ? ticks : 0, last: ticks })
    }
  }
  sample(true)
  const timer = setInterval(() => sample(false), intervalMs)
  return {
    stop() {
      clearInterval(timer)
      sample(false)
      const byKind: Record<string, number> = {}
      for (const s of seen.values()) {
        byKind[s.kind] = (byKind[s.kind] ?? 0) + (s.last - s.first) / TICKS_PER_SECOND
        byKind[`${s.kind} processes`] = (byKind[`${s.kind} processes`] ?? 0) + 1
      }
      return byKind
    },
  }
}

/** CPU milliseconds (user + system) of one process so far, or null when it cannot be read. */
export function processCpuMs(pid: number): number | null {
  const ticks = cpuTicks(pid)
  return ticks === null ? null : (ticks * 1000) / TICKS_PER_SECOND
}

/** CPU milliseconds so far of the processes of one kind (e.g. 'gpu-process') under `root`, or null without /proc. */
export function kindCpuMs(root: number, kind: string): number | null {
  const pids = processTree(root)
  if (!pids) return null
  let ticks = 0
  for (const pid of pids) if (kindOf(pid) === kind) ticks += cpuTicks(pid) ?? 0
  return (ticks * 1000) / TICKS_PER_SECOND
}
