import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorMessages, type ErrorCode } from '../../shared/api/errors'
import { httpStatusOf, requestPath } from '../../electron/server/http-door'
import { rawRequest, startDoorProcess, statusOf, type DoorProcess } from './support/raw-http'

// Issue #10, high 1: a request without the token (`GET /%`, `/assets/%ff`, `/a%00b`, `GET http://a:99999/`)
// threw in the static-file and URL code and Node exited. The door runs here in its own process, as
// `access-audit web` does, so a crash shows as that process exiting.

let door: DoorProcess
beforeAll(async () => {
  door = await startDoorProcess()
})
afterAll(async () => {
  await door?.stop()
})

const host = () => `Host: 127.0.0.1:${door.port}`
const line = (target: string, extra = '') =>
  `GET ${target} HTTP/1.1\r\n${host()}\r\n${extra}Connection: close\r\n\r\n`

async function stillServing(): Promise<void> {
  expect(door.child.exitCode, 'the door process exited').toBeNull()
  expect(door.child.signalCode).toBeNull()
  const page = await rawRequest(door.port, line('/'))
  expect(statusOf(page)).toBe(200)
  expect(page).toContain('<title>无障碍督查</title>')
}

describe('the browser door survives malformed requests', () => {
  // The four of the issue, and what else a hostile page or a port scanner can send.
  const answeredWith400: Array<[string, () => string]> = [
    ['GET /%', () => line('/%')],
    ['GET /assets/%ff', () => line('/assets/%ff')],
    ['GET /a%00b', () => line('/a%00b')],
    ['GET http://a:99999/ (absolute-form, invalid port)', () => line('http://a:99999/')],
    ['GET http://127.0.0.1/% (absolute-form)', () => line(`http://127.0.0.1:${door.port}/%`)],
    ['GET * (asterisk-form)', () => line('*')],
    ['OPTIONS *', () => `OPTIONS * HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`],
    ['a truncated percent-escape', () => line('/assets/app.js%E0%A4%A')],
    ['an encoded lone surrogate', () => line('/%ED%A0%80')],
    ['an overlong UTF-8 slash', () => line('/assets/%C0%AFapp.js')],
    ['%u escapes', () => line('/%uFFFF')],
    ['a NUL before an extension', () => line('/index.html%00.js')],
  ]
  for (const [name, request] of answeredWith400) {
    it(`answers 400 to ${name} and keeps serving`, async () => {
      expect(statusOf(await rawRequest(door.port, request()))).toBe(400)
      await stillServing()
    })
  }

  const refused: Array<[string, () => string | Buffer, boolean?]> = [
    ['an encoded path traversal', () => line('/..%2f..%2f..%2fetc%2fpasswd')],
    ['a dotted traversal', () => line('/%2e%2e/%2e%2e/etc/passwd')],
    ['a scheme-relative target', () => line('//evil.example/')],
    ['the API without a token, with a malformed name', () => line('/api/%')],
    ['a NUL in the API path', () => line('/api/units:list%00')],
    ['a malformed method', () => `G(T / HTTP/1.1\r\n${host()}\r\n\r\n`],
    ['an unknown HTTP version', () => `GET / HTTP/9.9\r\n${host()}\r\n\r\n`],
    ['a bare line feed request line', () => 'GET /\n\n'],
    ['garbage', () => '\u0000\u0001\u0002 \r\n\r\n'],
    ['a header without a colon', () => `GET / HTTP/1.1\r\n${host()}\r\nBroken header\r\n\r\n`],
    ['a control character in a header', () => `GET / HTTP/1.1\r\n${host()}\r\nX-A: a\u0001b\r\n\r\n`],
    [
      'a non-ASCII byte in the target',
      () => Buffer.from(`GET /\xff HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`, 'latin1'),
    ],
    ['a non-ASCII token', () => line('/api/units:list', 'Authorization: Bearer \u00ff\u00fe\r\n')],
    [
      'a negative Content-Length',
      () => `POST /api/units:list HTTP/1.1\r\n${host()}\r\nContent-Length: -1\r\n\r\n`,
    ],
    [
      'two Content-Lengths',
      () => `POST /api/units:list HTTP/1.1\r\n${host()}\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`,
    ],
    [
      'chunked and Content-Length together',
      () =>
        `POST /api/units:list HTTP/1.1\r\n${host()}\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n`,
    ],
    [
      'a malformed chunk',
      () => `POST /api/units:list HTTP/1.1\r\n${host()}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n`,
    ],
    ['a header far too long', () => line('/', `X-Long: ${'a'.repeat(70_000)}\r\n`)],
    ['a target far too long', () => line(`/${'a'.repeat(70_000)}`)],
    [
      'a foreign Host with a bad target',
      () => `GET /% HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    ],
    ['no Host at all (HTTP/1.0)', () => 'GET /% HTTP/1.0\r\n\r\n'],
  ]
  for (const [name, request] of refused) {
    it(`refuses ${name} with a 4xx and keeps serving`, async () => {
      const status = statusOf(await rawRequest(door.port, request()))
      expect(status).toBeGreaterThanOrEqual(400)
      expect(status).toBeLessThan(500)
      await stillServing()
    })
  }

  it('keeps serving after a body that stops half-way', async () => {
    const auth = `Authorization: Bearer ${door.token}\r\n`
    await rawRequest(
      door.port,
      `POST /api/units:create HTTP/1.1\r\n${host()}\r\n${auth}Content-Length: 100\r\n\r\n{"name":`,
      true,
    )
    await stillServing()
  })

  it('reads only origin-form targets, and never a host out of "//"', () => {
    expect(requestPath('/a/b?c=1')).toBe('/a/b')
    expect(requestPath('//evil.example/x')).toBe('//evil.example/x')
    expect(() => requestPath('http://a:99999/')).toThrow()
    expect(() => requestPath('*')).toThrow()
    expect(() => requestPath(undefined)).toThrow()
  })
})

describe('the HTTP status of every error code', () => {
  const clientSide: ErrorCode[] = [
    'VALIDATION',
    'NOT_FOUND',
    'UNKNOWN_OPERATION',
    'CONFLICT',
    'DUPLICATE',
    'INVALID_STATE',
    'UNAUTHORIZED',
    'FORBIDDEN',
    'NOT_COORDINATOR',
    'PACKAGE_REJECTED',
  ]
  for (const code of Object.keys(errorMessages) as ErrorCode[]) {
    it(`${code} has its own status`, () => {
      const status = httpStatusOf[code]
      expect(status).toBeDefined()
      if (clientSide.includes(code)) expect(status).toBeLessThan(500)
      else expect(status).toBeGreaterThanOrEqual(500)
    })
  }

  it('answers INVALID_STATE with 409, not 500', () => {
    expect(httpStatusOf.INVALID_STATE).toBe(409)
  })

  it('answers NOT_COORDINATOR (a field laptop asked to number a notice) with 403', () => {
    expect(httpStatusOf.NOT_COORDINATOR).toBe(403)
  })
})
