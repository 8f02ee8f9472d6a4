import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseFileName } from '../../electron/core/db/database-file'
import { writeFileAtomically } from '../../electron/core/files/atomic-write'
import { assertNotDataFile, dataFileProblem } from '../../electron/core/files/output-guard'
import { exportSavePathProblem } from '../../electron/main/download-policy'
import { makeTempDir } from '../support/temp-dir'
import { openTestCore, type TestCore } from '../support/test-core'
import { createPlace, failing, inspect, seededUnit } from '../integration/rectification/fixtures'

// Issue #10, high 2: `notice --out <data-dir>/access-audit.sqlite` replaced the live database with the notice and
// exited 0. Every output path now passes the guard before anything is issued, rendered or written.

const run = promisify(execFile)
const bin = path.resolve('electron/cli/bin.mjs')

let t: TestCore
let unit: { id: number; name: string }
let db: string

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, '--data-dir', t.dir, ...args])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

function databaseState() {
  const reader = new Database(db, { readonly: true })
  try {
    return {
      units: reader.prepare('SELECT COUNT(*) FROM units').pluck().get(),
      notices: reader.prepare('SELECT COUNT(*) FROM notices').pluck().get(),
      integrity: reader.pragma('integrity_check', { simple: true }),
    }
  } finally {
    reader.close()
  }
}

beforeAll(async () => {
  t = openTestCore()
  unit = await seededUnit(t, '住房和城乡建设局')
  await inspect(t, await createPlace(t, '区政务服务大厅', unit.id), '2026-11-20', [
    { label: '北门坡道', slope: failing },
  ])
  await t.call('rectification:sync', {})
  t.core.close()
  db = path.join(t.dir, databaseFileName)
})
afterAll(() => t.close())

describe('the CLI never writes over the data folder', () => {
  it('refuses `notice --issue --out <data-dir>/access-audit.sqlite` (exit 2), issues nothing, and the database is intact', async () => {
    const before = sha(db)
    const result = await cli([
      'notice',
      unit.name,
      '--issue',
      '--format',
      'docx',
      '--out',
      path.join(t.dir, databaseFileName),
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('数据库文件')
    expect(result.stderr).toContain('请换一个文件名或输出位置')
    expect(sha(db)).toBe(before)
    expect(databaseState()).toMatchObject({ notices: 0, integrity: 'ok' })
  })

  it("refuses a backup onto the database's write-ahead log, spelled in capitals (exit 2)", async () => {
    const before = sha(db)
    const wal = `${databaseFileName.toUpperCase()}-WAL`
    const result = await cli(['backup', path.join(t.dir, wal)])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('数据库文件')
    expect(fs.readdirSync(t.dir)).not.toContain(wal)
    expect(sha(db)).toBe(before)
  })
})

describe('the output guard', () => {
  let other: { dir: string; cleanup: () => void }
  beforeAll(() => {
    other = makeTempDir('access-audit-out-')
    fs.mkdirSync(path.join(t.dir, 'photos', 'ab'), { recursive: true })
  })
  afterAll(() => other.cleanup())

  it('refuses the database, its companions and session markers, and anything in photos/ and screenshots/', () => {
    for (const name of [
      databaseFileName,
      `${databaseFileName}-wal`,
      `${databaseFileName}-shm`,
      `${databaseFileName}-journal`,
      `${databaseFileName}-sessions/x.json`,
      'photos/ab/abc.jpg',
      'photos/new-folder/a.pdf',
      'screenshots/run-1/a.png',
    ]) {
      expect(dataFileProblem(path.join(t.dir, name), t.dir), name).toMatch(/^不能写入/)
    }
  })

  it('sees through case, trailing dots, stream suffixes, "..", symlinks (dangling too) and hard links', () => {
    const links = path.join(other.dir, 'links')
    fs.mkdirSync(links)
    fs.symlinkSync(db, path.join(links, 'report.pdf'))
    fs.symlinkSync(path.join(t.dir, `${databaseFileName}-journal`), path.join(links, 'dangling.pdf'))
    fs.symlinkSync(t.dir, path.join(links, 'data'))
    fs.linkSync(db, path.join(links, 'hard.pdf'))
    for (const target of [
      path.join(t.dir, 'Access-Audit.SQLITE'),
      path.join(t.dir, `${databaseFileName}. `),
      path.join(t.dir, `${databaseFileName}::$DATA`),
      path.join(t.dir, 'photos', '..', databaseFileName),
      path.join(links, 'report.pdf'),
      path.join(links, 'dangling.pdf'),
      path.join(links, 'data', databaseFileName),
      path.join(links, 'data', 'PHOTOS', 'x.jpg'),
      path.join(links, 'hard.pdf'),
    ]) {
      expect(dataFileProblem(target, t.dir), target).not.toBeNull()
    }
    fs.rmSync(path.join(links, 'hard.pdf'))
  })

  it("lets through what is not the data folder's: another file in the data folder, files elsewhere", () => {
    expect(dataFileProblem(path.join(t.dir, '整改通知书.pdf'), t.dir)).toBeNull()
    expect(dataFileProblem(path.join(t.dir, `${databaseFileName}.bak`), t.dir)).toBeNull()
    expect(dataFileProblem(path.join(other.dir, databaseFileName), t.dir)).toBeNull()
    expect(() => assertNotDataFile(path.join(other.dir, 'photos', 'a.pdf'), t.dir)).not.toThrow()
  })

  it('is applied to the desktop save dialog of exports (the dialog asks again)', () => {
    expect(exportSavePathProblem(db, t.dir)).toMatch(/数据库文件/)
    expect(exportSavePathProblem(path.join(other.dir, '通知书.pdf'), t.dir)).toBeNull()
  })

  it('is applied by the atomic writer itself, before the first byte', async () => {
    const before = sha(db)
    await expect(writeFileAtomically(db, 'not a database', { dataDir: t.dir })).rejects.toMatchObject({
      code: 'EDATAFILE',
    })
    expect(sha(db)).toBe(before)
    expect(fs.readdirSync(t.dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
