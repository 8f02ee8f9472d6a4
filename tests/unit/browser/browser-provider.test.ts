import { describe, expect, it } from 'vitest'
import {
  baseLaunchArgs,
  browserCandidates,
  buildLaunchArgs,
  BrowserProviderError,
  resolveBrowser,
  wellKnownBrowserPaths,
  type BrowserSearch,
  type ExecutableProbe,
} from '../../../electron/core/browser/browser-provider'

/** Fake file system: only the listed paths exist. Records every path it was asked about. */
function fakeFs(...existing: string[]): ExecutableProbe & { asked: string[] } {
  const asked: string[] = []
  const probe = ((p: string) => {
    asked.push(p)
    return existing.includes(p)
  }) as ExecutableProbe & { asked: string[] }
  probe.asked = asked
  return probe
}

const winEnv = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\zhang\\AppData\\Local',
}
const win: BrowserSearch = { platform: 'win32', env: winEnv }
const mac: BrowserSearch = { platform: 'darwin', env: { HOME: '/Users/li' } }
const linux: BrowserSearch = { platform: 'linux', env: {} }

const EDGE_X86 = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
const CHROME_LOCAL = 'C:\\Users\\zhang\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'
const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
const MAC_EDGE = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'

describe('resolveBrowser on Windows', () => {
  it('finds Edge in Program Files (x86) when Chrome is absent', () => {
    expect(resolveBrowser(win, fakeFs(EDGE_X86))).toEqual({
      kind: 'launch',
      executablePath: EDGE_X86,
      browser: 'edge',
      source: 'well-known',
      warnings: [],
    })
  })

  it('prefers Chrome (also a per-user install under LocalAppData) over Edge', () => {
    expect(resolveBrowser(win, fakeFs(EDGE_X86, CHROME_LOCAL))).toMatchObject({
      executablePath: CHROME_LOCAL,
      browser: 'chrome',
    })
  })

  it('reads Windows environment names case-insensitively and falls back to USERPROFILE', () => {
    const paths = wellKnownBrowserPaths('win32', {
      PROGRAMFILES: 'D:\\Apps',
      USERPROFILE: 'C:\\Users\\wang',
    }).map((c) => c.path)
    expect(paths).toContain('D:\\Apps\\Google\\Chrome\\Application\\chrome.exe')
    expect(paths).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe')
    expect(paths).toContain('C:\\Users\\wang\\AppData\\Local\\Chromium\\Application\\chrome.exe')
  })
})

describe('resolveBrowser on macOS and Linux', () => {
  it('finds apps in /Applications, Chrome first', () => {
    expect(resolveBrowser(mac, fakeFs(MAC_EDGE))).toMatchObject({ executablePath: MAC_EDGE, browser: 'edge' })
    expect(resolveBrowser(mac, fakeFs(MAC_EDGE, MAC_CHROME))).toMatchObject({
      executablePath: MAC_CHROME,
      browser: 'chrome',
    })
  })

  it('also looks in ~/Applications', () => {
    const home = '/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium'
    expect(resolveBrowser(mac, fakeFs(home))).toMatchObject({ executablePath: home, browser: 'chromium' })
  })

  it('checks the Linux locations in the documented order', () => {
    const probe = fakeFs('/snap/bin/chromium')
    expect(resolveBrowser(linux, probe)).toMatchObject({
      executablePath: '/snap/bin/chromium',
      browser: 'chromium',
    })
    expect(probe.asked.slice(0, 7)).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/microsoft-edge',
      '/usr/bin/microsoft-edge-stable',
      '/snap/bin/chromium',
    ])
    expect(
      resolveBrowser(linux, fakeFs('/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge')),
    ).toMatchObject({ browser: 'chrome' })
  })
})

