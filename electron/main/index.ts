import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, dialog, type BrowserWindow, type WebContents } from 'electron'
import { openAppCore, type Core } from '../core/open-core'
import { bindIpc } from './ipc-binder'
import { installMenu } from './menu'
import { shellEnv } from './shell-env'
import { createMainWindow } from './window'

const here = path.dirname(fileURLToPath(import.meta.url))
// Developer variables count only in development, and then only within limits (shell-env.ts).
const devEnv = shellEnv(process.env, { packaged: app.isPackaged })
let mainWindow: BrowserWindow | null = null
let core: Core | null = null

// One app instance per user: a second launch focuses the first instead of opening the database twice.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.whenReady().then(start, (error: unknown) => fail(error))
  app.on('window-all-closed', () => app.quit())
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting || !core) return
    // Let running audit batches put their pages back in the queue before the database closes.
    event.preventDefault()
    quitting = true
    void core.shutdown().finally(() => app.quit())
  })
}

function appUrl(): string {
  return devEnv.rendererUrl ?? pathToFileURL(path.join(here, '../renderer/index.html')).toString()
}

function electronSqliteBinding(): string | undefined {
  const candidates = [
    devEnv.sqliteBinding,
    path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    path.join(here, '../native/better_sqlite3.node'),
  ]
  return candidates.find((file): file is string => !!file && fs.existsSync(file))
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox('无障碍督查无法启动', message)
  app.exit(1)
}

function start(): void {
  try {
    // The desktop app loads a better-sqlite3 rebuilt for Electron's ABI (electron/build/rebuild-native.mjs, see
    // README); node_modules keeps the Node build for tests and the CLI.
    const nativeBinding = electronSqliteBinding()
    core = openAppCore(app.getPath('userData'), app.getVersion(), nativeBinding ? { nativeBinding } : {})
  } catch (error) {
    fail(error)
    return
  }
  const isAppWindow = (contents: WebContents) => mainWindow !== null && contents === mainWindow.webContents
  bindIpc(core.dispatch('ipc'), isAppWindow, appUrl)
  installMenu(() => mainWindow)
  mainWindow = createMainWindow(path.join(here, '../preload'), core.ctx.dataDir)
  mainWindow.on('closed', () => (mainWindow = null))
  void mainWindow.loadURL(appUrl())
}
