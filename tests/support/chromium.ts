import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'

/** Debian's Chromium (installed by .ci/run) unless CHROME_PATH names another. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c))
  if (!found) throw new Error('未找到 Chromium：请安装 Debian 的 chromium 包，或设置 CHROME_PATH')
  return found
}

/** Closed-network flags: the proxy makes requests to outside hosts fail at once instead of stalling ~5 s each. */
export function launchTestBrowser(): Promise<Browser> {
  const asRoot = process.getuid?.() === 0
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...(asRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=SpareRendererForSitePerProcess',
      '--proxy-server=127.0.0.1:9',
      '--lang=zh-CN',
    ],
  })
}

/** A Chromium started as a remote endpoint, as a browser farm runs it: its DevTools WebSocket URL and the process. */
export interface RemoteChromium {
  wsUrl: string
  process: ChildProcess
  /** SIGKILL (no goodbye to connected clients), as a farm machine that dies. */
  kill(): void
  close(): Promise<void>
}

/**
 * Starts Chromium headless with a DevTools port chosen by the system (--remote-debugging-port=0, on 127.0.0.1),
 * its own temp profile and the closed-network proxy, and reads its ws:// URL from stderr.
 */
export async function startRemoteChromium(): Promise<RemoteChromium> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'access-audit-farm-'))
  const child = spawn(
    chromiumPath(),
    // puppeteer's own defaults, as a farm engine (browserless) runs Chromium: among them --disable-dev-shm-usage
    // (a small /dev/shm crashes renderers) and no backgrounding of tabs or timers.
    puppeteer.defaultArgs({
      headless: true,
      userDataDir: profile,
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--remote-debugging-port=0',
        '--remote-debugging-address=127.0.0.1',
        '--proxy-server=127.0.0.1:9',
        '--disable-gpu',
        '--disable-component-update',
        '--lang=zh-CN',
      ],
    }),
    // Its own process group, so a kill takes the renderers and helpers with it, as when a farm machine dies.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => reject(new Error(`Chromium 未给出调试地址：${text}`)), 30_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text)
      if (found) {
        clearTimeout(timer)
        resolve(found[1] as string)
      }
    })
    child.once('exit', (code) => reject(new Error(`Chromium 已退出（${code}）：${text}`)))
  })
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    } catch {
      child.kill('SIGKILL') // the group is gone already
    }
  }
  // Helpers of a killed Chromium may still write into the profile for a moment (ENOTEMPTY): retry, as rm -rf would.
  const cleanup = () => fs.rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 })
  return {
    wsUrl,
    process: child,
    kill: killGroup,
    async close() {
      if (child.exitCode === null && child.signalCode === null) killGroup()
      await exited
      cleanup()
    },
  }
}
