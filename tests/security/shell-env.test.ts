import { describe, expect, it } from 'vitest'
import { isLoopbackDevServerUrl, shellEnv } from '../../electron/main/shell-env'

// Issue #10, low 6: ACCESS_AUDIT_SQLITE_BINDING loaded any native module into the main process and
// ELECTRON_RENDERER_URL made any URL the trusted app page, in a packaged build too.

const hostile = {
  ELECTRON_RENDERER_URL: 'https://evil.example/app.html',
  ACCESS_AUDIT_SQLITE_BINDING: '/tmp/evil.node',
}

describe('the desktop shell and developer environment variables', () => {
  it('ignores every one of them in a packaged build, even well-formed ones', () => {
    expect(shellEnv(hostile, { packaged: true })).toEqual({
      rendererUrl: undefined,
      sqliteBinding: undefined,
    })
    expect(
      shellEnv(
        {
          ELECTRON_RENDERER_URL: 'http://localhost:5173/',
          ACCESS_AUDIT_SQLITE_BINDING: '/opt/b/better_sqlite3.node',
        },
        { packaged: true },
      ),
    ).toEqual({ rendererUrl: undefined, sqliteBinding: undefined })
  })

  it('in development accepts only a loopback dev server as the app page', () => {
    expect(
      shellEnv({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, { packaged: false }).rendererUrl,
    ).toBe('http://localhost:5173/')
    expect(shellEnv(hostile, { packaged: false }).rendererUrl).toBeUndefined()
    for (const url of ['http://127.0.0.1:5173/', 'http://[::1]:5173/', 'https://localhost:8443/'])
      expect(isLoopbackDevServerUrl(url), url).toBe(true)
    for (const url of [
      'https://evil.example/',
      'http://localhost.evil.example/',
      'http://127.0.0.1.nip.io/',
      'http://user:pw@localhost:5173/',
      'file:///tmp/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'http://0.0.0.0:5173/',
      'not a url',
    ])
      expect(isLoopbackDevServerUrl(url), url).toBe(false)
  })

  it('in development takes a SQLite binding only as an absolute path to a .node file', () => {
    expect(
      shellEnv({ ACCESS_AUDIT_SQLITE_BINDING: '/opt/b/better_sqlite3.node' }, { packaged: false })
        .sqliteBinding,
    ).toBe('/opt/b/better_sqlite3.node')
    for (const value of ['evil.node', '../evil.node', '/tmp/evil.so', ''])
      expect(
        shellEnv({ ACCESS_AUDIT_SQLITE_BINDING: value }, { packaged: false }).sqliteBinding,
      ).toBeUndefined()
  })
})
