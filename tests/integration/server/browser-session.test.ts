import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cookieValue, isSameOrigin } from '../../../electron/server/browser-session'
import { startHttpDoor, type HttpDoor } from '../../../electron/server/http-door'
import { openTestCore, type TestCore } from '../../support/test-core'
import { makeTempDir } from '../../support/temp-dir'
import fs from 'node:fs'
import path from 'node:path'

/** A browser-mode session that survives a link opened in a new tab, without weakening the token rule. */

let t: TestCore
let door: HttpDoor
let staticDir: { dir: string; cleanup: () => void }
const token = 'test-token-0123456789abcdefghijkl'

beforeAll(async () => {
  t = openTestCore()
  staticDir = makeTempDir()
  fs.writeFileSync(path.join(staticDir.dir, 'index.html'), '<!doctype html><title>x</title>')
  door = await startHttpDoor({ dispatch: t.core.dispatch('http'), token, staticDir: staticDir.dir })
})
afterAll(async () => {
  await door.close()
  t.close()
  staticDir.cleanup()
})

function request(method: string, urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: door.port, path: urlPath, method, headers },
        (res) => {
          let body = ''
          res.on('data', (c) => (body += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        },
      )
      req.on('error', reject)
      req.end(method === 'POST' ? '{}' : undefined)
    },
  )
}

const origin = () => `http://127.0.0.1:${door.port}`

async function sessionCookie(): Promise<string> {
  const page = await request('GET', `/?token=${token}`)
  const set = page.headers['set-cookie']?.[0] ?? ''
  expect(set).toMatch(
    new RegExp(`^access_audit_session_${door.port}=[\\w-]+; HttpOnly; SameSite=Strict; Path=/$`),
  )
  return set.split(';')[0]!
}

describe('browser-mode session cookie', () => {
  it('is set only by a page load that carries the right token, and never holds the token', async () => {
    const cookie = await sessionCookie()
    expect(cookie).not.toContain(token)
    expect((await request('GET', '/')).headers['set-cookie']).toBeUndefined()
    expect((await request('GET', '/?token=wrong')).headers['set-cookie']).toBeUndefined()
  })

  it('authorises API calls from the door’s own pages (a new tab without the token)', async () => {
    const cookie = await sessionCookie()
    const call = await request('POST', '/api/app:info', {
      Cookie: cookie,
      Origin: origin(),
      'Sec-Fetch-Site': 'same-origin',
      'Content-Type': 'application/json',
    })
    expect(call.status).toBe(200)
    expect(JSON.parse(call.body)).toMatchObject({ ok: true, data: { door: 'http' } })
  })

  it('counts for nothing from another origin, without an Origin, or with a wrong value (CSRF)', async () => {
    const cookie = await sessionCookie()
    // Another program on 127.0.0.1 is the same *site* for SameSite, but not the same origin.
    const otherPort = await request('POST', '/api/units:list', {
      Cookie: cookie,
      Origin: 'http://127.0.0.1:8080',
    })
    expect(otherPort.status).toBe(401)
    const crossSite = await request('POST', '/api/units:list', {
      Cookie: cookie,
      Origin: origin(),
      'Sec-Fetch-Site': 'cross-site',
    })
    expect(crossSite.status).toBe(401)
    expect((await request('POST', '/api/units:list', { Cookie: cookie })).status).toBe(401)
    const forged = await request('POST', '/api/units:list', {
      Cookie: `access_audit_session_${door.port}=guess`,
      Origin: origin(),
    })
    expect(forged.status).toBe(401)
    // The token alone still works as before (the tab that opened the printed address, the tests, scripts).
    const bearer = await request('POST', '/api/units:list', { Authorization: `Bearer ${token}` })
    expect(bearer.status).toBe(200)
  })

  it('reads cookies and origins strictly', () => {
    expect(cookieValue('a=1; access_audit_session_5=xyz; b=2', 'access_audit_session_5')).toBe('xyz')
    expect(cookieValue('access_audit_session_55=xyz', 'access_audit_session_5')).toBeUndefined()
    expect(isSameOrigin({ origin: 'http://127.0.0.1:5', host: '127.0.0.1:5' }, 5)).toBe(true)
    expect(isSameOrigin({ origin: 'http://localhost:5', host: '127.0.0.1:5' }, 5)).toBe(false)
    expect(isSameOrigin({ origin: 'null', host: '127.0.0.1:5' }, 5)).toBe(false)
  })
})
