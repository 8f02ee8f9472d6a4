import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { ApiError, type ErrorCode } from '../../shared/api/errors'
import type { ApiResult } from '../../shared/api/result'
import type { Dispatch } from '../core/dispatch'
import { maxPhotoBytes } from '../core/photos/photo-limits'
import { isLoopbackAddress, isLoopbackHost, rendererCsp, tokenMatches } from './security'
import { createBrowserSession, type BrowserSession } from './browser-session'

export interface HttpDoorOptions {
  dispatch: Dispatch
  token: string
  /** Built renderer (out/renderer); when absent only the API is served. */
  staticDir?: string
  port?: number
}

export interface HttpDoor {
  url: string
  port: number
  close: () => Promise<void>
}

/** Room for the largest photo the store accepts, sent as base64 inside JSON (4/3 of the bytes, plus the rest). */
const maxBodyBytes = Math.ceil((maxPhotoBytes * 4) / 3) + 1024 * 1024

const statusOf: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNKNOWN_OPERATION: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  DB_LOCKED: 503,
  DB_CORRUPT: 503,
  DB_TOO_NEW: 503,
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': rendererCsp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

function sendResult(res: http.ServerResponse, result: ApiResult<unknown>): void {
  const status = result.ok ? 200 : (statusOf[result.error.code] ?? 500)
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8')
}

function refuse(res: http.ServerResponse, code: ErrorCode): void {
  sendResult(res, { ok: false, error: new ApiError(code).toBody() })
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes)
      throw new ApiError('VALIDATION', `请求过大（上限 ${maxBodyBytes / 1024 / 1024} MB）`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: HttpDoorOptions,
  op: string,
  session: BrowserSession,
  port: number,
) {
  const auth = req.headers.authorization
  const given = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined
  if (!tokenMatches(opts.token, given) && !session.allows(req.headers, port))
    return refuse(res, 'UNAUTHORIZED')
  if (req.method !== 'POST') return refuse(res, 'UNKNOWN_OPERATION')
  let input: unknown
  try {
    const text = await readBody(req)
    input = text.trim() === '' ? {} : JSON.parse(text)
  } catch (error) {
    const message = error instanceof ApiError ? error.message : '请求内容不是有效的 JSON'
    return sendResult(res, { ok: false, error: new ApiError('VALIDATION', message).toBody() })
  }
  sendResult(res, await opts.dispatch(op, input))
}

function serveStatic(res: http.ServerResponse, staticDir: string, urlPath: string): void {
  const root = path.resolve(staticDir)
  const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)
  const file = path.resolve(root, `.${relative}`)
  if (!file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden', 'text/plain; charset=utf-8')
  fs.readFile(file, (error, data) => {
    if (error) return send(res, 404, '未找到', 'text/plain; charset=utf-8')
    send(res, 200, data, contentTypes[path.extname(file)] ?? 'application/octet-stream')
  })
}

/** The browser door: the renderer and `POST /api/<operation>` on 127.0.0.1, token required, loopback only. */
export function startHttpDoor(opts: HttpDoorOptions): Promise<HttpDoor> {
  const session = createBrowserSession(opts.token)
  const server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo).port
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host, port)) {
      return refuse(res, 'FORBIDDEN')
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, opts, url.pathname.slice(5), session, port).catch(() => refuse(res, 'INTERNAL'))
      return undefined
    }
    // The page load with the token also gets the session cookie, so a link opened in a new tab stays signed in.
    const cookie = session.grant(url, port)
    if (cookie) res.setHeader('Set-Cookie', cookie)
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Method Not Allowed', 'text/plain')
    if (!opts.staticDir) return send(res, 404, '未找到', 'text/plain; charset=utf-8')
    return serveStatic(res, opts.staticDir, url.pathname)
  })
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new ApiError('IO_ERROR', `端口 ${opts.port} 已被占用，请用 --port 指定其他端口`)
          : error,
      )
    })
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        port,
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
