import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Serves tests/fixtures/web-audits/gbk-portal/ (GBK bytes) on 127.0.0.1 with no charset in the HTTP headers, so
 * only the documents' own declarations say how to read them. Records every request's raw URL.
 */

const dir = fileURLToPath(new URL('../../../fixtures/web-audits/gbk-portal/', import.meta.url))

export interface GbkPortal {
  origin: string
  /** Raw request URLs (path and query as the client sent them). */
  requests: string[]
  close(): Promise<void>
}

export async function startGbkPortal(): Promise<GbkPortal> {
  const requests: string[] = []
  let origin = ''
  const server = http.createServer((req, res) => {
    const raw = req.url ?? '/'
    requests.push(raw)
    const pathname = new URL(raw, 'http://x').pathname
    const name = pathname === '/' ? 'index.html' : pathname.slice(1)
    const file = path.join(dir, name)
    if (!/^[\w-]+\.(html|xml)$/.test(name) || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>')
      return
    }
    let body = fs.readFileSync(file)
    if (name.endsWith('.xml'))
      body = Buffer.from(body.toString('latin1').replace(/__ORIGIN__/g, origin), 'latin1')
    res.writeHead(200, { 'content-type': name.endsWith('.xml') ? 'application/xml' : 'text/html' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    requests,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
