import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A small government-portal-like site on 127.0.0.1 (port 0) for the audit integration tests: a home page with
 * the usual violations, news lists and articles, a sitemap, and the pages that break audits — a 500, a page
 * that never answers, an alert() box, an endless redirect. Counts the document requests per path.
 */

export interface TestSite {
  origin: string
  /** Document (HTML) requests per path, query included. */
  hits: Map<string, number>
  close(): Promise<void>
}

const layout = (title: string, body: string, lang = 'zh-CN') => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<style>.low{color:#aaa;background:#fff}</style></head>
<body><header><img src="/logo.png"><nav>${body.includes('<nav-skip>') ? '' : '<a href="/">首页</a>'}</nav></header>
<main>${body}</main><footer><p class="low">主办单位：测试区人民政府办公室</p></footer></body></html>`

const link = (href: string, text: string) => `<a href="${href}">${text}</a>`

function pageFor(
  path: string,
): { status?: number; type?: string; body: string } | 'hang' | { redirect: string } | null {
  const url = new URL(path, 'http://x')
  const p = url.pathname
  if (p === '/')
    return {
      body: layout(
        '测试区人民政府',
        [
          link('/news', '新闻动态'),
          link('/news/', '新闻（重复）'),
          link('/news#top', '新闻（片段）'),
          link('/about?utm_source=wechat', '概况'),
          link('/services', '办事服务'),
          link('/files/guide.pdf', '办事指南 PDF'),
          link('mailto:office@example.gov.cn', '来信'),
          link('javascript:void(0)', '无障碍'),
          link('http://outside.example/', '外部链接'),
          '<form><input type="text" name="q"><button></button></form>',
        ].join(' '),
      ),
    }
  if (p === '/news')
    return { body: layout('新闻动态', [1, 2, 3].map((n) => link(`/news/${n}`, `新闻 ${n}`)).join(' ')) }
  const article = /^\/news\/(\d+)$/.exec(p)
  if (article)
    return {
      body: layout(
        `新闻 ${article[1]}`,
        `<p>正文</p>${link(`/news/${article[1]}/detail`, '详情')}<img src="/p.png">`,
      ),
    }
  if (/^\/news\/\d+\/detail$/.test(p)) return { body: layout('详情', '<p>详情</p>') }
  if (p === '/about') return { body: layout('概况', '<h1>概况</h1><p>本区概况。</p>') }
  if (p === '/services') return { body: layout('办事服务', '<h1>办事</h1><input type="checkbox">') }
  if (p === '/clean')
    return {
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>无障碍说明</title></head>
<body><main><h1>无障碍说明</h1><p>本网站支持键盘访问。</p></main></body></html>`,
    }
  if (p === '/sitemap-only') return { body: layout('仅在站点地图中', '<p>站点地图页面</p>') }
  if (p === '/error500') return { status: 500, body: layout('服务器错误', '<p>内部错误</p>') }
  if (p === '/hang') return 'hang'
  if (p === '/alert')
    return { body: layout('弹窗', '<script>alert("欢迎访问");confirm("确定？")</script><img src="/a.png">') }
  if (p === '/loop') return { redirect: '/loop-b' }
  if (p === '/loop-b') return { redirect: '/loop' }
  if (p === '/files/guide.pdf') return { type: 'application/pdf', body: '%PDF-1.4' }
  return null
}

const sitemap = (origin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${origin}/sitemap-only</loc></url><url><loc>${origin}/about</loc></url></urlset>`

export async function startTestSite(): Promise<TestSite> {
  const hits = new Map<string, number>()
  const hanging = new Set<http.ServerResponse>()
  let origin = ''
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/'
    if (path === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(sitemap(origin))
      return
    }
    if (/\.(png|ico)$/.test(path) || path === '/robots.txt') {
      res.writeHead(404).end()
      return
    }
    hits.set(path, (hits.get(path) ?? 0) + 1)
    const page = pageFor(path)
    if (page === null) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(layout('未找到', '<p>404</p>'))
    } else if (page === 'hang') {
      hanging.add(res) // never answered; closed when the site stops
    } else if ('redirect' in page) {
      res.writeHead(302, { location: page.redirect }).end()
    } else {
      res
        .writeHead(page.status ?? 200, { 'content-type': page.type ?? 'text/html; charset=utf-8' })
        .end(page.body)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    hits,
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
