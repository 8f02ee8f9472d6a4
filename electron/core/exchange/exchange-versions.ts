import type { Db } from '../db/open-database'
import { prepared, sha256Hex } from './exchange-tables'

/**
 * Versions of records, as exchange packages compare them. A version is named by what the record says (its content
 * hash) and the versions it was made from, so a change and its undoing are three versions, not two; the same
 * content reached by the same decision on two installations gets the same name. Each installation keeps, per
 * record, the versions it has known (exchange_versions) and the one the record is at (exchange_heads). A package
 * carries with each record its version (`_version`) and every version its exporter knew of it (`_history`):
 * - a version known here is an old one (or one a person here decided against);
 * - a version whose history holds the one here was made from it: it replaces it;
 * - anything else was changed on both sides: a conflict for a person.
 */

export const versionKey = '_version'
export const historyKey = '_history'
/** The other global ids the record has on other installations (the same unit made twice), as its exporter knows. */
export const aliasesKey = '_aliases'
export const maxAliases = 200
/** More versions of one record than this in a package are refused as not from this program. */
export const maxHistory = 5000

export function versionId(hash: string, parents: Iterable<string>): string {
  return sha256Hex(`version\n${hash}\n${[...new Set(parents)].sort().join(',')}`)
}

export interface Head {
  version: string
  hash: string
}

export class VersionStore {
  constructor(private readonly db: Db) {}

  known(table: string, recordId: string): Set<string> {
    return new Set(
      prepared(this.db, 'SELECT version FROM exchange_versions WHERE table_name = ? AND record_id = ?')
        .pluck()
        .all(table, recordId) as string[],
    )
  }

  addKnown(table: string, recordId: string, versions: Iterable<string>): void {
    const insert = prepared(
      this.db,
      'INSERT OR IGNORE INTO exchange_versions (table_name, record_id, version) VALUES (?, ?, ?)',
    )
    for (const version of versions) insert.run(table, recordId, version)
  }

  head(table: string, recordId: string): Head | undefined {
    return prepared(
      this.db,
      'SELECT version, hash FROM exchange_heads WHERE table_name = ? AND record_id = ?',
    ).get(table, recordId) as Head | undefined
  }

  /** The version the record is at now, given its content hash: its head, or a new one made from the head. */
  current(table: string, recordId: string, hash: string): string {
    const head = this.head(table, recordId)
    if (head && head.hash === hash) return head.version
    return versionId(hash, head ? [head.version] : [])
  }

  setHead(table: string, recordId: string, head: Head, receivedAt: string | null): void {
    prepared(
      this.db,
      `INSERT INTO exchange_heads (table_name, record_id, version, hash, received_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (table_name, record_id) DO UPDATE SET version = excluded.version, hash = excluded.hash,
         received_at = COALESCE(excluded.received_at, exchange_heads.received_at)`,
    ).run(table, recordId, head.version, head.hash, receivedAt)
    this.addKnown(table, recordId, [head.version])
  }

  /** When a package last brought the record here, or null. */
  receivedAt(table: string, recordId: string): string | null {
    return (
      (prepared(this.db, 'SELECT received_at FROM exchange_heads WHERE table_name = ? AND record_id = ?')
        .pluck()
        .get(table, recordId) as string | null | undefined) ?? null
    )
  }
}
