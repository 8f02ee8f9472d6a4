import type { Db } from './db/open-database'

/** What every service receives: no `electron` import, so services run under plain Node (tests, CLI, web door). */
export interface CoreContext {
  db: Db
  dataDir: string
  appVersion: string
  now: () => Date
}
