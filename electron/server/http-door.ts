import fsp from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { ApiError, type ErrorCode } from '../../shared/api/errors'
import type { ApiResult } from '../../shared/api/result'
import { formatSize } from '../../shared/domain/format-size'
import type { Dispatch } from '../core/dispatch'
import { maxPhotoBytes } from '../core/photos/photo-limits'
import { maxPackageBytes } from '../../shared/domain/exchange'
import { isLoopbackAddress, isLoopbackHost, rendererCsp, tokenMatches } from './security'
import { createBrowserSession, type BrowserSession } from './browser-session'

export interface HttpDoorOptions {
  dispatch: Dispatch
  token: string
  /** Built renderer (out/renderer); when absent only the API is served. */
  staticDir?: string
  port?: number
  /** Where unforeseen failures are logged (the request itself gets a 500); console.error by default. */
  log?: (error: unknown) => void
}

export interface HttpDoor {
  url: string
  port: number
  close: () => Promise<void>
}

/** Room for the largest photo the store accepts, sent as base64 inside JSON (4/3 of the bytes, plus the rest). */
// The largest body: a photo or an exchange package, as base64 inside JSON.
const maxBodyBytes = Math.ceil((Math.max(maxPhotoBytes, maxPackageBytes) * 4) / 3) + 1024 * 1024

/**
 * The HTTP status of every error code (a Record, so a new code does not compile until it has one): refusals the
 * caller can fix are 4xx, the server's own trouble 5xx.
 */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNKNOWN_OPERATION: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  INVALID_STATE: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  DB_LOCKED: 503,
  DB_CORRUPT: 503,
  DB_TOO_NEW: 503,
  BROWSER_UNAVAILABLE: 503,
  IO_ERROR: 500,
  EXPORT_FAILED: 500,
  INTERNAL: 500,
  NOT_COORDINATOR: 403,
  PACKAGE_REJECTED: 422,
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
  const status = result.ok ? 200 : (httpStatusOf[result.error.code] ?? 500)
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
      throw new ApiError('VALIDATION', `请求过大（上限 ${formatSize(maxBodyBytes, 'down')}）`)
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

/** A request the door cannot make sense of (bad percent-encoding, a NUL byte, an absolute-form target…): 400. */
class BadRequest extends Error {}

/**
 * The path of an origin-form request target ("/a/b?c"). Anything else — absolute-form (`GET http://a:99999/`),
 * asterisk-form, garbage — is a bad request: a browser talking to this door only ever sends origin-form.
 */
export function requestPath(target: string | undefined): string {
  if (!target?.startsWith('/')) throw new BadRequest('request target is not origin-form')
  try {
    // Parsed against a fixed origin as a whole URL, so "//host/x" stays a path and never names a host.
    return new URL(`http://door.invalid${target}`).pathname
  } catch {
    throw new BadRequest('unparsable request target')
  }
}

async function serveStatic(res: http.ServerResponse, staticDir: string, urlPath: string): Promise<void> {
  const root = path.resolve(staticDir)
  let relative: string
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)
  } catch {
    throw new BadRequest('malformed percent-encoding')
  }
  if (relative.includes('\0')) throw new BadRequest('NUL in path')
  const file = path.resolve(root, `.${relative}`)
  if (!file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden', 'text/plain; charset=utf-8')
  let data: Buffer
  try {
    data = await fsp.readFile(file)
  } catch {
    return send(res, 404, '未找到', 'text/plain; charset=utf-8')
  }
  send(res, 200, data, contentTypes[path.extname(file)] ?? 'application/octet-stream')
}

async function handleRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: HttpDoorOptions,
  port: number,
  session: BrowserSession,
): Promise<void> {
  if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host, port)) {
    return refuse(res, 'FORBIDDEN')
  }
  const pathname = requestPath(req.url)
  if (pathname.startsWith('/api/')) return handleApi(req, res, opts, pathname.slice(5), session, port)
  // The page load with the token also gets the session cookie, so a link opened in a new tab stays signed in.
  const cookie = session.grant(new URL(`http://door.invalid${req.url}`), port)
  if (cookie) res.setHeader('Set-Cookie', cookie)
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', 'text/plain')
  if (!opts.staticDir) return send(res, 404, '未找到', 'text/plain; charset=utf-8')
  return serveStatic(res, opts.staticDir, pathname)
}

/**
 * The error boundary around every request: whatever a request does, it gets an answer (400 for a malformed
 * one, the typed error otherwise, 500 for the unforeseen) and the server goes on serving. An answer already
 * under way is cut off instead (its headers are gone).
 */
function answerFailure(res: http.ServerResponse, error: unknown, log: (error: unknown) => void): void {
  try {
    if (res.headersSent) {
      res.destroy()
      return
    }
    if (error instanceof BadRequest) {
      res.setHeader('Connection', 'close')
      return send(res, 400, '请求格式不正确', 'text/plain; charset=utf-8')
    }
    if (error instanceof ApiError) return sendResult(res, { ok: false, error: error.toBody() })
    log(error)
    refuse(res, 'INTERNAL')
  } catch (failure) {
    // Even the answer failed (a socket gone in between): drop this connection, keep the server.
    log(failure)
    res.destroy()
  }
}

/** The browser door: the renderer and `POST /api/<operation>` on 127.0.0.1, token required, loopback only. */
export function startHttpDoor(opts: HttpDoorOptions): Promise<HttpDoor> {
  const session = createBrowserSession(opts.token)
  let port = 0
  const log = opts.log ?? console.error
  const server = http.createServer((req, res) => {
    // Synchronous throws and rejections alike end in the boundary: one bad request never takes the server down.
    handleRequest(req, res, opts, port, session).catch((error: unknown) => answerFailure(res, error, log))
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
      port = (server.address() as AddressInfo).port
      // Errors of the listening socket itself (EMFILE when accepting) are logged; they must not end the process.
      server.on('error', log)
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
