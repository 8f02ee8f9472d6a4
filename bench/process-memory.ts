import fs from 'node:fs'

/**
 * Peak memory of this Node process plus every process it started (the browser and its renderers, GPU and
 * utility processes), sampled from /proc. RSS counts pages shared between Chromium's processes once per process,
 * so the sum overstates the real footprint; it is the same measure for both sides of the comparison.
 * Linux only (elsewhere only Node's own RSS is reported).
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

/** RSS of this process and all its descendants, in bytes. */
export function treeRss(root = process.pid): number {
  if (!fs.existsSync('/proc/self/stat')) return process.memoryUsage().rss
  const tree = children()
  let total = 0
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop() as number
    total += pid === process.pid ? process.memoryUsage().rss : rssBytes(pid)
    stack.push(...(tree.get(pid) ?? []))
  }
  return total
}

export interface MemorySampler {
  stop(): { peakBytes: number; samples: number }
}

/** Samples the process tree every `intervalMs` until stopped. */
export function sampleMemory(intervalMs = 250): MemorySampler {
  let peak = treeRss()
  let samples = 1
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss())
    samples++
  }, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      peak = Math.max(peak, treeRss())
      return { peakBytes: peak, samples: samples + 1 }
    },
  }
}
