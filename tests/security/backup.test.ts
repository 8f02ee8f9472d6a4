import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../electron/core/db/open-database'
import { openCore, type Core } from '../../electron/core/open-core'
import { makeTempDir } from '../support/temp-dir'

// Issue #10, low 5: `backup` deleted an unrelated existing `<file>.partial` and then blamed the source
// ("数据库文件已损坏"). It now writes through the one atomic writer, under a unique temporary name.

let dir: string
let cleanup: () => void
let core: Core
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
  core = openCore(path.join(dir, 'data'), 'test')
})
afterEach(() => {
  core.close()
  cleanup()
})

describe('backup', () => {
  it('leaves an unrelated <file>.partial alone and writes the backup', async () => {
    const target = path.join(dir, 'backup.sqlite')
    fs.writeFileSync(`${target}.partial`, '我的笔记，不是数据库')
    await backupDatabase(core.ctx.db, target, core.ctx.dataDir)
    expect(fs.readFileSync(`${target}.partial`, 'utf8')).toBe('我的笔记，不是数据库')
    expect(fs.readdirSync(dir).sort()).toEqual(['backup.sqlite', 'backup.sqlite.partial', 'data'])
    const copy = new Database(target, { readonly: true })
    expect(copy.prepare('SELECT COUNT(*) FROM units').pluck().get()).toBeGreaterThan(5)
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
  })

  it('says what went wrong with the copy, never that the source is damaged, and leaves nothing', async () => {
    const folderAsFile = path.join(dir, 'not-a-folder')
    fs.writeFileSync(folderAsFile, 'x')
    const error = await backupDatabase(core.ctx.db, path.join(folderAsFile, 'b.sqlite')).catch(
      (e: Error) => e,
    )
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).not.toContain('损坏')
    expect((error as Error).message).toMatch(/无法创建文件夹|不是文件夹|路径中有一部分不是文件夹/)
    expect(fs.readdirSync(dir).sort()).toEqual(['data', 'not-a-folder'])
  })
})
