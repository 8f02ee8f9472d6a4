import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/api/errors'
import { backupDatabase, databaseFileName, openDatabase } from '../../../electron/core/db/open-database'
import { latestSchemaVersion } from '../../../electron/core/db/migrations/index'
import { openCore } from '../../../electron/core/open-core'
import { sampleData } from '../../support/schema-samples'
import { makeTempDir } from '../../support/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

function expectApiError(fn: () => unknown, code: string): ApiError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe(code)
    return error as ApiError
  }
  throw new Error(`expected ${code}`)
}

describe('database', () => {
  it('creates a new database in WAL mode with foreign keys at the latest version', () => {
    const db = openDatabase(dir)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion)
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
    expect(applied).toEqual(Array.from({ length: latestSchemaVersion }, (_, i) => i + 1))
    db.close()
  })

  for (let from = 1; from < latestSchemaVersion; from++) {
    it(`upgrades a database created at version ${from} and keeps its data`, () => {
      const old = openDatabase(dir, { targetVersion: from })
      expect(old.pragma('user_version', { simple: true })).toBe(from)
      for (let v = 1; v <= from; v++) sampleData[v]?.(old)
      old.close()
      const db = openDatabase(dir)
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion)
      expect(db.prepare('SELECT name FROM units WHERE name = ?').pluck().get('测试单位')).toBe('测试单位')
      db.close()
    })
  }

  it('has sample data for every version, so each future migration is tested with rows', () => {
    for (let v = 1; v <= latestSchemaVersion; v++)
      expect(sampleData[v], `sampleData[${v}]`).toBeTypeOf('function')
  })

  it('refuses a database from a newer version and leaves the file untouched', () => {
    const db = openDatabase(dir)
    db.pragma(`user_version = ${latestSchemaVersion + 5}`)
    db.close()
    const file = path.join(dir, databaseFileName)
    const before = fs.readFileSync(file)
    const error = expectApiError(() => openDatabase(dir), 'DB_TOO_NEW')
    expect(error.message).toContain(`${latestSchemaVersion + 5}`)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a file that is not SQLite and does not overwrite it', () => {
    const file = path.join(dir, databaseFileName)
    fs.writeFileSync(file, 'this is not a database, but somebody’s only copy of it')
    expectApiError(() => openDatabase(dir), 'DB_CORRUPT')
    expect(fs.readFileSync(file, 'utf8')).toContain('somebody’s only copy')
  })

  it('refuses a damaged database (valid header, broken pages)', () => {
    const db = openDatabase(dir)
    db.pragma('journal_mode = DELETE')
    const insert = db.prepare(
      "INSERT INTO units (name, kind, created_at, updated_at) VALUES (?, 'other', 'x', 'x')",
    )
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`单位${i}`)
    })()
    db.close()
    const file = path.join(dir, databaseFileName)
    const bytes = fs.readFileSync(file)
    bytes.fill(0xa5, 4096, bytes.length - 4096) // scribble over the middle pages, keep the header
    fs.writeFileSync(file, bytes)
    const snapshot = fs.readFileSync(file)
    expectApiError(() => openDatabase(dir), 'DB_CORRUPT')
    expect(fs.readFileSync(file).equals(snapshot)).toBe(true)
  })

  it('reports a locked database with a clear message instead of hanging', () => {
    openDatabase(dir).close()
    const holder = new Database(path.join(dir, databaseFileName))
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    const error = expectApiError(() => openDatabase(dir, { busyTimeoutMs: 100 }), 'DB_LOCKED')
    expect(error.message).toBe('数据库正被其他程序占用，请稍后重试')
    holder.exec('ROLLBACK')
    holder.close()
  })

  it('backs up online to a new file and refuses to overwrite one', async () => {
    const core = openCore(dir, 'test')
    const target = path.join(dir, 'backup', 'copy.sqlite')
    await backupDatabase(core.ctx.db, target)
    const copy = new Database(target, { readonly: true })
    expect(copy.prepare('SELECT COUNT(*) FROM units').pluck().get()).toBeGreaterThan(5)
    copy.close()
    await expect(backupDatabase(core.ctx.db, target)).rejects.toMatchObject({ code: 'EEXIST' })
    expect(fs.existsSync(`${target}.partial`)).toBe(false)
    core.close()
  })
})
