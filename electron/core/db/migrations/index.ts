import { sql as v1 } from './0001-units-and-places'
import { sql as v2 } from './0002-inspections-and-findings'
import { sql as v3 } from './0003-web-audits'
import { sql as v4 } from './0004-rectification'
import { sql as v5 } from './0005-rectification-read-indexes'
import { run as v6run, sql as v6 } from './0006-well-formed-text'
import { sql as v7 } from './0007-element-measurements'
import { sql as v8 } from './0008-audit-documents'
import { sql as v9 } from './0009-plan-periods'
import { run as v10run, sql as v10 } from './0010-global-identity'
import { run as v11run, sql as v11 } from './0011-exchange'
import type Database from 'better-sqlite3'

export interface Migration {
  version: number
  name: string
  sql: string
  /** A data step the SQL cannot express, run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void
}

/** Forward-only, in order; `version` must equal the position + 1 (checked by a unit test). */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'units-and-places', sql: v1 },
  { version: 2, name: 'inspections-and-findings', sql: v2 },
  { version: 3, name: 'web-audits', sql: v3 },
  { version: 4, name: 'rectification', sql: v4 },
  { version: 5, name: 'rectification-read-indexes', sql: v5 },
  { version: 6, name: 'well-formed-text', sql: v6, run: v6run },
  { version: 7, name: 'element-measurements', sql: v7 },
  { version: 8, name: 'audit-documents', sql: v8 },
  { version: 9, name: 'plan-periods', sql: v9 },
  { version: 10, name: 'global-identity', sql: v10, run: v10run },
  { version: 11, name: 'exchange', sql: v11, run: v11run },
]

export const latestSchemaVersion = migrations.length
