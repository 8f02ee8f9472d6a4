import path from 'node:path'

/**
 * Which developer environment variables the desktop shell honours. Pure (no `electron` import), so the decision
 * is unit-tested; main/index.ts passes `app.isPackaged`.
 *
 * A packaged build ignores them all: an installed app must not be turned, by a variable set in a shortcut, a
 * login script or by malware without admin rights, into one that loads a foreign native module into the main
 * process (ACCESS_AUDIT_SQLITE_BINDING) or trusts a web page as its own window with the full API
 * (ELECTRON_RENDERER_URL). In development (`npm start`), electron-vite sets ELECTRON_RENDERER_URL to its dev
 * server; only an http(s) URL on this machine's loopback is accepted, so a stray value cannot point the app window
 * at another host. ACCESS_AUDIT_SQLITE_BINDING must name an absolute path to a `.node` file.
 */
export interface ShellEnv {
  /** The dev server the window loads instead of the built renderer; undefined: the built renderer. */
  rendererUrl: string | undefined
  /** A better-sqlite3 binding built for Electron to use instead of the shipped one; undefined: the shipped one. */
  sqliteBinding: string | undefined
}

export function isLoopbackDevServerUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.username || url.password) return false
  return (
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname)
  )
}

export function shellEnv(env: NodeJS.ProcessEnv, options: { packaged: boolean }): ShellEnv {
  if (options.packaged) return { rendererUrl: undefined, sqliteBinding: undefined }
  const rendererUrl = env.ELECTRON_RENDERER_URL
  const binding = env.ACCESS_AUDIT_SQLITE_BINDING
  return {
    rendererUrl: rendererUrl && isLoopbackDevServerUrl(rendererUrl) ? rendererUrl : undefined,
    sqliteBinding: binding && path.isAbsolute(binding) && binding.endsWith('.node') ? binding : undefined,
  }
}
