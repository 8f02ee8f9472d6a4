import path from 'node:path'
import { BrowserWindow, dialog, session, shell, type Session } from 'electron'
import { rendererCsp } from '../server/security'
import { exportSaveDialogTitle, exportSavePathProblem, isAppExportDownload } from './download-policy'

/**
 * Only http(s) links, and only by the user's choice, leave the app: in the system browser, never in an app window.
 * Electronegativity OPEN_EXTERNAL_JS_CHECK (manual review): safe because the URL is parsed and any scheme other
 * than http/https (file:, smb:, custom protocol handlers) is dropped before shell.openExternal sees it.
 */
export function openExternalSafely(url: string): void {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:')
      void shell.openExternal(parsed.toString())
  } catch {
    // not a URL: ignore
  }
}

/**
 * Session-wide policy: every permission request is denied, and every response carries the app's CSP.
 * Electronegativity CSP_GLOBAL_CHECK (manual review): the policy is rendererCsp (electron/server/security.ts),
 * starting from default-src 'none' with script-src 'self' only; it is also in renderer/index.html as a meta tag,
 * and a unit test keeps unsafe-inline/unsafe-eval out of script-src.
 */
export function lockDownSession(ses: Session, dataDir: string): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [rendererCsp] } })
  })
  // Exports (PDF, Word, Excel) are Blobs the renderer made: each goes through the system save dialog, as the
  // user chooses where it lands; anything else is not downloaded at all. The chosen path is checked before the
  // download may write it: the data folder's own files (the database above all) are refused and the dialog asks
  // again.
  ses.on('will-download', (event, item, contents) => {
    if (!isAppExportDownload(item.getURL())) {
      event.preventDefault()
      return
    }
    const owner = BrowserWindow.fromWebContents(contents)
    const options = { title: exportSaveDialogTitle, defaultPath: item.getFilename() }
    for (;;) {
      const savePath = owner ? dialog.showSaveDialogSync(owner, options) : dialog.showSaveDialogSync(options)
      if (!savePath) {
        event.preventDefault()
        return
      }
      const problem = exportSavePathProblem(savePath, dataDir)
      if (!problem) {
        item.setSavePath(savePath)
        return
      }
      const warning = { type: 'warning' as const, title: '无法保存到此位置', message: problem }
      if (owner) dialog.showMessageBoxSync(owner, warning)
      else dialog.showMessageBoxSync(warning)
    }
  })
}

export function createMainWindow(preloadDir: string, dataDir: string): BrowserWindow {
  lockDownSession(session.defaultSession, dataDir)
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: '无障碍督查',
    webPreferences: {
      // Electronegativity PRELOAD_JS_CHECK (manual review): the preload exposes one function through contextBridge,
      // no Node or ipcRenderer object; main validates every call's sender and input (ipc-binder.ts, dispatch.ts).
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
      // Electronegativity BLINK_FEATURES_JS_CHECK (manual review): this only *disables* a feature; nothing is enabled.
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
