import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { thirdPartySnippets, startThirdParty, largePng, ttfbMs, type ThirdParty } from './corpus-real-world'

/**
 * A generated government-portal-like site for the audit benchmark, served from 127.0.0.1: a link-heavy home page
 * (a few thousand elements), list pages, articles and service forms, with the violations such portals typically
 * have (images without alt, unlabeled search boxes, low-contrast footers, empty links, data tables without
 * headers, skipped heading levels, duplicate ids). Deterministic: the same path always gives the same page.
 * Any query string is ignored, so the corpus can be revisited under distinct URLs.
 *
 * Two modes. 'cpu': every response at once — auditing is all CPU. 'real-world': what portals look like from
 * outside (corpus-real-world.ts) — the server takes 100–800 ms to answer each page, pages carry third-party
 * counters, a web font and a share widget from a second local port that answer after 3–15 s or never, and large
 * images.
 */

export type CorpusMode = 'cpu' | 'real-world'

export const corpusPaths: readonly string[] = [
  '/',
  ...Array.from({ length: 8 }, (_, i) => `/list/${i + 1}`),
  ...Array.from({ length: 40 }, (_, i) => `/article/${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `/service/${i + 1}`),
]

const css = `body{font:16px/1.6 "Noto Sans CJK SC",sans-serif;margin:0}header{background:#b30000;color:#fff;padding:8px}
nav a{color:#fff;margin:0 6px}.low{color:#b5b5b5}.tiny{font-size:11px}table{border-collapse:collapse}
td{border:1px solid #ddd;padding:2px 6px}.cols{display:flex;flex-wrap:wrap}.col{width:30%;margin:4px}`
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

interface Extras {
  /** Third-party snippets for the page at this path ('' in cpu mode). */
  head: string
  body: string
  /** A large image for the page ('' in cpu mode). */
  photo: string
}

const noExtras: Extras = { head: '', body: '', photo: '' }

function shell(title: string, body: string, x: Extras = noExtras): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/static/site.css"><script src="/static/site.js"></script>${x.head}</head><body>
<header><img src="/static/logo.png" width="120" height="40"><nav>
<a href="/">首页</a><a href="/list/1">政务公开</a><a href="/list/2">政务服务</a><a href="/list/3">互动交流</a>
<a href="/service/1">办事指南</a><a href="#"><i class="icon-wx"></i></a></nav>
<form action="/search"><input type="text" name="q" placeholder="请输入关键字"><button><img src="/static/s.png"></button></form>
</header><div id="main">${x.photo}${body}</div>
<footer><p class="low tiny">主办：测试区人民政府办公室&#12288;承办：测试区大数据中心&#12288;网站标识码：1234567890</p>
<p class="low tiny">ICP备案：测ICP备00000000号&#12288;<a href="/article/1">网站地图</a>&#12288;<a href="/article/2">联系我们</a></p></footer>
${x.body}</body></html>`
}

function home(x: Extras): string {
  const columns = Array.from({ length: 24 }, (_, c) => {
    const items = Array.from(
      { length: 45 },
      (_, i) =>
        `<li><a href="/article/${((c * 45 + i) % 40) + 1}?from=home">测试区第${c + 1}栏目新闻标题第${i + 1}条：关于做好相关工作的通知</a><span class="low">2026-0${(i % 9) + 1}-1${i % 10}</span></li>`,
    ).join('')
    return `<div class="col"><h4>栏目 ${c + 1}</h4><ul>${items}</ul><a href="/list/${(c % 8) + 1}">更多</a></div>`
  }).join('')
  const banners = Array.from(
    { length: 8 },
    (_, i) => `<a href="/service/${(i % 6) + 1}"><img src="/static/b${i}.png"></a>`,
  )
  return shell(
    '测试区人民政府门户网站',
    `<h1>测试区人民政府</h1><div class="banners">${banners.join('')}</div><div class="cols">${columns}</div>`,
    x,
  )
}

function list(n: number, x: Extras): string {
  const items = Array.from(
    { length: 30 },
    (_, i) =>
      `<li><a href="/article/${((n * 30 + i) % 40) + 1}">政务公开信息第${n}-${i + 1}条</a> <span class="low">2026-03-${(i % 28) + 1}</span></li>`,
  ).join('')
  const pages = Array.from({ length: 8 }, (_, i) => `<a href="/list/${i + 1}">${i + 1}</a>`).join(' ')
  return shell(
    `政务公开 第${n}页`,
    `<h2>政务公开</h2><ul>${items}</ul><div class="pager">${pages}<a href="/list/${(n % 8) + 1}">&gt;</a></div>`,
    x,
  )
}

function article(n: number, x: Extras): string {
  const rows = Array.from(
    { length: 6 },
    (_, i) => `<tr><td>项目${i + 1}</td><td>${i * 17 + n}</td><td>已完成</td></tr>`,
  ).join('')
  const related = Array.from(
    { length: 5 },
    (_, i) => `<li><a href="/article/${((n + i) % 40) + 1}">相关阅读 ${i + 1}</a></li>`,
  ).join('')
  return shell(
    `关于做好相关工作的通知（第${n}号）`,
    `<h1>关于做好相关工作的通知</h1><h4>发布时间：2026-03-${(n % 28) + 1}</h4>
<div class="article"><p>各镇（街道）、区直各部门：</p><p>${'为进一步做好相关工作，现将有关事项通知如下。'.repeat(12)}</p>
<img src="/static/p${n % 5}.png" width="400" height="200">
<table><tr><td>项目</td><td>数量</td><td>状态</td></tr>${rows}</table>
<p id="note">附件：<a href="/article/${(n % 40) + 1}">点击这里</a></p><p id="note" class="low">（此件公开发布）</p>
${n % 4 === 0 ? '<a href="/list/1"></a>' : ''}${n % 5 === 0 ? '<iframe src="/static/frame.html" width="300" height="100"></iframe>' : ''}
</div><h3>相关阅读</h3><ul>${related}</ul>`,
    x,
  )
}

function service(n: number, x: Extras): string {
  return shell(
    `办事服务 ${n}`,
    `<h1>办事服务</h1><h3>网上办理</h3><form action="/submit">
<p>姓名 <input type="text" name="name"></p><p>身份证号 <input type="text" name="id"></p>
<p><select name="t"><option>个人</option><option>法人</option></select></p>
<p><input type="checkbox" name="agree"> 同意</p><p><input type="image" src="/static/submit.png"></p>
<button type="submit"></button></form><p class="low">咨询电话：0000-0000000（工作日 9:00-17:00）</p>`,
    x,
  )
}

function pageFor(pathname: string, extras: (path: string) => Extras): string | null {
  if (pathname === '/') return home(extras(pathname))
  const m = /^\/(list|article|service)\/(\d+)$/.exec(pathname)
  if (!m) return null
  const n = Number(m[2])
  if (m[1] === 'list' && n >= 1 && n <= 8) return list(n, extras(pathname))
  if (m[1] === 'article' && n >= 1 && n <= 40) return article(n, extras(pathname))
  if (m[1] === 'service' && n >= 1 && n <= 6) return service(n, extras(pathname))
  return null
}

export interface Corpus {
  origin: string
  mode: CorpusMode
  close(): Promise<void>
}

export interface CorpusOptions {
  mode?: CorpusMode
  /** Extra delay of every response of the site itself (a remote server's round trip), 0 by default. */
  latencyMs?: number
}

/** Serves the corpus (and in 'real-world' mode its third parties, on a second port). */
export async function startCorpus(options: CorpusOptions = {}): Promise<Corpus> {
  const mode = options.mode ?? 'cpu'
  const latencyMs = options.latencyMs ?? 0
  const third: ThirdParty | null = mode === 'real-world' ? await startThirdParty() : null
  const extras = (path: string): Extras => (third ? thirdPartySnippets(third.origin, path) : noExtras)
  const cache = new Map<string, string>()
  const respond = (pathname: string): { status: number; type: string; body: string | Buffer } => {
    const html = (body: string, status = 200) => ({ status, type: 'text/html; charset=utf-8', body })
    if (pathname === '/static/site.css') return { status: 200, type: 'text/css', body: css }
    if (pathname === '/static/site.js')
      return { status: 200, type: 'text/javascript', body: 'window.siteReady = true' }
    if (pathname === '/static/frame.html')
      return html(
        '<!doctype html><html lang="zh-CN"><body><img src="/static/map.png"><a href="/"></a></body></html>',
      )
    if (pathname.startsWith('/static/photo-'))
      return { status: 200, type: 'image/png', body: largePng(pathname) }
    if (pathname.startsWith('/static/') && pathname.endsWith('.png'))
      return { status: 200, type: 'image/png', body: png }
    let page = cache.get(pathname)
    if (page === undefined) {
      const made = pageFor(pathname, extras)
      if (made === null) return html('<p>未找到</p>', 404)
      page = made
      cache.set(pathname, page)
    }
    return html(page)
  }
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x')
    const { status, type, body } = respond(pathname)
    const send = () =>
      res.writeHead(status, { 'content-type': type, 'cache-control': 'max-age=3600' }).end(body)
    // A slow portal server: the page itself (not its static files) takes 100–800 ms to start answering.
    const delay = latencyMs + (third && type.startsWith('text/html') ? ttfbMs(pathname) : 0)
    if (delay > 0) setTimeout(send, delay)
    else send()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mode,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await third?.close()
    },
  }
}

/** `count` URLs: the corpus paths in order, then again with `?visit=k` until the count is reached. */
export function corpusUrls(origin: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const path = corpusPaths[i % corpusPaths.length] as string
    const round = Math.floor(i / corpusPaths.length)
    return `${origin}${path}${round === 0 ? '' : `?visit=${round}`}`
  })
}
