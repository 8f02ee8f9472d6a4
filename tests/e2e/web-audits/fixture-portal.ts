import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** The hostile string an audited page may carry: it must reach the app as text, never as markup. */
export const hostileSnippet = '<img src=x onerror=alert(1)>'

// A tiny portal on 127.0.0.1: the home page links to a news page (image without alt, a hostile title and text)
// and to a page answering 500. The home page carries the marker of a Chinese accessibility toolbar (as
// tests/fixtures/web-audits/page/overlays/overlays.html does), which the run page lists as information.
const pages: Record<string, { status: number; title: string; body: string }> = {
  '/': {
    status: 200,
    title: '测试门户首页',
    body: '<div id="rrbay_wzatool" hidden></div><a href="/news.html">新闻动态</a> <a href="/broken.html">办事指南</a>',
  },
  '/news.html': {
    status: 200,
    title: `新闻 ${hostileSnippet}`,
    body: '<img src="/x.png" width="20" height="20"><p>&lt;img src=x onerror=alert(1)&gt;</p>',
  },
  '/broken.html': { status: 500, title: '服务器错误', body: '服务器错误' },
}

export interface FixturePortal {
  origin: string
  close: () => Promise<void>
}

export async function startFixturePortal(): Promise<FixturePortal> {
  const server = http.createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname]
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('not found')
      return
    }
    res.writeHead(page.status, { 'Content-Type': 'text/html; charset=utf-8' })
    // The title is raw text in HTML (RCDATA), so the hostile snippet stays literal text in the audited page too.
    res.end(
      `<!doctype html><html lang="zh-CN"><head><title>${page.title}</title></head>` +
        `<body><main><h1>测试门户</h1>${page.body}</main></body></html>`,
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => server.close(() => done())),
  }
}
