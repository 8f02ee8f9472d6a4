import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Issue 10.7: Chromium (about 1 GB with its renderers) must die with the process that launched it, even when that
 * process is killed with SIGKILL and runs no exit handler. Linux: read from /proc.
 */

const script = path.resolve('tests/integration/browser/launch-and-wait.mjs')

/** Live processes (zombies are dead: they only wait for their parent to collect them) in `group`. */
function liveInGroup(group: number): number[] {
  const pids: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === group && fields[0] !== 'Z') pids.push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  return pids
}

async function gone(group: number, within: number): Promise<boolean> {
  const until = Date.now() + within
  while (Date.now() < until) {
    if (liveInGroup(group).length === 0) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return liveInGroup(group).length === 0
}

describe.runIf(process.platform === 'linux')('the audit browser and its launcher', () => {
  it('Chromium ends when the process that launched it is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, [script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    })
    const pid = await new Promise<number>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('\n')) resolve(Number(out.trim()))
      })
      child.once('exit', (code) => reject(new Error(`launcher exited with ${code}`)))
    })
    expect(pid).toBeGreaterThan(0)
    // Chromium leads its own process group (puppeteer starts it detached), with its renderers in it.
    expect(liveInGroup(pid)).toContain(pid)
    child.kill('SIGKILL')
    // Generous bound for a loaded machine; the watchdog acts as soon as the launcher's pipe closes.
    expect(await gone(pid, 20_000)).toBe(true)
  })
})
