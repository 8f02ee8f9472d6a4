import type { Db } from '../db/open-database'

/**
 * The versions of each record known here (exchange_versions): a version is the hash of what the record says
 * (contentHash). A package carries, with each record, the versions its exporter knew of it (`_history`), so an
 * importer can tell a newer version (it comes from the one here), an older one (known here already) and one
 * changed on both sides (neither): a conflict.
 */

/** A record's key in a package's records file: the versions of it its exporter knew, current one included. */
export const historyKey = '_history'
/** More versions than this of one record are not carried (the oldest are the least likely to come back). */
export const maxHistory = 500

export class KnownVersions {
  private readonly select
  private readonly insert

  constructor(db: Db) {
    this.select = db
      .prepare('SELECT hash FROM exchange_versions WHERE table_name = ? AND record_id = ?')
      .pluck()
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO exchange_versions (table_name, record_id, hash) VALUES (?, ?, ?)',
    )
  }

  of(table: string, globalId: string): Set<string> {
    return new Set(this.select.all(table, globalId) as string[])
  }

  add(table: string, globalId: string, hashes: Iterable<string>): void {
    for (const hash of hashes) this.insert.run(table, globalId, hash)
  }
}
