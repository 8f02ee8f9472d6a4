import crypto from 'node:crypto'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { errnoOf, FileWriteError, systemErrorReason } from './fs-errors'
import { assertNotDataFile } from './output-guard'

/**
 * The one way the app writes a file it must never leave half-written: notices and reports, photos and their
 * thumbnails, CLI reports and backups. The bytes go to a temporary file with a unique name in the target's own
 * folder (same volume, so the final rename is atomic), are flushed to disk, then take the target's name; the
 * folder is flushed too, so a power cut right after "已写入" keeps the file. On any failure the temporary file is
 * removed — nothing `<file>.partial` or `.tmp` stays behind, and no file this call did not create is touched.
 */

export type FileContent = Uint8Array | string
export type FileChunks = Iterable<FileContent> | AsyncIterable<FileContent>

export interface AtomicWriteOptions {
  /** false: never replace an existing file (backups); the check is made again at the last moment. Default true. */
  overwrite?: boolean
  /** The data folder: refuse its own files (the database, its -wal/-shm/-journal, photos/, screenshots/). */
  dataDir?: string
  mode?: number
}

/** Temporary names start with '.' and end with '.tmp' (photo-files.ts `isTempName` skips them). */
function tempNameFor(target: string, purpose: 'tmp' | 'probe'): string {
  return path.join(
    path.dirname(path.resolve(target)),
    `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.${purpose}`,
  )
}

/** zh-CN, about the file the user named and its folder; the system error stays as `cause`. */
function writeFailure(target: string, err: unknown): FileWriteError {
  if (err instanceof FileWriteError) return err
  const code = errnoOf(err)
  const dir = path.dirname(path.resolve(target))
  const inFolder: Record<string, string> = {
    ENOENT: `文件夹“${dir}”不存在，请先创建该文件夹或换一个输出位置`,
    ENOTDIR: `“${dir}”不是文件夹，请换一个输出位置`,
    EACCES: `没有在文件夹“${dir}”中写入文件的权限，请换一个输出位置`,
    EPERM: `没有在文件夹“${dir}”中写入文件的权限，请换一个输出位置`,
    EROFS: `文件夹“${dir}”所在的磁盘是只读的，请换一个输出位置`,
    EISDIR: `“${path.resolve(target)}”是一个文件夹，请写出文件名，例如 ${path.join(target, '整改通知书.pdf')}`,
    EEXIST: `文件已存在。为防止覆盖，请换一个文件名`,
  }
  const detail =
    (code && inFolder[code]) ?? systemErrorReason(err) ?? (code ? `系统错误（${code}）` : String(err))
  return new FileWriteError(`无法写入文件“${target}”：${detail}`, code, { cause: err })
}

const isFsError = (err: unknown) =>
  err instanceof FileWriteError ||
  systemErrorReason(err) !== undefined ||
  /^E[A-Z]+$/.test(errnoOf(err) ?? '')

/** Flushes the folder entry of a rename (POSIX); Windows cannot open a folder for this and needs no such step. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r').catch(() => null)
  await handle
    ?.sync()
    .catch(() => undefined)
    .finally(() => handle.close().catch(() => undefined))
}

async function commit(temp: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await fsp.rename(temp, target)
  } else {
    try {
      // A hard link fails with EEXIST instead of replacing: no window in which another file could be clobbered.
      await fsp.link(temp, target)
      await fsp.rm(temp, { force: true })
    } catch (err) {
      if (errnoOf(err) === 'EEXIST') throw err
      // File systems without hard links (FAT/exFAT USB drives, some shares): check, then rename.
      if (
        await fsp.lstat(target).then(
          () => true,
          () => false,
        )
      )
        throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' })
      await fsp.rename(temp, target)
    }
  }
  await syncFolder(path.dirname(path.resolve(target)))
}

/**
 * The general form: `produce` writes the file at the temporary path it is given (e.g. SQLite's backup API); the
 * file exists, empty, when it is called. Then flush and commit as above. Errors of the file system come back as
 * FileWriteError naming `target`; any other error of `produce` is rethrown as it was, after the clean-up.
 */
export async function writeAtomicallyWith(
  target: string,
  produce: (tempPath: string) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  if (options.dataDir) assertNotDataFile(target, options.dataDir)
  const temp = tempNameFor(target, 'tmp')
  let created = false
  try {
    await (await fsp.open(temp, 'wx', options.mode ?? 0o644)).close()
    created = true
    await produce(temp)
    const handle = await fsp.open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await commit(temp, target, options.overwrite ?? true)
  } catch (err) {
    if (created) await fsp.rm(temp, { force: true }).catch(() => undefined)
    throw isFsError(err) ? writeFailure(target, err) : err
  }
}

/**
 * Writes a whole file or nothing: `content` is the bytes, a string (UTF-8), or chunks (a report produced piece by
 * piece, never one string in memory). Returns the number of bytes written.
 */
export async function writeFileAtomically(
  target: string,
  content: FileContent | FileChunks,
  options: AtomicWriteOptions = {},
): Promise<number> {
  let bytes = 0
  await writeAtomicallyWith(
    target,
    async (temp) => {
      const handle = await fsp.open(temp, 'w')
      try {
        const pieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content
        for await (const piece of pieces) {
          const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece
          await handle.write(buffer)
          bytes += buffer.byteLength
        }
      } finally {
        await handle.close()
      }
    },
    options,
  )
  return bytes
}

/**
 * Checks, before any work whose result is costly to lose (issuing a numbered notice, rendering a PDF), that a file
 * can be written at `target`: with `dataDir`, it is none of the data folder's files; its folder exists and accepts
 * a new file (probed by creating and removing an empty file, which also answers truthfully for root, read-only
 * disks and network shares), and the target is not a folder. Throws FileWriteError with the zh-CN reason.
 */
export async function assertWritableTarget(
  target: string,
  options: { dataDir?: string } = {},
): Promise<void> {
  if (options.dataDir) assertNotDataFile(target, options.dataDir)
  const stat = await fsp.stat(target).catch((err: unknown) => {
    if (errnoOf(err) === 'ENOENT') return null
    throw writeFailure(target, err)
  })
  if (stat?.isDirectory()) throw writeFailure(target, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }))
  const probe = tempNameFor(target, 'probe')
  try {
    await (await fsp.open(probe, 'wx', 0o600)).close()
  } catch (err) {
    throw writeFailure(target, err)
  }
  await fsp.rm(probe, { force: true })
}

/**
 * Renders, then writes atomically: when `render` throws nothing is written at all, not even an empty file.
 * Returns the number of bytes written.
 */
export async function renderToFile(
  target: string,
  render: () => Promise<FileContent>,
  options: AtomicWriteOptions = {},
): Promise<number> {
  return writeFileAtomically(target, await render(), options)
}
