import { createDispatch, type Dispatch } from './dispatch'
import type { CoreContext } from './context'
import { openDatabase, type OpenDatabaseOptions } from './db/open-database'
import fsp from 'node:fs/promises'
import { createHandlers, type CoreServices, type Door } from './handlers'
import { createPhotoStore } from './photos/photo-store'
import { seedUnitsOnce } from './registry/units-service'

export interface Core {
  ctx: CoreContext
  dispatch: (door: Door) => Dispatch
  close: () => void
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
  const handlers = createHandlers(ctx, {
    photos: services.photos ?? createPhotoStore(dataDir),
    readFile: services.readFile ?? ((file) => fsp.readFile(file)),
  })
  return { ctx, dispatch: (door) => createDispatch(handlers, door), close: () => db.close() }
}
