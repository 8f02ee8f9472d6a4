import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/api/errors'
import { backupDatabase, databaseFileName, openDatabase } from '../../../electron/core/db/open-database'
import { latestSchemaVersion, migrations } from '../../../electron/core/db/migrations/index'
import { openCore } from '../../../electron/core/open-core'
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

/** A migration's version by its name, so a renumbering at merge does not silently detach its sample rows. */
const versionOf = (name: string) => migrations.find((m) => m.name === name)!.version

/** Representative rows for each schema version, so an upgrade is tested with data in it, not an empty file. */
const sampleData: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    db.prepare(
      "INSERT INTO units (name, kind, created_at, updated_at) VALUES ('测试单位', 'government', 'x', 'x')",
    ).run()
    db.prepare(
      "INSERT INTO places (name, type, unit_id, created_at, updated_at) VALUES ('测试场所', 'park', 1, 'x', 'x')",
    ).run()
  },
  2: (db) => {
    db.prepare(
      `INSERT INTO inspections (place_id, inspected_on, inspectors, catalog_id, catalog_version, created_at, updated_at)
       VALUES (1, '2026-11-01', '张三', 'cn-gb55019-gb50763', '1.0.0', 'x', 'x')`,
    ).run()
    db.prepare(
      "INSERT INTO inspection_elements (inspection_id, category, label, position) VALUES (1, 'ramp', '北门坡道', 1)",
    ).run()
    db.prepare(
      `INSERT INTO check_values (element_id, check_id, inputs_json, verdict, updated_at)
       VALUES (1, 'ramp.slope', '{"rise":{"value":300,"unit":"mm"}}', 'fail', 'x')`,
    ).run()
    db.prepare(
      `INSERT INTO findings (source, severity, title, detail, clauses_json, evidence_json, place_id, inspection_id,
         match_key, created_at) VALUES ('site', 'major', '北门坡道', '坡度过大', '[]', '{}', 1, 1, 'k', 'x')`,
    ).run()
  },
  3: (db) => {
    db.prepare(
      "INSERT INTO portals (name, start_url, unit_id, created_at, updated_at) VALUES ('区政府门户', 'https://www.example.gov.cn/', 1, 'x', 'x')",
    ).run()
    db.prepare(
      "INSERT INTO audit_runs (portal_id, start_url, created_at) VALUES (1, 'https://www.example.gov.cn/', 'x')",
    ).run()
    db.prepare(
      "INSERT INTO audit_pages (run_id, url, updated_at) VALUES (1, 'https://www.example.gov.cn/', 'x')",
    ).run()
  },
  4: (db) => {
    db.prepare('INSERT INTO notice_sequences (year, last_seq) VALUES (2026, 1)').run()
    db.prepare(
      `INSERT INTO notices (number, year, seq, unit_id, issuer, issued_on, deadline, snapshot_json, created_at)
       VALUES ('〔2026〕第1号', 2026, 1, 1, '促进队', '2026-11-01', '2026-12-01', '{}', 'x')`,
    ).run()
    db.prepare(
      `INSERT INTO rectification_items (source, group_key, unit_id, place_id, title, category, severity, status,
         notice_id, first_found_at, notified_at, created_at, updated_at)
       VALUES ('site', 'k', 1, 1, '北门坡道', 'ramp', 'major', 'notified', 1, '2026-11-01', '2026-11-01', 'x', 'x')`,
    ).run()
    db.prepare('INSERT INTO rectification_item_findings (item_id, finding_id) VALUES (1, 1)').run()
    db.prepare(
      "INSERT INTO rectification_events (item_id, action, to_status, at) VALUES (1, 'notify', 'notified', 'x')",
    ).run()
    db.prepare(
      "INSERT INTO indicator_entries (indicator_id, year, value, updated_at) VALUES ('home-modifications', 2026, 12, 'x')",
    ).run()
  },
  5: (db) => {
    // v5 only adds indexes: a web finding of a run, which findings_run_match covers.
    db.prepare(
      `INSERT INTO findings (source, severity, title, detail, clauses_json, evidence_json, unit_id, check_id, match_key,
         created_at, portal_id, audit_run_id)
       VALUES ('web', 'major', '图片缺少替代文本（image-alt）', '', '[]', '{}', 1, 'image-alt', 'web:portal:1:image-alt:x:y',
         'x', 1, 1)`,
    ).run()
  },
  6: (db) => {
    // v6 repairs stored lone surrogates (tests/security/text.test.ts); Hangul, whose UTF-8 also starts with ED, stays.
    db.prepare("UPDATE places SET note = '한국어 안내' WHERE id = 1").run()
  },
  7: (db) => {
    // v7: a shared measurement of the ramp, a value copied from the last inspection, a photo tied to a check.
    db.prepare(
      `INSERT INTO element_values (element_id, input_id, value_json, carried, updated_at)
       VALUES (1, 'rise', '{"value":300,"unit":"mm"}', 1, 'x')`,
    ).run()
    db.prepare(`UPDATE check_values SET carried_json = '["constrained"]' WHERE element_id = 1`).run()
    db.prepare(
      `INSERT INTO photos (sha256, ext, mime_type, byte_size, width, height, original_name, created_at)
       VALUES ('${'a'.repeat(64)}', 'jpg', 'image/jpeg', 1, 1, 1, '北门坡道.jpg', 'x')`,
    ).run()
    db.prepare(
      `INSERT INTO element_photos (element_id, sha256, caption, position, check_id)
       VALUES (1, '${'a'.repeat(64)}', '坡道起点', 1, 'ramp.slope')`,
    ).run()
  },
  [versionOf('audit-documents')]: (db) => {
    // 0008-audit-documents: the documents check's results of a run.
    db.prepare(
      `INSERT INTO audit_documents (run_id, url, status, result_json, checked_at)
       VALUES (1, 'https://example.gov.cn/a.pdf', 'checked', '{}', 'x')`,
    ).run()
  },
  [versionOf('plan-periods')]: (db) => {
    // 0009-plan-periods: plan periods as data; an indicator the team added to the 十五五 plan.
    db.prepare(
      `INSERT INTO plan_indicators (plan_id, indicator_id, position, target_text, target_value, title, unit)
       VALUES (2, 'custom-test', 6, '≥100', 100, '无障碍培训', '人次')`,
    ).run()
  },
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
