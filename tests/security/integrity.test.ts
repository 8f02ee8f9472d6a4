import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseFileName } from '../../electron/core/db/database-file'
import { sessionsFolder } from '../../electron/core/db/session-markers'
import { openCore } from '../../electron/core/open-core'
import { makeTempDir } from '../support/temp-dir'

// Issue #10, medium 4: a database whose unique index no longer matches its table (a unit renamed in the table
// only) passed `quick_check`, was opened and written to, and took a second unit of the same name. After an unclean
// shutdown the open now runs the full `integrity_check` and refuses it, untouched.

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = makeTempDir()))
afterEach(() => cleanup())

const file = () => path.join(dir, databaseFileName)
const sha = () => crypto.createHash('sha256').update(fs.readFileSync(file())).digest('hex')

/** A process opens the data folder and dies without closing it (SIGKILL). */
async function crashWhileOpen(): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('tests/security/support/open-and-hold.ts'), dir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('OPEN') && resolve())
    child.once('exit', (code) => reject(new Error(`exited early (${code})`)))
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

/**
 * Renames a unit in its table but not in `units_name_unique`: the index's schema row is taken away while the row
 * changes (so SQLite does not maintain it), then put back with the same root page.
 */
function renameBehindTheIndex(from: string, to: string): void {
  let db = new Database(file())
  db.unsafeMode(true)
  const index = db.prepare("SELECT * FROM sqlite_schema WHERE name = 'units_name_unique'").get()
  expect(index).toBeDefined()
  db.pragma('writable_schema = ON')
  db.prepare("DELETE FROM sqlite_schema WHERE name = 'units_name_unique'").run()
  db.close()
  db = new Database(file())
  db.prepare('UPDATE units SET name = ? WHERE name = ?').run(to, from)
  db.unsafeMode(true)
  db.pragma('writable_schema = ON')
  db.prepare(
    'INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES (@type, @name, @tbl_name, @rootpage, @sql)',
  ).run(index)
  db.close()
  const check = new Database(file(), { readonly: true })
  expect(check.pragma('quick_check', { simple: true })).toBe('ok')
  expect(check.pragma('integrity_check', { simple: true })).not.toBe('ok')
  check.close()
}

describe('opening after an unclean shutdown', () => {
  it('leaves no marker after a clean close, and one after a crash', async () => {
    openCore(dir, 'test').close()
    expect(fs.readdirSync(sessionsFolder(dir))).toEqual([])
    await crashWhileOpen()
    expect(fs.readdirSync(sessionsFolder(dir))).toHaveLength(1)
    // The next open checks, finds the database sound (the crash lost nothing committed) and clears the marker.
    const core = openCore(dir, 'test')
    expect(core.ctx.db.prepare('SELECT note FROM units WHERE id = 1').pluck().get()).toBe('崩溃前的修改')
    expect(fs.readdirSync(sessionsFolder(dir))).toHaveLength(1)
    core.close()
    expect(fs.readdirSync(sessionsFolder(dir))).toEqual([])
  })

  it('runs the full integrity check and refuses a unique index out of step with its table, untouched', async () => {
    const setup = openCore(dir, 'test')
    const name = setup.ctx.db.prepare('SELECT name FROM units ORDER BY id LIMIT 1').pluck().get() as string
    setup.close()
    await crashWhileOpen()
    renameBehindTheIndex(name, '区甲单位')
    const before = sha()
    let error: unknown
    try {
      const core = openCore(dir, 'test')
      // Before the fix: opened, and a second 区甲单位 was accepted.
      await core.dispatch('cli')('units:create', { name: '区甲单位', kind: 'other' })
      core.close()
    } catch (caught) {
      error = caught
    }
    expect(error).toMatchObject({ code: 'DB_CORRUPT' })
    expect((error as Error).message).toContain('上次未正常关闭')
    expect((error as Error).message).toContain('未做任何修改')
    expect(sha()).toBe(before)
    // Refused again on the next try: the marker stays until a check passes.
    expect(() => openCore(dir, 'test')).toThrow(/完整性检查/)
  })
})
