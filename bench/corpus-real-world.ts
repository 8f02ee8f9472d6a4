import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

/**
 * What the benchmark corpus adds in 'real-world' mode, modelled on what Chinese government portals carry: a
 * Baidu-Tongji-style counter script inserted async by an inline snippet, a CNZZ-style hidden counter pixel, an
 * iconfont web font from a CDN (nav icons), and a Baidu-Share-style widget (the share links are in the page; the
 * widget script, inserted async, styles them as 16 px icons — which changes what axe's target-size rule sees, so
 * an audit that does not wait for it is not judging the page a visitor sees). All four come from a second local
 * port and answer after 3–15 s, or (the counters and the font) never: one request in eight. Counters are not cacheable (they count every
 * view); the font and the widget are, under one URL for every page, as on real sites — a tool that keeps its
 * HTTP cache between pages waits for them once, a first visit every time. Pages themselves take 100–800 ms to
 * start answering, and carry one large image. Deterministic: the same page path always gets the same delays.
 */

/** FNV-1a, for delays that depend only on the page and the resource. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** Server time to first byte of a page: 100–800 ms. */
export function ttfbMs(path: string): number {
  return 100 + (hash(`ttfb ${path}`) % 701)
}

/**
 * A third-party resource's answer time for the page at `path`: 3–15 s, or null (never; one request in eight).
 * The share widget always answers: it changes what axe sees, and one that never answers would be seen by a tool
 * that keeps its HTTP cache (from an earlier page) and not by a first visit — the results would differ by the
 * cache, not by the auditor. The counters and the font, which change nothing axe sees, may never answer.
 */
export function thirdPartyDelayMs(path: string, kind: string): number | null {
  const h = hash(`${kind} ${path}`)
  return h % 8 === 0 && kind !== '/share.js' ? null : 3_000 + ((h >>> 3) % 12_001)
}

/** The markup a page at `path` carries for its third parties (served from `origin`). */
export function thirdPartySnippets(
  origin: string,
  path: string,
): { head: string; body: string; photo: string } {
  const page = encodeURIComponent(path)
  const photo = `<p class="photo"><img src="/static/photo-${hash(path) % 5}.png" width="800" height="500" alt="工作现场照片"></p>`
  const head = `<meta name="referrer" content="unsafe-url">
<style>@font-face{font-family:"iconfont";src:url("${origin}/font/iconfont.woff2") format("woff2")}
.iconfont{font-family:"iconfont";font-style:normal;margin-right:4px}</style>
<script>var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="${origin}/hm.js?si=0a1b2c";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s)})();</script>`
  const body = `<div class="quick"><a href="/list/4"><i class="iconfont">&#xe600;</i>政策解读</a>
<a href="/list/5"><i class="iconfont">&#xe601;</i>在线访谈</a><a href="/service/2"><i class="iconfont">&#xe602;</i>办事指南</a></div>
<div class="bdsharebuttonbox"><a href="#" class="bds_more" data-cmd="more"></a><a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a><a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a></div>
<script>window._bd_share_config={share:{}};(document.getElementsByTagName('head')[0]||document.body).appendChild(document.createElement('script')).src='${origin}/share.js?v=89860593';</script>
<img src="${origin}/stat.gif?u=${page}" width="0" height="0" style="display:none" alt="">`
  return { head, body, photo }
}

/** The share widget: styles the share links as 16 px icons and makes them open a share dialog. */
const shareJs = `(function(){var s=document.createElement('style');
s.textContent='.bdsharebuttonbox a{float:left;width:16px;height:16px;margin:6px 6px 6px 0;background:#f2f2f2 url(data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==) no-repeat;cursor:pointer}';
document.head.appendChild(s);
var links=document.querySelectorAll('.bdsharebuttonbox a');
for(var i=0;i<links.length;i++)links[i].addEventListener('click',function(e){e.preventDefault()});})();`

const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64')
/** Not a real font: the browser waits for it like one, then falls back (a CDN answering with the wrong file). */
const font = Buffer.alloc(24_000, 7)

export interface ThirdParty {
  origin: string
  close(): Promise<void>
}

/** The third parties' server on a second port; the page a request is for comes from its full Referer. */
export async function startThirdParty(): Promise<ThirdParty> {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x')
    let page = '/'
    try {
      page = new URL(req.headers.referer ?? '').pathname
    } catch {
      // no referrer: the home page's delays
    }
    const kinds: Record<string, { type: string; body: Buffer | string; cache: string }> = {
      '/hm.js': { type: 'text/javascript', body: '_hmt.loaded=true', cache: 'no-store' },
      '/stat.gif': { type: 'image/gif', body: gif, cache: 'no-store' },
      '/font/iconfont.woff2': { type: 'font/woff2', body: font, cache: 'max-age=31536000' },
      '/share.js': { type: 'text/javascript', body: shareJs, cache: 'max-age=3600' },
    }
    const kind = kinds[pathname]
    if (!kind) {
      res.writeHead(404).end()
      return
    }
    const delay = thirdPartyDelayMs(page, pathname)
    if (delay === null) return // never answers
    const timer = setTimeout(
      () =>
        res
          .writeHead(200, {
            'content-type': kind.type,
            'cache-control': kind.cache,
            'access-control-allow-origin': '*',
          })
          .end(kind.body),
      delay,
    )
    res.on('close', () => clearTimeout(timer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const photos = new Map<string, Buffer>()

/** A large photo-like PNG (800 × 500, about 1 MB): noise that does not compress, as photos do not. */
export function largePng(pathname: string): Buffer {
  const cached = photos.get(pathname)
  if (cached) return cached
  const width = 800
  const height = 500
  const raw = Buffer.alloc((width * 3 + 1) * height)
  let seed = hash(pathname)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    raw[row] = 0 // filter: none
    for (let i = 1; i <= width * 3; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      raw[row + i] = (seed >>> 16) & 0xff
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // colour type: RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
  photos.set(pathname, png)
  return png
}
