import path from 'node:path'

/**
 * Pure decision logic of the browser provider: which installed browser to use, and with which flags. The file
 * system check and the environment are parameters, so this unit-tests without a browser; browser-provider.ts
 * passes the real ones.
 */

export type BrowserKind = 'chrome' | 'edge' | 'chromium' | 'custom'
export type CandidateSource = 'env' | 'config' | 'well-known'

export interface BrowserCandidate {
  path: string
  kind: BrowserKind
  source: CandidateSource
}

/** Injected file system check: true when `path` is a file this process may execute. */
export type ExecutableProbe = (path: string) => boolean

export type EnvMap = Readonly<Record<string, string | undefined>>

export interface BrowserSearch {
  platform: NodeJS.Platform
  env: EnvMap
  /** Path configured in the app's settings. */
  configuredPath?: string | null
  /** Remote browser (`ws://host:port/devtools/browser/…`); when given no local browser is looked for. */
  browserWSEndpoint?: string | null
  /** Home folder, for per-user installs on macOS (defaults to env HOME). */
  homeDir?: string | null
}

export type BrowserChoice =
  | {
      kind: 'launch'
      executablePath: string
      browser: BrowserKind
      source: CandidateSource
      warnings: string[]
    }
  | { kind: 'connect'; browserWSEndpoint: string }

export type BrowserProviderErrorCode =
  'BROWSER_NOT_FOUND' | 'INVALID_WS_ENDPOINT' | 'LAUNCH_FAILED' | 'FLAG_REFUSED'

/** Typed error: `message` is zh-CN for the user, `messageEn` the English equivalent for logs and support. */
export class BrowserProviderError extends Error {
  readonly code: BrowserProviderErrorCode
  readonly messageEn: string
  /** Paths that were checked, in order. */
  readonly tried: readonly string[]

  constructor(
    code: BrowserProviderErrorCode,
    messageZh: string,
    messageEn: string,
    tried: readonly string[] = [],
  ) {
    super(messageZh)
    this.name = 'BrowserProviderError'
    this.code = code
    this.messageEn = messageEn
    this.tried = tried
  }
}

/** Case-insensitive lookup (Windows environment names are case-insensitive; an injected map is not). */
function envValue(env: EnvMap, name: string): string | undefined {
  const direct = env[name]
  if (direct) return direct
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase())
  const value = key === undefined ? undefined : env[key]
  return value ? value : undefined
}

function windowsCandidates(env: EnvMap): BrowserCandidate[] {
  const join = path.win32.join
  const pf = envValue(env, 'ProgramFiles') ?? 'C:\\Program Files'
  const pf86 = envValue(env, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)'
  const profile = envValue(env, 'USERPROFILE')
  const local = envValue(env, 'LOCALAPPDATA') ?? (profile ? join(profile, 'AppData', 'Local') : undefined)
  const roots = (sub: string[], exe: string, withLocal: boolean): string[] => [
    join(pf, ...sub, exe),
    join(pf86, ...sub, exe),
    ...(withLocal && local ? [join(local, ...sub, exe)] : []),
  ]
  return [
    ...roots(['Google', 'Chrome', 'Application'], 'chrome.exe', true).map((p) => ({
      path: p,
      kind: 'chrome' as const,
    })),
    ...roots(['Microsoft', 'Edge', 'Application'], 'msedge.exe', true).map((p) => ({
      path: p,
      kind: 'edge' as const,
    })),
    ...roots(['Chromium', 'Application'], 'chrome.exe', true).map((p) => ({
      path: p,
      kind: 'chromium' as const,
    })),
  ].map((c) => ({ ...c, source: 'well-known' }))
}

function macCandidates(home: string | undefined): BrowserCandidate[] {
  const apps: Array<[BrowserKind, string]> = [
    ['chrome', 'Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['edge', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    ['chromium', 'Chromium.app/Contents/MacOS/Chromium'],
  ]
  const dirs = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])]
  return dirs.flatMap((dir) =>
    apps.map(([kind, rel]) => ({ path: path.posix.join(dir, rel), kind, source: 'well-known' as const })),
  )
}

const LINUX: ReadonlyArray<[BrowserKind, string]> = [
  ['chromium', '/usr/bin/chromium'],
  ['chromium', '/usr/bin/chromium-browser'],
  ['chrome', '/usr/bin/google-chrome'],
  ['chrome', '/usr/bin/google-chrome-stable'],
  ['edge', '/usr/bin/microsoft-edge'],
  ['edge', '/usr/bin/microsoft-edge-stable'],
  ['chromium', '/snap/bin/chromium'],
  ['chrome', '/opt/google/chrome/chrome'],
  ['edge', '/opt/microsoft/msedge/msedge'],
]

/** Well-known install locations for the platform, in order of preference. */
export function wellKnownBrowserPaths(
  platform: NodeJS.Platform,
  env: EnvMap,
  homeDir?: string | null,
): BrowserCandidate[] {
  if (platform === 'win32') return windowsCandidates(env)
  if (platform === 'darwin') return macCandidates(homeDir ?? envValue(env, 'HOME'))
  return LINUX.map(([kind, p]) => ({ path: p, kind, source: 'well-known' }))
}

