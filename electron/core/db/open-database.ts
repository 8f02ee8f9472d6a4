import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { ApiError } from '../../../shared/api/errors'
import { writeAtomicallyWith } from '../files/atomic-write'
import { errnoOf, FileWriteError, systemErrorMessage, systemErrorReason } from '../files/fs-errors'
import { assertNotDataFile } from '../files/output-guard'
import { databaseFileName, sqliteSidecarSuffixes } from './database-file'
import { registerGlobalIdFunction } from './global-identity'
import { latestSchemaVersion, migrations, type Migration } from './migrations/index'
import { removeSessions, staleSessions, writeSession } from './session-markers'

export type Db = Database.Database

export { databaseFileName }

export interface OpenDatabaseOptions {
  /** Stop at this version (tests build databases of every earlier version). */
  targetVersion?: number
  /** better-sqlite3 native binding path (the desktop build passes one rebuilt for Electron's ABI). */
  nativeBinding?: string
  busyTimeoutMs?: number
}

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * Refuses, before any write, a file that is not SQLite, is damaged, or was made by a newer version. Every open runs
 * `quick_check` (pages and records, linear in the file's size); after an unclean shutdown (`fullCheck`, see
 * session-markers.ts) the full `integrity_check`, which also proves every index matches its table — a name
 * changed in the table but not in its unique index passes quick_check and would let a duplicate in.
 */
function inspectExisting(file: string, opts: OpenDatabaseOptions, fullCheck: boolean): void {
  const fd = fs.openSync(file, 'r')
  const header = Buffer.alloc(16)
  let read: number
  try {
    read = fs.readSync(fd, header, 0, 16, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (read === 0) return // an empty file is a new database
  if (read < 16 || !header.equals(sqliteHeader)) {
    throw new ApiError(
      'DB_CORRUPT',
      `数据库文件已损坏或不是本软件的数据库（${file}），未做任何修改。请从备份恢复。`,
    )
  }
  let probe: Db | undefined
  try {
    probe = new Database(file, {
      readonly: true,
      fileMustExist: true,
      timeout: opts.busyTimeoutMs ?? 5000,
      ...bindingOption(opts),
    })
    const check = probe.pragma(fullCheck ? 'integrity_check(1)' : 'quick_check(1)', { simple: true })
    if (check !== 'ok')
      throw new ApiError(
        'DB_CORRUPT',
        fullCheck
          ? `数据库上次未正常关闭，完整性检查发现损坏（${String(check)}），未做任何修改。请从备份恢复。`
          : `数据库完整性检查未通过（${String(check)}），未做任何修改。请从备份恢复。`,
      )
    const version = Number(probe.pragma('user_version', { simple: true }))
    if (version > latestSchemaVersion) {
      throw new ApiError(
        'DB_TOO_NEW',
        `数据库版本为 ${version}，高于本软件支持的版本 ${latestSchemaVersion}。请升级无障碍督查后再打开；数据未被修改。`,
      )
    }
  } catch (error) {
    throw translateSqliteError(error)
  } finally {
    probe?.close()
  }
}

function bindingOption(opts: OpenDatabaseOptions): { nativeBinding?: string } {
  return opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}
}

/**
 * Maps SQLite's own failures to the API's typed errors (zh-CN), leaving ApiErrors as they are. better-sqlite3
 * reports extended codes (SQLITE_IOERR_WRITE, SQLITE_CORRUPT_INDEX…), so codes are matched by their family.
 */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof ApiError) return error
  const code = errnoOf(error) ?? ''
  if (!code.startsWith('SQLITE_')) return error
  const family = /^SQLITE_[A-Z]+/.exec(code)?.[0]
  if (family === 'SQLITE_BUSY' || family === 'SQLITE_LOCKED') return new ApiError('DB_LOCKED')
  if (family === 'SQLITE_CORRUPT' || family === 'SQLITE_NOTADB') return new ApiError('DB_CORRUPT')
  const message = systemErrorMessage(error)
  return message ? new ApiError('IO_ERROR', message) : error
}

export function applyMigrations(
  db: Db,
  target = latestSchemaVersion,
  list: readonly Migration[] = migrations,
): number {
  const current = Number(db.pragma('user_version', { simple: true }))
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`)
  for (const migration of list) {
    if (migration.version <= current || migration.version > target) continue
    // One transaction per migration: a failure leaves the previous version intact.
    db.transaction(() => {
      db.exec(migration.sql)
      migration.run?.(db)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      )
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
  return Number(db.pragma('user_version', { simple: true }))
}

export function openDatabase(dataDir: string, opts: OpenDatabaseOptions = {}): Db {
  const file = path.join(dataDir, databaseFileName)
  try {
    fs.mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw new ApiError(
      'IO_ERROR',
      `无法创建数据文件夹“${dataDir}”：${systemErrorReason(error) ?? (error as Error).message}`,
    )
  }
  // Markers of processes that had the database open and are gone: the last shutdown was not clean.
  const stale = staleSessions(dataDir)
  if (fs.existsSync(file)) inspectExisting(file, opts, stale.length > 0)
  let db: Db | undefined
  try {
    db = new Database(file, { timeout: opts.busyTimeoutMs ?? 5000, ...bindingOption(opts) })
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    registerGlobalIdFunction(db)
    applyMigrations(db, opts.targetVersion ?? latestSchemaVersion)
    markSession(db, dataDir, stale)
    return db
  } catch (error) {
    db?.close()
    throw translateSqliteError(error)
  }
}

/**
 * The checked database is now this process's: the stale markers go, this process's marker is written, and a
 * clean `db.close()` removes it. A process that dies without closing leaves it, and the next open checks fully.
 */
function markSession(db: Db, dataDir: string, stale: readonly string[]): void {
  removeSessions(stale)
  let marker: string | null = null
  try {
    marker = writeSession(dataDir)
  } catch {
    // A folder that refuses the marker (read-only media) only costs the full check after a crash.
  }
  if (!marker) return
  const close = db.close.bind(db)
  db.close = () => {
    close()
    removeSessions([marker])
    return db
  }
}

/**
 * `access-audit backup`: SQLite's online backup, safe while the app is running. Written through the one atomic
 * writer (a temporary file with a unique name, flushed, then linked to the target), so an existing file is never
 * replaced, a `<file>.partial` that belongs to someone else is never touched, and a failed backup leaves nothing.
 * With `dataDir`, the data folder's own files are refused as targets. A failure to write the copy is told as
 * that (FileWriteError, e.g. 磁盘空间不足); only a fault of the source database says 数据库文件已损坏.
 */
export async function backupDatabase(db: Db, destination: string, dataDir?: string): Promise<void> {
  const target = path.resolve(destination)
  if (dataDir) assertNotDataFile(target, dataDir)
  if (fs.existsSync(target))
    throw new FileWriteError(`目标文件已存在：${target}。为防止覆盖，请换一个文件名。`, 'EEXIST')
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true })
  } catch (error) {
    throw new FileWriteError(
      `无法创建文件夹“${path.dirname(target)}”：${systemErrorReason(error) ?? String(error)}`,
      errnoOf(error),
      { cause: error },
    )
  }
  try {
    await writeAtomicallyWith(
      target,
      async (temp) => {
        try {
          await db.backup(temp)
        } finally {
          // SQLite's journal of the copy, if a failure left one beside the temporary file.
          for (const suffix of sqliteSidecarSuffixes) fs.rmSync(temp + suffix, { force: true })
        }
      },
      { overwrite: false, mode: 0o600 },
    )
  } catch (error) {
    throw translateSqliteError(error)
  }
}
