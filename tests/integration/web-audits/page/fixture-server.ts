import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Local server for the page-audit tests (127.0.0.1, port 0): the fixture pages under tests/fixtures/web-audits/page/,
 * plus hostile endpoints (hangs, redirect loops, error statuses, non-HTML, downloads, generated audio).
 */

export const fixturesDir = fileURLToPath(new URL('../../../fixtures/web-audits/page/', import.meta.url))

export interface FixtureServer {
  base: string
  url(pathname: string): string
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
}

/** A mono 16-bit PCM WAV with a 440 Hz tone: real audio with a known duration for the autoplay check. */
export function toneWav(seconds: number): Buffer {
  const rate = 8000
  const n = Math.round(rate * seconds)
  const buf = Buffer.alloc(44 + n * 2)
  buf.write('RIFF', 0)
  buf.writeUInt32LE(36 + n * 2, 4)
  buf.write('WAVEfmt ', 8)
  buf.writeUInt32LE(16, 16)
  buf.writeUInt16LE(1, 20)
  buf.writeUInt16LE(1, 22)
  buf.writeUInt32LE(rate, 24)
  buf.writeUInt32LE(rate * 2, 28)
  buf.writeUInt16LE(2, 32)
  buf.writeUInt16LE(16, 34)
  buf.write('data', 36)
  buf.writeUInt32LE(n * 2, 40)
  for (let i = 0; i < n; i++)
    buf.writeInt16LE(Math.round(6000 * Math.sin((i / rate) * 2 * Math.PI * 440)), 44 + i * 2)
  return buf
}

function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
  const u = new URL(req.url ?? '/', 'http://127.0.0.1')
  const p = u.pathname
  if (p.startsWith('/hang')) return // never answers
  if (p === '/redirect-loop') {
    res.writeHead(302, { location: '/redirect-loop' }).end()
    return
  }
  if (p === '/status/500') {
    res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>服务器内部错误</h1>')
    return
  }
  if (p === '/status/500-empty' || p === '/status/404-empty') {
    res.writeHead(p.includes('404') ? 404 : 500).end()
    return
  }
  if (p === '/pdf') {
    res
      .writeHead(200, { 'content-type': 'application/pdf' })
      .end('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    return
  }
  if (p === '/json') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[1,2,3]}')
    return
  }
  if (p === '/download') {
    res
      .writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment; filename=a.bin',
      })
      .end('binary')
    return
  }
  if (p === '/never-finishes') {
    // Headers and the start of the document, then silence: DOMContentLoaded never comes.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.write('<!DOCTYPE html><html lang="zh-CN"><head><title>未完</title></head><body><p>开始')
    return
  }
  if (p === '/refresh-header') {
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        refresh: '30; url=/f/own-checks/good.html',
      })
      .end(
        '<!DOCTYPE html><html lang="zh-CN"><head><title>刷新</title></head><body><main><p>内容</p></main></body></html>',
      )
    return
  }
  if (p === '/many-links') {
    // A link-heavy page like a government portal's home page: slow for color-contrast and link-in-text-block.
    const n = Number(u.searchParams.get('n') ?? '2000')
    const items = Array.from(
      { length: n },
      (_, i) =>
        `<p style="color:#777">第 ${i} 条：<a href="/news/${i}.html" style="color:#666;text-decoration:none">新闻标题 ${i}</a> 的摘要文字</p>`,
    )
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!DOCTYPE html><html lang="zh-CN"><head><title>链接很多的页面</title></head><body><main><h1>新闻</h1><img src="/f/none.png">${items.join('')}</main></body></html>`,
      )
    return
  }
  if (p === '/tone.wav') {
    const seconds = Number(u.searchParams.get('s') ?? '5')
    res.writeHead(200, { 'content-type': 'audio/wav' }).end(toneWav(seconds))
    return
  }
  if (p.startsWith('/f/')) {
    const file = path.normalize(path.join(fixturesDir, p.slice(3)))
    if (file.startsWith(fixturesDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
      res.end(fs.readFileSync(file))
      return
    }
  }
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>未找到</h1>')
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const server = http.createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const base = `http://127.0.0.1:${port}`
  return {
    base,
    url: (pathname) => `${base}${pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections() // hanging responses would keep close() waiting forever
        server.close(() => resolve())
      }),
  }
}