/** CHROME_PATH, then the configured path, then the well-known locations; duplicates removed. */
export function browserCandidates(search: BrowserSearch): BrowserCandidate[] {
  const list: BrowserCandidate[] = []
  const fromEnv = envValue(search.env, 'CHROME_PATH')?.trim()
  if (fromEnv) list.push({ path: fromEnv, kind: 'custom', source: 'env' })
  const configured = search.configuredPath?.trim()
  if (configured) list.push({ path: configured, kind: 'custom', source: 'config' })
  list.push(...wellKnownBrowserPaths(search.platform, search.env, search.homeDir))
  const seen = new Set<string>()
  const caseless = search.platform === 'win32'
  return list.filter((c) => {
    const key = caseless ? c.path.toLowerCase() : c.path
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function notFoundMessages(platform: NodeJS.Platform, count: number): [string, string] {
  const tail = `（已查找 ${count} 个位置，本软件不会自动下载浏览器）`
  const tailEn = ` (${count} locations checked; the app never downloads a browser)`
  const configure =
    '或在设置中填写浏览器程序的完整路径，或设置环境变量 CHROME_PATH，或配置远程浏览器地址（ws://…）'
  const configureEn =
    'or enter the full path of the browser program in Settings, set the CHROME_PATH environment variable, or configure a remote browser endpoint (ws://…)'
  if (platform === 'win32') {
    return [
      `未找到可用于网站检查的浏览器。请安装 Microsoft Edge 或 Google Chrome（Windows 10/11 一般已自带 Edge），${configure}，例如 C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe${tail}`,
      `No browser found for the website audit. Install Microsoft Edge or Google Chrome (Windows 10/11 usually ship with Edge), ${configureEn}, e.g. C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe${tailEn}`,
    ]
  }
  if (platform === 'darwin') {
    return [
      `未找到可用于网站检查的浏览器。请将 Google Chrome、Microsoft Edge 或 Chromium 安装到“应用程序”文件夹，${configure}${tail}`,
      `No browser found for the website audit. Install Google Chrome, Microsoft Edge or Chromium into the Applications folder, ${configureEn}${tailEn}`,
    ]
  }
  return [
    `未找到可用于网站检查的浏览器。请安装 Chromium、Google Chrome 或 Microsoft Edge（Debian/Ubuntu 可执行 sudo apt install chromium），${configure}${tail}`,
    `No browser found for the website audit. Install Chromium, Google Chrome or Microsoft Edge (on Debian/Ubuntu: sudo apt install chromium), ${configureEn}${tailEn}`,
  ]
}

/**
 * Picks the browser to use. A remote endpoint wins when given (it must be ws:// or wss://). Otherwise the first
 * candidate that `isExecutable` accepts; a CHROME_PATH or configured path that does not exist is skipped with a
 * zh-CN warning. Throws BrowserProviderError('BROWSER_NOT_FOUND') when nothing is found.
 */
export function resolveBrowser(search: BrowserSearch, isExecutable: ExecutableProbe): BrowserChoice {
  const endpoint = search.browserWSEndpoint?.trim()
  if (endpoint) {
    if (!/^wss?:\/\/[^\s/]+/i.test(endpoint)) {
      throw new BrowserProviderError(
        'INVALID_WS_ENDPOINT',
        `远程浏览器地址“${endpoint}”无效，应以 ws:// 或 wss:// 开头，例如 ws://127.0.0.1:9222/devtools/browser/…`,
        `Invalid remote browser endpoint "${endpoint}": it must start with ws:// or wss://, e.g. ws://127.0.0.1:9222/devtools/browser/…`,
      )
    }
    return { kind: 'connect', browserWSEndpoint: endpoint }
  }
  const warnings: string[] = []
  const tried: string[] = []
  for (const candidate of browserCandidates(search)) {
    tried.push(candidate.path)
    if (isExecutable(candidate.path)) {
      return {
        kind: 'launch',
        executablePath: candidate.path,
        browser: candidate.kind,
        source: candidate.source,
        warnings,
      }
    }
    if (candidate.source === 'env')
      warnings.push(`环境变量 CHROME_PATH 指向的文件不存在或不可执行：${candidate.path}，已改为自动查找`)
    if (candidate.source === 'config')
      warnings.push(`设置中的浏览器路径不存在或不可执行：${candidate.path}，已改为自动查找`)
  }
  const [zh, en] = notFoundMessages(search.platform, tried.length)
  throw new BrowserProviderError('BROWSER_NOT_FOUND', zh, en, tried)
}

/**
 * Flags added to every launch (besides puppeteer's own defaults, whose `--disable-features` list puppeteer merges
 * with ours). No spare renderer: Chromium keeps one pre-started renderer for the context that navigated last, and
 * the audit's warm tabs each have their own context, so with two or more tabs every page threw the other
 * context's spare away and started a new one that was never used (measured: one renderer started and discarded a
 * page, 0.3–0.5 s of CPU, on the benchmark's CPU-bound corpus).
 */
export const baseLaunchArgs: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-features=SpareRendererForSitePerProcess',
]

/** `--no-sandbox` only when running as root (Chromium refuses to start sandboxed as root), then the base flags and `extraArgs`. */
export function buildLaunchArgs(opts: { isRoot: boolean; extraArgs?: readonly string[] }): string[] {
  return [
    ...new Set([...(opts.isRoot ? ['--no-sandbox'] : []), ...baseLaunchArgs, ...(opts.extraArgs ?? [])]),
  ]
}
