import path from 'node:path'
import { BrowserWindow, session, shell, type Session } from 'electron'
import { rendererCsp } from '../server/security'

/** Only http(s) links, and only by the user's choice, leave the app: in the system browser, never in an app window. */
export function openExternalSafely(url: string): void {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:')
      void shell.openExternal(parsed.toString())
  } catch {
    // not a URL: ignore
  }
}

/** Session-wide policy: every permission request is denied, and every response carries the app's CSP. */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [rendererCsp] } })
  })
}

export function createMainWindow(preloadDir: string): BrowserWindow {
  lockDownSession(session.defaultSession)
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: '无障碍督查',
    webPreferences: {
      preload: path.join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: undefined,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows; the app has none.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.once('ready-to-show', () => win.show())
  const contents = win.webContents
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  return win
}
