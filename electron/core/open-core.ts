import fsp from 'node:fs/promises'
import { chromeArgsFromEnv } from './browser/browser-flags'
import type { BrowserConfig } from './browser/browser-provider'
import type { CoreContext } from './context'
import { dataLayout } from './data-layout'
import { openDatabase, type OpenDatabaseOptions } from './db/open-database'
import { createDispatch, type Dispatch } from './dispatch'
import { createPdfRenderer } from './documents/pdf-renderer'
import type { CoreServices, Door } from './handler-types'
import { createHandlers } from './handlers'
import { createPhotoStore } from './photos/photo-store'
import { syncRectificationSafely } from './rectification/item-sync'
import { seedUnitsOnce } from './registry/units-service'
import { WebAuditService } from './web-audits/web-audit-service'

/**
 * The composition root: opens the data folder (migrating and seeding it) and wires the services together — the
 * one browser setting for audits and PDFs, and the rectification sync after every operation that writes findings
 * (an inspection submitted, an audit batch ended, a manual check answered), so no service calls up into
 * rectification. Used by the desktop main process, the browser door and the CLI.
 */

export interface Core {
  ctx: CoreContext
  webAudits: WebAuditService
  dispatch: (door: Door) => Dispatch
  /** Stops running audit batches (they stay resumable) and the PDF browser, then closes the database. */
  shutdown: () => Promise<void>
  close: () => void
}

/** Where browsers come from: `ACCESS_AUDIT_CHROME_ARGS` (allowed flags only, checked at launch). */
export function browserConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BrowserConfig {
  return { extraArgs: chromeArgsFromEnv(env) }
}

export function openCore(
  dataDir: string,
  appVersion: string,
  options: OpenDatabaseOptions = {},
  services: Partial<CoreServices> = {},
): Core {
  const db = openDatabase(dataDir, options)
  const ctx: CoreContext = { db, dataDir, appVersion, now: () => new Date() }
  seedUnitsOnce(ctx)
  const browser = browserConfigFromEnv()
  const afterFindings = services.afterFindings ?? (() => syncRectificationSafely(ctx))
  const webAudits = services.webAudits ?? new WebAuditService(ctx, { browser, afterFindings })
  // Chromium for notice and report PDFs starts on the first export, not here.
  const pdf = services.pdf ?? createPdfRenderer(browser)
  const handlers = createHandlers(ctx, {
    photos: services.photos ?? createPhotoStore(dataLayout(dataDir).root),
    readFile: services.readFile ?? ((file) => fsp.readFile(file)),
    webAudits,
    pdf,
    afterFindings,
  })
  return {
    ctx,
    webAudits,
    dispatch: (door) => createDispatch(handlers, door),
    shutdown: async () => {
      await Promise.all([webAudits.shutdown(), pdf.close()])
      db.close()
    },
    close: () => {
      // Synchronous close (CLI one-shots): the PDF browser is told to close; puppeteer also ends it on exit.
      void pdf.close().catch(() => undefined)
      db.close()
    },
  }
}

/**
 * The core of a long-lived process (the desktop app, the browser door): as openCore, then batches a crash or
 * `kill -9` left running are made resumable, so the screens offer 继续检测 instead of 检测中 forever.
 */
export function openAppCore(...args: Parameters<typeof openCore>): Core {
  const core = openCore(...args)
  core.webAudits.recoverInterrupted()
  return core
}
