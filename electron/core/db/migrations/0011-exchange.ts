/**
 * 0011-exchange: what an installation remembers of exchange packages (electron/core/exchange/). All four tables stay
 * on their installation (global-identity.ts lists them as local):
 * - exchange_versions: per record, every version known here (made here and exported, or brought by a package with
 *   the versions it came from). A version is named by its content and the versions it was made from, so the same
 *   content reached again by a later edit is a new version, not an old one.
 * - exchange_heads: per record, the version it is at here (as of the last export, import or decision), with the
 *   hash of its content (a record whose content no longer has that hash was changed here since), and when a
 *   package last brought it (export --since passes on what arrived after that day).
 * - exchange_tombstones: the travelling records deleted here (a trigger per table, applyTombstones), so a package
 *   that still holds one does not bring it back. Deletions themselves do not travel yet.
 * - exchange_aliases: another installation's global id for a record that is the same as one here (the same unit
 *   name, portal address, plan short name, or the same key of a value), so later packages find it again.
 * - exchange_imports: the packages imported here and what each did.
 * - exchange_conflicts: records changed on both sides, the incoming version kept whole until a person decides.
 */
import type Database from 'better-sqlite3'
import { applyTombstones } from '../global-identity'

export const sql = `
CREATE TABLE exchange_versions (
  table_name TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  version    TEXT NOT NULL CHECK (length(version) = 64),
  PRIMARY KEY (table_name, record_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE exchange_heads (
  table_name  TEXT NOT NULL,
  record_id   TEXT NOT NULL,
  version     TEXT NOT NULL CHECK (length(version) = 64),
  hash        TEXT NOT NULL CHECK (length(hash) = 64),
  received_at TEXT,
  PRIMARY KEY (table_name, record_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE exchange_tombstones (
  table_name TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  PRIMARY KEY (table_name, record_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE exchange_aliases (
  table_name TEXT NOT NULL,
  alias_id   TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  PRIMARY KEY (table_name, alias_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE exchange_imports (
  package_id  TEXT PRIMARY KEY,
  device_id   TEXT NOT NULL,
  inspector   TEXT,
  created_at  TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  report_json TEXT NOT NULL
) STRICT;

CREATE TABLE exchange_conflicts (
  id             INTEGER PRIMARY KEY,
  table_name     TEXT NOT NULL,
  record_id      TEXT NOT NULL,
  incoming_id    TEXT NOT NULL,
  incoming_json  TEXT NOT NULL,
  incoming_hash  TEXT NOT NULL CHECK (length(incoming_hash) = 64),
  incoming_version TEXT NOT NULL CHECK (length(incoming_version) = 64),
  package_id     TEXT NOT NULL,
  from_device    TEXT,
  from_inspector TEXT,
  detected_at    TEXT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept-local', 'took-incoming', 'superseded')),
  resolved_at    TEXT,
  resolved_by    TEXT,
  UNIQUE (table_name, record_id, incoming_version)
) STRICT;
CREATE INDEX exchange_conflicts_open ON exchange_conflicts (state, id);
`

export function run(db: Database.Database): void {
  applyTombstones(db)
}
