import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { openDatabase } from '../../../electron/core/db/open-database'
import { migrations } from '../../../electron/core/db/migrations/index'
import { localTables, travellingTables } from '../../../electron/core/db/global-identity'
import { loadInstallation, saveTeamProfile } from '../../../electron/core/db/installation'
import { isGlobalId } from '../../../shared/domain/global-id'
import { sampleData } from '../../support/schema-samples'
import { makeTempDir } from '../../support/temp-dir'

/** Migration 0010-global-identity, from every earlier version with the sample rows of each. */

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

const version = migrations.find((m) => m.name === 'global-identity')!.version
const identityColumns = ['global_id', 'created_by', 'created_device', 'updated_by', 'updated_device']

const tablesOf = (db: Database.Database) =>
  db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]

/** Every row of every table, without the identity columns, by table. */
function snapshot(db: Database.Database): Record<string, unknown[]> {
  const all: Record<string, unknown[]> = {}
  for (const table of tablesOf(db)) {
    if (table === 'schema_migrations' || table === 'app_meta' || table === 'settings') continue
    all[table] = (
      db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[]
    ).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !identityColumns.includes(k))))
  }
  return all
}

describe('migration 0010-global-identity', () => {
  for (let from = 1; from < version; from++) {
    it(`from version ${from}: every row gets a unique UUIDv7, the data stays, the device id is made once`, () => {
      const old = openDatabase(dir, { targetVersion: from })
      for (let v = 1; v <= from; v++) sampleData[v]?.(old)
      old.close()
      // The rows as they were, read at the version just before (the later migrations' own rows included).
      const before = openDatabase(dir, { targetVersion: version - 1 })
      const rows = snapshot(before)
      const hadLedger = (before.prepare('SELECT COUNT(*) FROM notices').pluck().get() as number) > 0
      before.close()

      const db = openDatabase(dir, { targetVersion: version })
      expect(snapshot(db)).toEqual(rows)
      const ids: string[] = []
      for (const table of travellingTables) {
        const got = db
          .prepare(`SELECT global_id, created_by, created_device FROM "${table}"`)
          .all() as Array<{
          global_id: string
          created_by: string | null
          created_device: string | null
        }>
        for (const row of got) {
          expect(isGlobalId(row.global_id), `${table}: ${row.global_id}`).toBe(true)
          // Made before authorship existed: nobody is claimed as the author.
          expect(row.created_by).toBeNull()
          expect(row.created_device).toBeNull()
          ids.push(row.global_id)
        }
      }
      expect(ids.length).toBeGreaterThan(from >= 2 ? 5 : 1)
      expect(new Set(ids).size).toBe(ids.length)
      const installation = loadInstallation(db)
      expect(isGlobalId(installation.deviceId)).toBe(true)
      // A folder that has issued notices was the team's ledger: it is the coordinator's; others are field laptops.
      expect(installation.role).toBe(hadLedger ? 'coordinator' : 'field')
      expect(hadLedger).toBe(from >= 4)
      db.close()
      // Opening again keeps the same device id.
      const again = openDatabase(dir)
      expect(loadInstallation(again).deviceId).toBe(installation.deviceId)
      again.close()
    })
  }

  it('stamps new rows and changes with the profile and device; an id never changes; NOT NULL and UNIQUE hold', () => {
    const db = openDatabase(dir)
    const device = loadInstallation(db).deviceId
    db.prepare(
      "INSERT INTO units (name, kind, created_at, updated_at) VALUES ('甲单位', 'government', 'x', 'x')",
    ).run()
    saveTeamProfile(db, { profileName: '张伟' }, new Date())
    // Several rows in one statement each get their own id.
    db.exec(`INSERT INTO units (name, kind, created_at, updated_at)
      VALUES ('乙单位', 'government', 'x', 'x'), ('丙单位', 'other', 'x', 'x')`)
    const row = (name: string) =>
      db.prepare('SELECT * FROM units WHERE name = ?').get(name) as Record<string, string | null>
    expect(row('甲单位')).toMatchObject({ created_by: null, created_device: device, updated_device: device })
    expect(row('乙单位')).toMatchObject({ created_by: '张伟', created_device: device, updated_by: '张伟' })
    expect(row('乙单位').global_id).not.toBe(row('丙单位').global_id)
    expect([row('甲单位'), row('乙单位'), row('丙单位')].every((r) => isGlobalId(r.global_id))).toBe(true)

    saveTeamProfile(db, { profileName: '李娜' }, new Date())
    db.prepare("UPDATE units SET note = '改' WHERE name = '甲单位'").run()
    expect(row('甲单位')).toMatchObject({ created_by: null, updated_by: '李娜', updated_device: device })

    const id = row('甲单位').global_id
    expect(() =>
      db.prepare("UPDATE units SET global_id = ? WHERE name = '甲单位'").run(row('乙单位').global_id),
    ).toThrow()
    expect(() => db.prepare("UPDATE units SET global_id = NULL WHERE name = '甲单位'").run()).toThrow()
    expect(row('甲单位').global_id).toBe(id)
    // A record brought from another installation keeps its id and authors.
    const foreign = '01890a5d-ac96-774b-bcce-b302099a8057'
    db.prepare(
      `INSERT INTO units (name, kind, created_at, updated_at, global_id, created_by, created_device, updated_by,
         updated_device) VALUES ('丁单位', 'other', 'x', 'x', ?, '王芳', 'dev-a', '王芳', 'dev-a')`,
    ).run(foreign)
    expect(row('丁单位')).toMatchObject({
      global_id: foreign,
      created_by: '王芳',
      created_device: 'dev-a',
      updated_by: '王芳',
    })
    expect(() =>
      db
        .prepare(
          "INSERT INTO units (name, kind, created_at, updated_at, global_id) VALUES ('戊', 'other', 'x', 'x', ?)",
        )
        .run(foreign),
    ).toThrow(/UNIQUE/)
    db.close()
  })

  it('classifies every table: travelling (with identity columns and index) or local (with a reason)', () => {
    const db = openDatabase(dir)
    for (const table of tablesOf(db)) {
      const travelling = (travellingTables as readonly string[]).includes(table)
      expect(travelling || table in localTables, `${table} is in neither list`).toBe(true)
      const columns = (db.pragma(`table_info("${table}")`) as Array<{ name: string; notnull: number }>).map(
        (c) => c.name,
      )
      if (travelling) expect(columns).toEqual(expect.arrayContaining(identityColumns))
      else expect(columns).not.toContain('global_id')
    }
    const unique = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE INDEX%(global_id)'",
      )
      .pluck()
      .all()
    expect(unique).toHaveLength(travellingTables.length)
    db.close()
  })
})
