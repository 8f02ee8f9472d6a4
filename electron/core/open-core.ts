import { createDispatch, type Dispatch } from './dispatch'
import type { CoreContext } from './context'
import { openDatabase, type OpenDatabaseOptions } from './db/open-database'
import fsp from 'node:fs/promises'
import { createHandlers, type CoreServices, type Door } from './handlers'
import { createPhotoStore } from './photos/photo-store'
import { AuditManager } from './web-audits/audit-manager'
import { seedUnitsOnce } from './registry/units-service'
import { createPdfRenderer } from './documents/pdf-renderer'

export interface Core {
  ctx: CoreContext
  audits: AuditManager
  dispatch: (door: Door) => Dispatch
  /** Stops running audit batches (they stay resumable) and the PDF browser, then closes the database. */
  shutdown: () => Promise<void>
  close: () => void
}

/** Extra Chromium flags for audits from the environment (space separated), e.g. a proxy on a closed network. */
function chromeArgsFromEnv(): string[] {
  return (process.env.ACCESS_AUDIT_CHROME_ARGS ?? '').split(/\s+/).filter(Boolean)
}

/** Opens the data folder (migrating and seeding it) and wires the handlers; used by main, the web door and the CLI. */
export function openCore(
  dataDir: string,
  appVersion: string,
  options: OpenDatabaseOptions = {},
  services: Partial<CoreServices> = {},
): Core {
  const db = openDatabase(dataDir, options)
  const ctx: CoreContext = { db, dataDir, appVersion, now: () => new Date() }
  seedUnitsOnce(ctx)
  const audits = services.audits ?? new AuditManager(ctx, { extraArgs: chromeArgsFromEnv() })
  // Chromium for notice and report PDFs starts on the first export, not here.
  const pdf = services.pdf ?? createPdfRenderer({ extraArgs: chromeArgsFromEnv() })
  const handlers = createHandlers(ctx, {
    photos: services.photos ?? createPhotoStore(dataDir),
    readFile: services.readFile ?? ((file) => fsp.readFile(file)),
    audits,
    pdf,
  })
  return {
    ctx,
    audits,
    dispatch: (door) => createDispatch(handlers, door),
    shutdown: async () => {
      await Promise.all([audits.shutdown(), pdf.close()])
      db.close()
    },
    close: () => {
      // Synchronous close (CLI one-shots): the PDF browser is told to close; puppeteer also ends it on exit.
      void pdf.close().catch(() => undefined)
      db.close()
    },
  }
}
