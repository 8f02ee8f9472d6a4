import fs from 'node:fs'
import path from 'node:path'
import { dataFolderEntries, dataFolderNames } from '../data-layout'
import { FileWriteError } from './fs-errors'

/**
 * The guard every user-named output passes before anything is written (notice --out, audit --out, backup, the
 * desktop save dialog): it refuses a path that is one of the data folder's own files — the database, its -wal,
 * -shm and -journal, the session markers — or lies inside its photos/ or screenshots/ folders. Writing a report
 * over the database would lose every record at once.
 *
 * Seen through the file system, not the spelling: symlinks (even dangling ones) are followed, the same file under
 * another name (hard link, case-insensitive disk, 8.3 or bind-mounted path) is found by its device and inode,
 * and names in the data folder are compared case-folded, without Windows' trailing dots and spaces and
 * alternate-stream suffixes (`access-audit.sqlite::$DATA` is the database on NTFS). Folding on every system only
 * ever refuses a name that differs from a data file by case, which nobody needs.
 */

/** Code of the FileWriteError the guard throws: a refusal the user fixes by choosing another path. */
export const dataFileRefusalCode = 'EDATAFILE'

function protectedNames(): string[] {
  return dataFolderEntries()
}

function foldName(name: string): string {
  return name
    .replace(/:.*$/s, '')
    .replace(/[. ]+$/, '')
    .toLowerCase()
}

type Identity = { dev: bigint; ino: bigint }

function identityOf(file: string): Identity | null {
  try {
    const stat = fs.statSync(file, { bigint: true })
    return { dev: stat.dev, ino: stat.ino }
  } catch {
    return null
  }
}

function sameIdentity(a: Identity | null, b: Identity | null): boolean {
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino && a.ino !== 0n
}

/** The real path of `file`, following symlinks, also when `file` itself (or a link's target) does not exist. */
function resolveReal(file: string, hops = 0): string {
  try {
    return fs.realpathSync.native(file)
  } catch {
    // not there (or not readable): follow a dangling symlink by hand, else resolve the folder and keep the name
  }
  if (hops < 40) {
    try {
      if (fs.lstatSync(file).isSymbolicLink())
        return resolveReal(path.resolve(path.dirname(file), fs.readlinkSync(file)), hops + 1)
    } catch {
      // not a link, or unreadable: fall through
    }
  }
  const parent = path.dirname(file)
  return parent === file ? file : path.join(resolveReal(parent, hops), path.basename(file))
}

function sameFolder(a: string, b: string, bIdentity: Identity | null): boolean {
  const aIdentity = identityOf(a)
  if (aIdentity && bIdentity) return sameIdentity(aIdentity, bIdentity)
  return a.toLowerCase() === b.toLowerCase()
}

function describe(target: string, dataDir: string, entry: string): string {
  const what =
    entry === dataFolderNames.photos
      ? '位于数据文件夹的照片文件夹（photos）中'
      : entry === dataFolderNames.screenshots
        ? '位于数据文件夹的截图文件夹（screenshots）中'
        : `是数据文件夹中的数据库文件（${entry}），写入会毁掉全部数据`
  return `不能写入“${target}”：该位置${what}（数据文件夹：${dataDir}）。请换一个文件名或输出位置。`
}

/** The zh-CN reason `target` must not be written, or null when it is none of the data folder's files. */
export function dataFileProblem(target: string, dataDir: string): string | null {
  const real = resolveReal(path.resolve(target))
  const dataReal = resolveReal(path.resolve(dataDir))
  const dataIdentity = identityOf(dataReal)
  const names = protectedNames()
  const targetIdentity = identityOf(real)
  if (targetIdentity) {
    for (const name of names) {
      if (sameIdentity(targetIdentity, identityOf(path.join(dataReal, name))))
        return describe(target, dataDir, name)
    }
  }
  const folded = new Map(names.map((name) => [foldName(name), name]))
  let child = real
  let dir = path.dirname(real)
  for (;;) {
    if (sameFolder(dir, dataReal, dataIdentity)) {
      const entry = folded.get(foldName(path.basename(child)))
      if (entry) return describe(target, dataDir, entry)
    }
    const up = path.dirname(dir)
    if (up === dir) return null
    child = dir
    dir = up
  }
}

/** Throws a FileWriteError (code EDATAFILE) with the zh-CN reason when `target` is one of the data folder's files. */
export function assertNotDataFile(target: string, dataDir: string): void {
  const problem = dataFileProblem(target, dataDir)
  if (problem) throw new FileWriteError(problem, dataFileRefusalCode)
}