describe('precedence', () => {
  it('CHROME_PATH wins over the configured path and the well-known locations', () => {
    const search = {
      ...linux,
      env: { CHROME_PATH: '/opt/custom/chrome' },
      configuredPath: '/opt/configured/chrome',
    }
    const choice = resolveBrowser(
      search,
      fakeFs('/opt/custom/chrome', '/opt/configured/chrome', '/usr/bin/chromium'),
    )
    expect(choice).toEqual({
      kind: 'launch',
      executablePath: '/opt/custom/chrome',
      browser: 'custom',
      source: 'env',
      warnings: [],
    })
  })

  it('the configured path wins over the well-known locations', () => {
    const search = { ...win, configuredPath: 'D:\\绿色软件\\chrome\\chrome.exe' }
    expect(resolveBrowser(search, fakeFs(EDGE_X86, 'D:\\绿色软件\\chrome\\chrome.exe'))).toMatchObject({
      source: 'config',
      executablePath: 'D:\\绿色软件\\chrome\\chrome.exe',
    })
  })

  it('skips a missing CHROME_PATH / configured path with zh-CN warnings', () => {
    const search = { ...linux, env: { CHROME_PATH: '/nope/chrome' }, configuredPath: '/gone/chrome' }
    const choice = resolveBrowser(search, fakeFs('/usr/bin/chromium'))
    expect(choice).toMatchObject({
      kind: 'launch',
      executablePath: '/usr/bin/chromium',
      source: 'well-known',
    })
    if (choice.kind !== 'launch') throw new Error('expected a launch choice')
    expect(choice.warnings).toEqual([
      expect.stringContaining('CHROME_PATH'),
      expect.stringContaining('设置中的浏览器路径'),
    ])
  })

  it('a remote endpoint wins and needs no local browser', () => {
    const probe = fakeFs()
    expect(
      resolveBrowser({ ...linux, browserWSEndpoint: ' ws://127.0.0.1:9222/devtools/browser/abc ' }, probe),
    ).toEqual({
      kind: 'connect',
      browserWSEndpoint: 'ws://127.0.0.1:9222/devtools/browser/abc',
    })
    expect(probe.asked).toEqual([])
  })

  it('rejects an endpoint that is not ws:// or wss://', () => {
    expect(() => resolveBrowser({ ...linux, browserWSEndpoint: 'http://127.0.0.1:9222' }, fakeFs())).toThrow(
      expect.objectContaining({ code: 'INVALID_WS_ENDPOINT', message: expect.stringContaining('ws://') }),
    )
  })

  it('lists each candidate once', () => {
    const list = browserCandidates({
      ...win,
      env: { ...winEnv, CHROME_PATH: EDGE_X86.toUpperCase() },
      configuredPath: EDGE_X86,
    })
    expect(list.filter((c) => c.path.toLowerCase() === EDGE_X86.toLowerCase())).toHaveLength(1)
    expect(list[0]).toMatchObject({ source: 'env' })
  })
})

describe('no browser found', () => {
  const attempt = (search: BrowserSearch): BrowserProviderError => {
    try {
      resolveBrowser(search, fakeFs())
    } catch (err) {
      if (err instanceof BrowserProviderError) return err
      throw err
    }
    throw new Error('expected BrowserProviderError')
  }

  it('throws a typed error with a zh-CN message naming what to install or configure', () => {
    const err = attempt(win)
    expect(err.code).toBe('BROWSER_NOT_FOUND')
    expect(err.message).toContain('未找到可用于网站检查的浏览器')
    expect(err.message).toContain('Microsoft Edge')
    expect(err.message).toContain('CHROME_PATH')
    expect(err.message).toContain('不会自动下载')
    expect(err.messageEn).toContain('Install Microsoft Edge or Google Chrome')
    expect(err.tried).toContain(EDGE_X86)
    expect(err.message).toContain(`已查找 ${err.tried.length} 个位置`)
  })

  it('gives platform-specific advice', () => {
    expect(attempt(linux).message).toContain('sudo apt install chromium')
    expect(attempt(linux).messageEn).toContain('sudo apt install chromium')
    expect(attempt(mac).message).toContain('应用程序')
    expect(attempt({ ...linux, env: { CHROME_PATH: '/x' } }).tried[0]).toBe('/x')
  })
})

describe('buildLaunchArgs', () => {
  it('adds --no-sandbox only as root, then the base flags and extra args', () => {
    expect(buildLaunchArgs({ isRoot: false })).toEqual([
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-features=SpareRendererForSitePerProcess',
    ])
    expect(buildLaunchArgs({ isRoot: true, extraArgs: ['--proxy-server=127.0.0.1:9'] })).toEqual([
      '--no-sandbox',
      ...baseLaunchArgs,
      '--proxy-server=127.0.0.1:9',
    ])
    expect(buildLaunchArgs({ isRoot: false, extraArgs: ['--disable-gpu', '--lang=zh-CN'] })).toEqual([
      ...baseLaunchArgs,
      '--lang=zh-CN',
    ])
  })
})
