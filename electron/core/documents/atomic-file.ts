import crypto from 'node:crypto'
import fsp from 'node:fs/promises'
import path from 'node:path'

/**
 * A file the app writes that could not be written, told in zh-CN about the file the user named (never about the
 * temporary file next to it); the system error stays as `cause` for logs.
 */
export class FileWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'FileWriteError'
  }
}

function errnoOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined
}

function writeFailure(target: string, err: unknown): FileWriteError {
  const code = errnoOf(err)
  const dir = path.dirname(path.resolve(target))
  const reason: Record<string, string> = {
    ENOENT: `文件夹“${dir}”不存在，请先创建该文件夹或换一个输出位置`,
    ENOTDIR: `“${dir}”不是文件夹，请换一个输出位置`,
    EACCES: `没有在文件夹“${dir}”中写入文件的权限，请换一个输出位置`,
    EPERM: `没有在文件夹“${dir}”中写入文件的权限，请换一个输出位置`,
    EROFS: `文件夹“${dir}”所在的磁盘是只读的，请换一个输出位置`,
    EISDIR: `“${path.resolve(target)}”是一个文件夹，请写出文件名，例如 ${path.join(target, '整改通知书.pdf')}`,
    ENOSPC: '磁盘空间不足',
    EDQUOT: '磁盘配额已满',
  }
  const detail = (code && reason[code]) ?? (code ? `系统错误 ${code}` : String(err))
  return new FileWriteError(`无法写入文件“${target}”：${detail}`, code, { cause: err })
}

function tempNameFor(target: string, purpose: string): string {
  return path.join(
    path.dirname(path.resolve(target)),
    `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.${purpose}`,
  )
}

/**
 * Checks, before any work whose result is costly to lose (issuing a numbered notice, rendering a PDF), that a file
 * can be written at `target`: its folder exists and accepts a new file (probed by creating and removing an empty
 * file, which also answers truthfully for root, read-only disks and network shares), and the target is not a
 * folder. Throws FileWriteError with the zh-CN reason.
 */
export async function assertWritableTarget(target: string): Promise<void> {
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
 * Writes a whole file or nothing: the bytes go to a temporary file in the same folder (same file system, so the
 * rename is atomic), are flushed to disk, then renamed over the target. On any failure the temporary file is
 * removed, so an export that fails never leaves a half-written notice behind; the error (FileWriteError) names
 * the target, not the temporary file.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array | string): Promise<void> {
  const temp = tempNameFor(target, 'tmp')
  let handle: fsp.FileHandle | null = null
  try {
    handle = await fsp.open(temp, 'wx', 0o644)
    await handle.writeFile(bytes)
    await handle.sync()
    await handle.close()
    handle = null
    await fsp.rename(temp, target)
  } catch (err) {
    await handle?.close().catch(() => undefined)
    await fsp.rm(temp, { force: true }).catch(() => undefined)
    throw writeFailure(target, err)
  }
}

/**
 * Renders, then writes atomically: when `render` throws nothing is written at all, not even an empty file.
 * Returns the number of bytes written.
 */
export async function renderToFile(
  target: string,
  render: () => Promise<Uint8Array | string>,
): Promise<number> {
  const bytes = await render()
  await writeFileAtomically(target, bytes)
  return typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength
}
