import type { PageFailureReason } from '../../../../shared/web/audit-result'
import { secondsText, StepTimeoutError } from './timing'

/**
 * Why a page could not be audited, with the zh-CN text shown to the team. Every failure of a page ends as a
 * PageAuditError inside the pipeline and as `ok: false` in the PageResult; nothing is thrown to the caller.
 */
export class PageAuditError extends Error {
  constructor(
    readonly reason: PageFailureReason,
    readonly messageZh: string,
  ) {
    super(messageZh)
    this.name = 'PageAuditError'
  }
}

const DNS = /net::ERR_(NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|DNS_[A-Z_]+)/
const REDIRECT_LOOP = /net::ERR_TOO_MANY_REDIRECTS/
const TIMEOUT = /net::ERR_(TIMED_OUT|CONNECTION_TIMED_OUT)/
const CONNECTION =
  /net::ERR_(CONNECTION_[A-Z_]+|ADDRESS_[A-Z_]+|PROXY_[A-Z_]+|TUNNEL_[A-Z_]+|SSL_[A-Z_]+|CERT_[A-Z_]+|BAD_SSL_[A-Z_]+|EMPTY_RESPONSE|INTERNET_DISCONNECTED|NETWORK_[A-Z_]+|SOCKS_[A-Z_]+|INVALID_RESPONSE|RESPONSE_HEADERS_[A-Z_]+|HTTP2_[A-Z_]+|QUIC_[A-Z_]+|UNSAFE_PORT|BLOCKED_[A-Z_]+|CONTENT_LENGTH_MISMATCH|INCOMPLETE_CHUNKED_ENCODING)/
const CRASH =
  /Target closed|Session closed|Page crashed|Navigating frame was detached|browser has disconnected|Connection closed/i

/** The net::ERR_… code in a message, for the zh-CN detail. */
export function netErrorCode(message: string): string | null {
  return /net::ERR_[A-Z0-9_]+/.exec(message)?.[0] ?? null
}

export const failureMessages = {
  dns: (host: string) => `无法解析网站域名 ${host}（DNS 查询失败）。请确认网址拼写正确、网站仍在运行。`,
  connection: (detail: string) =>
    `无法连接到网站服务器（连接被拒绝、重置、代理或证书错误${detail ? `：${detail}` : ''}）。`,
  timeout: (ms: number) =>
    `页面在 ${secondsText(ms)}内未加载完成（导航超时），服务器响应过慢或页面主文档一直未传输完毕。`,
  httpStatus: (status: number) => `服务器返回错误状态码 ${status}，页面无法检测。`,
  notHtml: (type: string) =>
    `该地址不是网页（内容类型：${type || '未知'}），可能是文件下载、PDF、图片或数据接口，不做网页无障碍检测。`,
  download: () => '该地址触发文件下载，不是网页，不做网页无障碍检测（下载已被拒绝）。',
  redirectLoop: () => '页面重定向次数过多（重定向循环），无法打开。',
  crash: () => '浏览器标签页在检测过程中崩溃，本页未能完成检测。',
  auditTimeout: (ms: number) => `本页检测总时长超过 ${secondsText(ms)}，已中止。`,
  axeTimeout: (ms: number) => `axe 检测在 ${secondsText(ms)}内未能完成，已中止。`,
  unresponsive: (ms: number) =>
    `页面在检测过程中 ${secondsText(ms)}无响应（脚本长时间占用或页面过大），已中止。`,
  invalidUrl: (url: string) => `网址无效：${url}。只能检测以 http:// 或 https:// 开头的网址。`,
  internal: (detail: string) => `检测程序内部错误：${detail}`,
} as const

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** Classifies a navigation failure (Chromium's errorText or a puppeteer error) into a PageAuditError. */
export function classifyNavigationError(message: string, url: string): PageAuditError {
  const code = netErrorCode(message) ?? ''
  if (DNS.test(message)) return new PageAuditError('dns', failureMessages.dns(hostOf(url)))
  if (/net::ERR_(INVALID_URL|UNKNOWN_URL_SCHEME|DISALLOWED_URL_SCHEME)/.test(message))
    return new PageAuditError('invalid-url', failureMessages.invalidUrl(url))
  if (REDIRECT_LOOP.test(message)) return new PageAuditError('redirect-loop', failureMessages.redirectLoop())
  if (TIMEOUT.test(message)) return new PageAuditError('connection', failureMessages.connection(code))
  if (CONNECTION.test(message)) return new PageAuditError('connection', failureMessages.connection(code))
  if (/net::ERR_ABORTED/.test(message)) return new PageAuditError('not-html', failureMessages.download())
  if (CRASH.test(message)) return new PageAuditError('crash', failureMessages.crash())
  return new PageAuditError('internal', failureMessages.internal(code || message))
}

/** Any error escaping a pipeline step, as a PageAuditError. */
export function toPageAuditError(err: unknown, url: string): PageAuditError {
  if (err instanceof PageAuditError) return err
  // A page-side call that never returned: the page kept the browser busy (a script loop, a huge DOM).
  if (err instanceof StepTimeoutError)
    return new PageAuditError('audit-timeout', failureMessages.unresponsive(err.ms))
  const message = err instanceof Error ? err.message : String(err)
  if (netErrorCode(message)) return classifyNavigationError(message, url)
  if (CRASH.test(message)) return new PageAuditError('crash', failureMessages.crash())
  return new PageAuditError('internal', failureMessages.internal(message))
}

/** http(s) URLs only; anything else (file:, javascript:, mailto:, garbage) is 'invalid-url'. */
export function checkAuditUrl(url: string): PageAuditError | null {
  try {
    const u = new URL(url)
    if (u.protocol === 'http:' || u.protocol === 'https:') return null
  } catch {
    // falls through
  }
  return new PageAuditError('invalid-url', failureMessages.invalidUrl(url))
}
