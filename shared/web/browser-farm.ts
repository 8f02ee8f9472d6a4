import { z } from '../domain/zod-setup'

/**
 * The browser farm: remote Chromium endpoints (DevTools WebSocket URLs) that a website-audit batch spreads its
 * pages over, each with its own number of pages at once. One parser and one validator for every door: the CLI's
 * `--browser-ws <url>[#<n>]`, the list in 设置 and the contract.
 *
 * The per-endpoint concurrency is written after a `#`: a WebSocket URL never has a fragment (RFC 6455 §3), so
 * `#4` cannot be part of the address, whereas `=4` could be the end of a query such as `?token=1234`.
 */

export interface FarmEndpoint {
  /** ws:// or wss:// DevTools endpoint (browserless: ws://host:3000?token=…, Grid 4: ws://grid:4444/session/<id>/se/cdp). */
  url: string
  /** Pages audited at once on this endpoint, 1–16. */
  concurrency: number
}

export const farmConcurrencyMin = 1
export const farmConcurrencyMax = 16
export const defaultEndpointConcurrency = 4
export const farmEndpointsMax = 32

/** The zh-CN problem with an endpoint address, or null when it is a usable ws:// or wss:// URL. */
export function endpointUrlProblem(text: string): string | null {
  const url = text.trim()
  if (!url) return '请填写远程浏览器地址（ws:// 或 wss:// 开头）'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return `“${url}”不是有效的网址：远程浏览器地址应形如 ws://主机:端口/…`
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')
    return `远程浏览器地址须以 ws:// 或 wss:// 开头（“${url}”是 ${parsed.protocol.replace(':', '')} 地址）`
  if (!parsed.hostname) return `远程浏览器地址“${url}”缺少主机名`
  if (parsed.hash) return `远程浏览器地址“${url}”不能含 #（# 后只能写同时检测的页面数，如 #4）`
  return null
}

export function concurrencyProblem(n: number): string | null {
  return Number.isInteger(n) && n >= farmConcurrencyMin && n <= farmConcurrencyMax
    ? null
    : `每个远程浏览器同时检测的页面数须为 ${farmConcurrencyMin}–${farmConcurrencyMax} 的整数`
}

export class FarmSpecError extends Error {}

/** `ws://host:9222/devtools/browser/…` or `ws://host:3000?token=abc#6` → the endpoint; throws FarmSpecError (zh-CN). */
export function parseEndpointSpec(text: string): FarmEndpoint {
  const spec = text.trim()
  const hash = spec.lastIndexOf('#')
  const url = hash >= 0 ? spec.slice(0, hash).trim() : spec
  let concurrency = defaultEndpointConcurrency
  if (hash >= 0) {
    const count = spec.slice(hash + 1).trim()
    concurrency = /^\d+$/.test(count) ? Number(count) : NaN
    const problem = concurrencyProblem(concurrency)
    if (problem) throw new FarmSpecError(`${problem}（“${spec}”中 # 后应为数字，如 #4）`)
  }
  const problem = endpointUrlProblem(url)
  if (problem) throw new FarmSpecError(problem)
  return { url, concurrency }
}

/** The same endpoint twice would open two farms on one browser: refused, with its address. */
export function duplicateEndpointProblem(endpoints: readonly FarmEndpoint[]): string | null {
  const seen = new Set<string>()
  for (const e of endpoints) {
    const key = e.url.trim()
    if (seen.has(key)) return `远程浏览器地址“${key}”重复填写`
    seen.add(key)
  }
  return null
}

export const farmEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, { message: '远程浏览器地址过长（至多 2000 个字符）' })
    .superRefine((url, ctx) => {
      const problem = endpointUrlProblem(url)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  concurrency: z.number().superRefine((n, ctx) => {
    const problem = concurrencyProblem(n)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  }),
})

/** The 设置 list: empty = audits launch the local browser (the default). */
export const farmSettingsSchema = z
  .object({
    endpoints: z
      .array(farmEndpointSchema)
      .max(farmEndpointsMax, { message: `远程浏览器至多 ${farmEndpointsMax} 个` }),
  })
  .superRefine((value, ctx) => {
    const problem = duplicateEndpointProblem(value.endpoints)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['endpoints'] })
  })

export type FarmSettings = z.infer<typeof farmSettingsSchema>

export const farmFieldLabels: Record<string, string> = {
  endpoints: '远程浏览器',
  url: '远程浏览器地址',
  concurrency: '同时检测页面数',
}

/**
 * An endpoint as shown in messages and logs: its query (browserless' `?token=…`) hidden, since a token there
 * gives full control of the browser.
 */
export function endpointLabel(url: string): string {
  try {
    const parsed = new URL(url)
    const hidden = [...parsed.searchParams.keys()].map((k) => `${k}=…`).join('&')
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}${hidden ? `?${hidden}` : ''}`
  } catch {
    return url.replace(/\?.*$/, '?…')
  }
}
