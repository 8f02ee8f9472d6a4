import fs from 'node:fs'

/**
 * Memory of this Node process plus every process it started (the browser and its renderers, GPU and utility
 * processes), read from /proc: the batch runner's memory ceiling and the benchmark's peak memory. RSS counts pages
 * shared between Chromium's processes once per process, so the sum overstates the real footprint (a safe error
 * for a ceiling; the same measure on both sides of the benchmark). Linux only: elsewhere `treeRss` is null.
 */

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Field 4 (ppid) follows the command name in parentheses, which may itself contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const list = map.get(ppid) ?? []
      list.push(Number(entry))
      map.set(ppid, list)
    } catch {
      // the process ended while we looked
    }
  }
  return map
}

function rssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
    return kb ? Number(kb) * 1024 : 0
  } catch {
    return 0
  }
}

/** This process (or `root`) and all its descendants' process ids; null where /proc is not there. */
export function processTree(root = process.pid): number[] | null {
  if (!fs.existsSync('/proc/self/stat')) return null
  const tree = children()
  const out: number[] = []
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop() as number
    out.push(pid)
    stack.push(...(tree.get(pid) ?? []))
  }
  return out
}

/** RSS of this process and all its descendants, in bytes; null where /proc is not there. */
export function treeRss(root = process.pid): number | null {
  const pids = processTree(root)
  if (!pids) return null
  return pids.reduce(
    (total, pid) => total + (pid === process.pid ? process.memoryUsage().rss : rssBytes(pid)),
    0,
  )
}

export interface MemorySampler {
  stop(): { peakBytes: number; samples: number }
}

/** Samples the process tree every `intervalMs` until stopped (Node's own RSS where /proc is not there). */
export function sampleMemory(intervalMs = 250): MemorySampler {
  const read = (): number => treeRss() ?? process.memoryUsage().rss
  let peak = read()
  let samples = 1
  const timer = setInterval(() => {
    peak = Math.max(peak, read())
    samples++
  }, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      peak = Math.max(peak, read())
      return { peakBytes: peak, samples: samples + 1 }
    },
  }
}
