import fs from 'node:fs'
import os from 'node:os'
import { connect, launch, type Browser } from 'puppeteer-core'
import { endpointLabel } from '../../../shared/web/browser-farm'
import {
  buildLaunchArgs,
  BrowserProviderError,
  resolveBrowser,
  type BrowserChoice,
  type EnvMap,
  type ExecutableProbe,
} from './browser-choice'
import { assertAllowedBrowserFlags, BrowserFlagError } from './browser-flags'
import { watchBrowserProcess } from './browser-watchdog'

export {
  baseLaunchArgs,
  browserCandidates,
  buildLaunchArgs,
  BrowserProviderError,
  resolveBrowser,
  wellKnownBrowserPaths,
} from './browser-choice'
export type {
  BrowserCandidate,
  BrowserChoice,
  BrowserKind,
  BrowserProviderErrorCode,
  BrowserSearch,
  CandidateSource,
  EnvMap,
  ExecutableProbe,
} from './browser-choice'

/**
 * Finds a Chromium-family browser already installed on the machine (or a remote one) for the website audit.
 * Never downloads a browser. Order: a remote `browserWSEndpoint` when given; else CHROME_PATH; else the path
 * configured in the app; else well-known install locations of Chrome, Edge and Chromium for the platform.
 *
 * The decision logic lives in browser-choice.ts (pure, re-exported here); this module adds the real file system
 * check, the process environment and puppeteer-core.
 */

export function isRunningAsRoot(): boolean {
  return process.getuid?.() === 0
}

/** Real file system check: an existing file, and on POSIX executable by this process. */
export const nodeExecutableProbe: ExecutableProbe = (p) => {
  try {
    if (!fs.statSync(p).isFile()) return false
    if (process.platform !== 'win32') fs.accessSync(p, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Where the browser comes from and its extra flags: one setting shared by web audits and the PDF renderer. */
export interface BrowserConfig {
  configuredPath?: string | null
  browserWSEndpoint?: string | null
  /**
   * Appended to the launch flags (tests pass e.g. '--proxy-server=127.0.0.1:9'); only the flags of
   * browser-flags.ts are accepted. Ignored when connecting.
   */
  extraArgs?: readonly string[]
}

export interface LaunchBrowserOptions extends BrowserConfig {
  /** Launch timeout in ms (default 30 000). */
  timeoutMs?: number
  env?: EnvMap
  platform?: NodeJS.Platform
  probe?: ExecutableProbe
}

export interface LaunchedBrowser {
  browser: Browser
  choice: BrowserChoice
}

/** puppeteer rejects some connect failures with a WebSocket ErrorEvent rather than an Error. */
function describeError(err: unknown): string {
  if (err instanceof Error) return err.message
  if (typeof err === 'object' && err !== null) {
    const { message, error } = err as { message?: unknown; error?: unknown }
    if (typeof message === 'string' && message) return message
    if (error instanceof Error) return error.message
  }
  return String(err)
}

export async function connectBrowser(browserWSEndpoint: string): Promise<Browser> {
  try {
    return await connect({ browserWSEndpoint })
  } catch (err) {
    // The address is shown without its query: a browserless token there gives full control of the browser.
    const label = endpointLabel(browserWSEndpoint)
    const detail = describeError(err).split(browserWSEndpoint).join(label)
    throw new BrowserProviderError(
      'LAUNCH_FAILED',
      `无法连接远程浏览器 ${label}：${detail}。请确认远程浏览器已启动并开放调试端口`,
      `Could not connect to the remote browser ${label}: ${detail}. Check that it is running with remote debugging enabled`,
    )
  }
}

function checkFlags(args: readonly string[]): void {
  try {
    assertAllowedBrowserFlags(args)
  } catch (err) {
    if (!(err instanceof BrowserFlagError)) throw err
    throw new BrowserProviderError(
      'FLAG_REFUSED',
      err.message,
      `Browser flags refused: ${err.refused.join(' ')}`,
    )
  }
}

/**
 * Resolves the browser (see `resolveBrowser`), then launches it headless or connects to the remote endpoint. A
 * launched browser is watched (browser-watchdog.ts): it ends when this process ends, even by `kill -9`.
 */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<LaunchedBrowser> {
  const timeoutMs = options.timeoutMs ?? 30_000
  checkFlags(options.extraArgs ?? [])
  const choice = resolveBrowser(
    {
      platform: options.platform ?? process.platform,
      env: options.env ?? process.env,
      configuredPath: options.configuredPath ?? null,
      browserWSEndpoint: options.browserWSEndpoint ?? null,
      homeDir: os.homedir(),
    },
    options.probe ?? nodeExecutableProbe,
  )
  if (choice.kind === 'connect') return { browser: await connectBrowser(choice.browserWSEndpoint), choice }
  try {
    const browser = await launch({
      executablePath: choice.executablePath,
      headless: true,
      args: buildLaunchArgs({ isRoot: isRunningAsRoot(), extraArgs: options.extraArgs ?? [] }),
      timeout: timeoutMs,
    })
    watchBrowserProcess(browser.process())
    return { browser, choice }
  } catch (err) {
    const detail = describeError(err)
    throw new BrowserProviderError(
      'LAUNCH_FAILED',
      `浏览器启动失败（${choice.executablePath}）：${detail}`,
      `The browser failed to start (${choice.executablePath}): ${detail}`,
      [choice.executablePath],
    )
  }
}
