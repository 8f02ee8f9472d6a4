import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpDoor, type HttpDoor } from '../../../electron/server/http-door'
import { openTestCore, type TestCore } from '../../support/test-core'

let t: TestCore
let door: HttpDoor
const token = 'test-token-0123456789abcdefghijkl'

beforeAll(async () => {
  t = openTestCore()
  door = await startHttpDoor({ dispatch: t.core.dispatch('http'), token })
})
afterAll(async () => {
  await door.close()
  t.close()
})

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; json: unknown; headers: http.IncomingHttpHeaders }>(
    (resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: door.port,
          path,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
        },
        (res) => {
          let text = ''
          res.on('data', (c) => (text += c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              json: text ? JSON.parse(text) : null,
              headers: res.headers,
            }),
          )
        },
      )
      req.on('error', reject)
      req.end(body)
    },
  )
}

const auth = { Authorization: `Bearer ${token}` }

describe('HTTP door', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(door.url).toBe(`http://127.0.0.1:${door.port}/`)
  })

  it('refuses calls without a token or with a wrong one (401)', async () => {
    const none = await post('/api/units:list', '{}')
    expect(none.status).toBe(401)
    expect(none.json).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    const wrong = await post('/api/units:list', '{}', { Authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
  })

  it('refuses a foreign Host header (403)', async () => {
    const res = await post('/api/units:list', '{}', { ...auth, Host: 'attacker.example' })
    expect(res.status).toBe(403)
    expect(res.json).toMatchObject({ error: { code: 'FORBIDDEN', message: '拒绝访问：仅允许本机访问' } })
  })

  it('serves the contract with the token', async () => {
    const created = await post(
      '/api/units:create',
      JSON.stringify({ name: '浏览器单位', kind: 'other' }),
      auth,
    )
    expect(created.status).toBe(200)
    expect(created.json).toMatchObject({ ok: true, data: { name: '浏览器单位' } })
    expect(created.headers['content-security-policy']).toContain("default-src 'none'")
  })

  it('answers validation errors with 400 and zh-CN field messages', async () => {
    const res = await post('/api/places:create', JSON.stringify({ name: '', type: 'park' }), auth)
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'name', message: '场所名称：请填写场所名称' }] },
    })
  })

  it('answers malformed JSON and unknown operations clearly', async () => {
    const bad = await post('/api/units:list', '{not json', auth)
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ error: { message: '请求内容不是有效的 JSON' } })
    const unknown = await post('/api/units:explode', '{}', auth)
    expect(unknown.status).toBe(404)
    expect(unknown.json).toMatchObject({ error: { code: 'UNKNOWN_OPERATION' } })
  })
})
