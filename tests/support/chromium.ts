import fs from 'node:fs'
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
      '--proxy-server=127.0.0.1:9',
      '--lang=zh-CN',
    ],
  })
}
