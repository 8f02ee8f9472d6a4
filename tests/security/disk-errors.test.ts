import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../electron/core/db/open-database'
import type { PhotoStorePort } from '../../electron/core/inspections/inspection-photos'
import { createPhotoStore } from '../../electron/core/photos/photo-store'
import { openCore, type Core } from '../../electron/core/open-core'
import { makeTempDir } from '../support/temp-dir'
import { openTestCore } from '../support/test-core'
import { createPlace, failing, inspect, seededUnit } from '../integration/rectification/fixtures'
import { screenshotPng } from '../integration/photos/test-photos'

// Issue #10, low 11: a full disk showed "内部错误", and several file errors surfaced as raw English. One mapping
// (electron/core/files/fs-errors.ts) now serves the dispatcher, the CLI, the photo store and the file writers.

const run = promisify(execFile)
const bin = path.resolve('electron/cli/bin.mjs')
const english = /[A-Za-z]{4,} [a-z]{2,}/ // "no space left", "read-only file system", "permission denied"

function errno(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} failed, '${file}'`), { code, syscall, path: file })
}

describe('system errors injected under the services', () => {
  for (const [code, words] of [
    ['ENOSPC', '磁盘空间不足'],
    ['EACCES', '没有权限'],
    ['EPERM', '不被允许'],
    ['EROFS', '只读'],
    ['EMFILE', '打开的文件过多'],
    ['EIO', '磁盘读写出错'],
  ] as const) {
    it(`${code} reaches the user as IO_ERROR in zh-CN, not 内部错误`, async () => {
      const photos = {
        ingest: () => Promise.reject(errno(code, 'write', '/data/photos/ab/x.jpg')),
      } as unknown as PhotoStorePort
      const t = openTestCore({ photos })
      try {
        const error = await t.fail('rectification:uploadPhoto', {
          fileName: '整改后.jpg',
          dataBase64: Buffer.from('x').toString('base64'),
        })
        expect(error.code).toBe('IO_ERROR')
        expect(error.message).toContain(words)
        expect(error.message).toContain('/data/photos/ab/x.jpg')
        expect(error.message).not.toMatch(english)
      } finally {
        t.close()
      }
    })
  }
})

/** A real small file system, when this machine lets the tests mount one (root in CI's container). */
function mountTmpfs(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' })
  } catch {
    // not mounted
  }
}

/** Fills the file system of `dir` but for about `leave` bytes. */
function fill(dir: string, leave: number): string {
  const filler = path.join(dir, 'filler.bin')
  const free = fs.statfsSync(dir).bavail * fs.statfsSync(dir).bsize
  fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free - leave)))
  return filler
}

describe('a real full or read-only disk', () => {
  let root: { dir: string; cleanup: () => void }
  let full: string
  let readOnly: string
  let mounted = false
  let unitName = ''
  let dataDir = ''

  beforeAll(async () => {
    root = makeTempDir('access-audit-disk-')
    full = path.join(root.dir, 'full')
    readOnly = path.join(root.dir, 'ro')
    fs.mkdirSync(full)
    fs.mkdirSync(readOnly)
    mounted = mountTmpfs(full, 'size=4m') && mountTmpfs(readOnly, 'size=64k,ro')
    // A data folder with a notice already issued (on the ordinary disk).
    const t = openTestCore()
    const unit = await seededUnit(t, '住房和城乡建设局')
    await inspect(t, await createPlace(t, '区政务服务大厅', unit.id), '2026-11-20', [
      { label: '北门坡道', slope: failing },
    ])
    await t.call('rectification:sync', {})
    const items = await t.call('rectification:list', { unitId: unit.id, status: 'open' })
    await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: items.map((i) => i.id),
      issuedOn: '2026-11-25',
      deadline: '2026-12-31',
    })
    t.core.close()
    unitName = unit.name
    dataDir = t.dir
  })
  afterAll(() => {
    unmount(full)
    unmount(readOnly)
    root?.cleanup()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  async function cli(args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, '--data-dir', dataDir, ...args])
      return { code: 0, stdout, stderr }
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string }
      return { code: e.code, stdout: e.stdout, stderr: e.stderr }
    }
  }

  it('notice --out on a full disk: exit 1, 磁盘空间不足, and no partial file', async (ctx) => {
    if (!mounted) return ctx.skip()
    const filler = fill(full, 2048)
    try {
      const target = path.join(full, '整改通知书.docx')
      const result = await cli(['notice', unitName, '--format', 'docx', '--out', target])
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('磁盘空间不足')
      expect(result.stderr).not.toMatch(english)
      expect(fs.readdirSync(full)).toEqual(['filler.bin'])
    } finally {
      fs.rmSync(filler)
    }
  })

  it('backup on a full disk: 磁盘空间不足 (not 数据库文件已损坏), and nothing left behind', async (ctx) => {
    if (!mounted) return ctx.skip()
    const filler = fill(full, 8192)
    const core = openCore(dataDir, 'test')
    try {
      const error = await backupDatabase(core.ctx.db, path.join(full, 'backup.sqlite')).catch((e: Error) => e)
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toContain('磁盘空间不足')
      expect((error as Error).message).not.toContain('损坏')
      expect(fs.readdirSync(full)).toEqual(['filler.bin'])
    } finally {
      core.close()
      fs.rmSync(filler)
    }
  })

  it('notice --out on a read-only disk: refused before anything is written (exit 2)', async (ctx) => {
    if (!mounted) return ctx.skip()
    const result = await cli(['notice', unitName, '--format', 'docx', '--out', path.join(readOnly, 'n.docx')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('只读')
  })

  it('a data folder on a full disk: saves and photos refused in zh-CN, nothing lost once space is back', async (ctx) => {
    if (!mounted) return ctx.skip()
    const folder = path.join(full, 'data')
    let core: Core | null = openCore(folder, 'test', {}, { photos: createPhotoStore(folder) })
    try {
      const dispatch = core.dispatch('cli')
      const first = await dispatch('units:create', { name: '满盘前的单位', kind: 'other' })
      expect(first.ok).toBe(true)
      const filler = fill(full, 0)
      const bulky = { name: '满盘时的单位', kind: 'other', note: '说明'.repeat(200) }
      const refused = await dispatch('units:create', bulky)
      expect(refused).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } })
      expect(!refused.ok && refused.error.message).toContain('磁盘空间不足')
      const photo = await dispatch('rectification:uploadPhoto', {
        fileName: '整改后.png',
        dataBase64: (await screenshotPng()).toString('base64'),
      })
      expect(photo.ok).toBe(false)
      expect(!photo.ok && photo.error.message).toMatch(/照片“整改后\.png”保存失败，未添加：磁盘空间不足/)
      expect(
        fs
          .readdirSync(path.join(folder, 'photos'), { recursive: true })
          .filter((f) => String(f).endsWith('.tmp')),
      ).toEqual([])
      fs.rmSync(filler)
      expect((await dispatch('units:create', bulky)).ok).toBe(true)
      core.close()
      core = openCore(folder, 'test')
      const names = core.ctx.db
        .prepare("SELECT name FROM units WHERE name LIKE '满盘%' ORDER BY id")
        .pluck()
        .all()
      expect(names).toEqual(['满盘前的单位', '满盘时的单位'])
      expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      core?.close()
    }
  })
})
