/**
 * Extra Chromium flags a user may give (`ACCESS_AUDIT_CHROME_ARGS`, `access-audit audit --browser-arg`): only the
 * flags on this list, because many others run commands (`--renderer-cmd-prefix`, `--gpu-launcher`,
 * `--utility-cmd-prefix`, `--browser-subprocess-path`), weaken the sandbox or the web's security
 * (`--no-sandbox`, `--disable-web-security`), open the browser to other programs (`--remote-debugging-port`), load
 * code (`--load-extension`, `--js-flags`) or write files (`--log-file`, `--user-data-dir`). The app adds
 * `--no-sandbox` itself only when running as root, where Chromium cannot start sandboxed.
 *
 * Each allowed flag changes only how the audit browser reaches and presents pages: network (a closed network's
 * proxy, a host mapped to a test server), language, and window and pixel size.
 */

export interface AllowedBrowserFlag {
  flag: string
  /** zh-CN: what it is for (README and the refusal message). */
  purpose: string
  /** Whether it takes `=value`. */
  value: boolean
}

export const allowedBrowserFlags: readonly AllowedBrowserFlag[] = [
  { flag: '--proxy-server', purpose: '代理服务器（内网、测试中的封闭网络）', value: true },
  { flag: '--proxy-bypass-list', purpose: '不经代理的主机', value: true },
  { flag: '--proxy-pac-url', purpose: '代理自动配置（PAC）地址', value: true },
  { flag: '--no-proxy-server', purpose: '不使用代理', value: false },
  { flag: '--host-resolver-rules', purpose: '把主机名解析到指定地址（如检测测试服务器）', value: true },
  { flag: '--lang', purpose: '浏览器界面语言', value: true },
  { flag: '--accept-lang', purpose: '请求页面时声明的语言', value: true },
  { flag: '--window-size', purpose: '窗口大小', value: true },
  { flag: '--force-device-scale-factor', purpose: '像素比（截图清晰度）', value: true },
  { flag: '--user-agent', purpose: '浏览器标识（网站拒绝无头浏览器时）', value: true },
  { flag: '--disable-dev-shm-usage', purpose: '容器中共享内存不足时', value: false },
]

export class BrowserFlagError extends Error {
  constructor(readonly refused: readonly string[]) {
    super(
      `不允许的浏览器启动参数：${refused.map((arg) => arg.split('=')[0]!.slice(0, 80)).join('、')}。为安全起见，只接受以下参数：${allowedBrowserFlags
        .map((f) => (f.value ? `${f.flag}=…` : f.flag))
        .join('、')}（可能执行其他程序、削弱浏览器隔离或写入文件的参数一律拒绝）`,
    )
    this.name = 'BrowserFlagError'
  }
}

/** The allowed entry of one `--name[=value]` argument, or null. */
function allowedEntry(arg: string): AllowedBrowserFlag | null {
  const match = /^(--[a-z0-9-]+)(=(.*))?$/.exec(arg)
  if (!match) return null
  const entry = allowedBrowserFlags.find((f) => f.flag === match[1])
  if (!entry) return null
  const hasValue = match[2] !== undefined
  if (entry.value !== hasValue || (hasValue && match[3] === '')) return null
  return entry
}

/** The flags not on the allow-list (in the order given). */
export function refusedBrowserFlags(args: readonly string[]): string[] {
  return args.filter((arg) => allowedEntry(arg) === null)
}

/** Throws BrowserFlagError (zh-CN) when any flag is not allowed. */
export function assertAllowedBrowserFlags(args: readonly string[]): void {
  const refused = refusedBrowserFlags(args)
  if (refused.length > 0) throw new BrowserFlagError(refused)
}

/** `ACCESS_AUDIT_CHROME_ARGS`: flags separated by spaces (checked when a browser is launched). */
export const chromeArgsEnv = 'ACCESS_AUDIT_CHROME_ARGS'

export function chromeArgsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[chromeArgsEnv] ?? '').split(/\s+/).filter(Boolean)
}
