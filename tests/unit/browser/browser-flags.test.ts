import { describe, expect, it } from 'vitest'
import {
  assertAllowedBrowserFlags,
  chromeArgsFromEnv,
  refusedBrowserFlags,
} from '../../../electron/core/browser/browser-flags'

describe('extra browser flags', () => {
  it('accepts the documented network, language and size flags', () => {
    const allowed = [
      '--proxy-server=127.0.0.1:9',
      '--proxy-bypass-list=<-loopback>',
      '--no-proxy-server',
      '--host-resolver-rules=MAP www.example.gov.cn 127.0.0.1',
      '--lang=zh-CN',
      '--accept-lang=zh-CN,zh',
      '--window-size=1280,800',
      '--force-device-scale-factor=2',
      '--user-agent=Mozilla/5.0',
      '--disable-dev-shm-usage',
    ]
    expect(refusedBrowserFlags(allowed)).toEqual([])
  })

  it('refuses flags that run programs, weaken the sandbox, open the browser or load code', () => {
    const refused = [
      '--renderer-cmd-prefix=/bin/sh -c touch',
      '--gpu-launcher=/bin/sh',
      '--utility-cmd-prefix=x',
      '--browser-subprocess-path=/tmp/x',
      '--no-sandbox',
      '--disable-web-security',
      '--remote-debugging-port=9222',
      '--load-extension=/tmp/ext',
      '--js-flags=--allow-natives-syntax',
      '--user-data-dir=/home/u/.config/chromium',
      'proxy-server=x',
      '--lang', // a value is required
      '--no-proxy-server=1', // takes none
      '--proxy-server=',
    ]
    expect(refusedBrowserFlags(refused)).toEqual(refused)
    expect(() => assertAllowedBrowserFlags(['--lang=zh-CN', '--no-sandbox'])).toThrow(
      /^不允许的浏览器启动参数：--no-sandbox。为安全起见，只接受以下参数：--proxy-server=…/,
    )
  })

  it('reads ACCESS_AUDIT_CHROME_ARGS split on spaces', () => {
    expect(chromeArgsFromEnv({ ACCESS_AUDIT_CHROME_ARGS: '  --lang=zh-CN   --proxy-server=a:1 ' })).toEqual([
      '--lang=zh-CN',
      '--proxy-server=a:1',
    ])
    expect(chromeArgsFromEnv({})).toEqual([])
  })
})
