import type Database from 'better-sqlite3'
import { makeGlobalId } from '../../../shared/domain/global-id'

/**
 * Global identity and authorship of the records that can travel between installations (field laptops and the
 * coordinator's). Each travelling table has, beside its local key (which stays the key every reference uses):
 * - global_id: a UUIDv7 (shared/domain/global-id.ts), UNIQUE, NOT NULL, never changed once set;
 * - created_by / created_device: the inspector profile name and the device id of the installation that made it;
 * - updated_by / updated_device: the same for the last change.
 *
 * One place stamps them: triggers made here, so every insert and update through any service is covered without
 * each repository remembering to. The id comes from the SQL function uuid7(), which is `makeGlobalId` registered
 * on every connection openDatabase makes (the one maker, monotonic within a millisecond); a connection without it
 * (e.g. the sqlite3 shell) cannot insert into a travelling table, rather than insert a row without an id.
 * An insert that names its own global_id / authorship (a record brought from another installation) keeps them.
 *
 * A new table that holds team data: add one line to `travellingTables`, and call `applyGlobalIdentity(db)` and
 * `applyTombstones(db)` in the
 * migration that creates it (it only touches tables that lack the columns). The test of this module fails for a
 * table in neither list.
 */
export const travellingTables = [
  'units',
  'places',
  'inspections',
  'inspection_elements', // facilities
  'check_values',
  'element_values',
  'photos',
  'element_photos',
  'findings',
  'portals',
  'audit_runs',
  'audit_pages', // a run's page results
  'audit_documents', // a run's document results
  'manual_check_answers',
  'rectification_items',
  'rectification_item_findings',
  'rectification_events', // history entries
  'verification_proposals',
  'notices',
  'indicator_entries',
  'plan_periods',
  'plan_indicators',
] as const

/** Tables that stay on their installation, with the reason. */
export const localTables: Readonly<Record<string, string>> = {
  app_meta: 'this installation’s own facts (device id)',
  settings: 'this installation’s settings (profile, role, notice settings)',
  notice_sequences: 'the coordinator’s number counter; numbers are issued at one installation only',
  audit_batches: 'a local job queue; the runs it made travel',
  schema_migrations: 'the schema history of this file',
  exchange_versions: 'the versions of each record this installation has known (exchange packages)',
  exchange_heads: 'the version each record is at here, as exchange packages see it',
  exchange_tombstones: 'the records deleted here, so a package does not bring them back',
  exchange_aliases: 'other installations’ ids for records that are the same as ones here',
  exchange_imports: 'the packages imported here',
  exchange_conflicts: 'records changed here and elsewhere, waiting for a person to decide',
}

export const deviceIdKey = 'device_id'
export const teamSettingsKey = 'team'

const profileNameSql = `(SELECT json_extract(value_json, '$.profileName') FROM settings WHERE key = '${teamSettingsKey}')`
const deviceIdSql = `(SELECT value FROM app_meta WHERE key = '${deviceIdKey}')`

/** Registers uuid7() on a connection (openDatabase does it for every connection it makes). */
export function registerGlobalIdFunction(db: Database.Database): void {
  db.function('uuid7', { deterministic: false }, () => makeGlobalId())
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

function identitySql(table: string): string {
  const t = quote(table)
  return `
ALTER TABLE ${t} ADD COLUMN global_id TEXT NOT NULL DEFAULT ''
  CHECK (global_id = '' OR (length(global_id) = 36 AND substr(global_id, 15, 1) = '7'));
ALTER TABLE ${t} ADD COLUMN created_by TEXT;
ALTER TABLE ${t} ADD COLUMN created_device TEXT;
ALTER TABLE ${t} ADD COLUMN updated_by TEXT;
ALTER TABLE ${t} ADD COLUMN updated_device TEXT;
UPDATE ${t} SET global_id = uuid7() WHERE global_id = '';
CREATE UNIQUE INDEX ${quote(`${table}_global_id`)} ON ${t} (global_id);
CREATE TRIGGER ${quote(`${table}_identity_on_insert`)} AFTER INSERT ON ${t}
BEGIN
  UPDATE ${t} SET
    global_id = CASE WHEN NEW.global_id = '' THEN uuid7() ELSE NEW.global_id END,
    created_by = CASE WHEN NEW.created_device IS NULL THEN ${profileNameSql} ELSE NEW.created_by END,
    created_device = COALESCE(NEW.created_device, ${deviceIdSql}),
    updated_by = CASE WHEN NEW.updated_device IS NULL
      THEN (CASE WHEN NEW.created_device IS NULL THEN ${profileNameSql} ELSE NEW.created_by END)
      ELSE NEW.updated_by END,
    updated_device = COALESCE(NEW.updated_device, NEW.created_device, ${deviceIdSql})
  WHERE rowid = NEW.rowid AND (NEW.global_id = '' OR NEW.created_device IS NULL OR NEW.updated_device IS NULL);
END;
CREATE TRIGGER ${quote(`${table}_authorship_on_update`)} AFTER UPDATE ON ${t}
WHEN OLD.global_id <> '' AND NEW.updated_device IS OLD.updated_device
BEGIN
  UPDATE ${t} SET updated_by = ${profileNameSql}, updated_device = ${deviceIdSql} WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER ${quote(`${table}_global_id_fixed`)} BEFORE UPDATE OF global_id ON ${t}
WHEN OLD.global_id <> '' AND NEW.global_id IS NOT OLD.global_id
BEGIN
  SELECT RAISE(ABORT, 'global_id of a record never changes');
END;
`
}

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return (db.pragma(`table_info(${quote(table)})`) as Array<{ name: string }>).some((c) => c.name === column)
}

function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined
}

/**
 * Gives every travelling table that exists and lacks them the identity columns, ids for its rows, the unique
 * index and the triggers; and this data folder its device id (once). Run inside a migration's transaction.
 * Rows that existed before have no author (NULL: shown as 未记录).
 */
export function applyGlobalIdentity(db: Database.Database): void {
  registerGlobalIdFunction(db)
  db.prepare('INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)').run(deviceIdKey, makeGlobalId())
  for (const table of travellingTables) {
    if (!tableExists(db, table) || hasColumn(db, table, 'global_id')) continue
    db.exec(identitySql(table))
  }
}

/**
 * Remembers each travelling record deleted here (exchange_tombstones, made by 0011-exchange), so an exchange
 * package that still holds it does not bring it back. Only touches tables without the trigger.
 */
export function applyTombstones(db: Database.Database): void {
  for (const table of travellingTables) {
    if (!tableExists(db, table)) continue
    const name = `${table}_tombstone`
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(name)) continue
    db.exec(`
CREATE TRIGGER ${quote(name)} AFTER DELETE ON ${quote(table)}
WHEN OLD.global_id <> ''
BEGIN
  INSERT OR IGNORE INTO exchange_tombstones (table_name, record_id, deleted_at)
  VALUES ('${table}', OLD.global_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;`)
  }
}
