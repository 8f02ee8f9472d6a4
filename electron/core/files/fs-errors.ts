import { ApiError } from '../../../shared/api/errors'

/**
 * System errors (Node's errno codes, SQLite's disk codes) told in zh-CN. One mapping for every door: the
 * dispatcher turns them into IO_ERROR with these words, the CLI prints them, the photo store and the file
 * writers use the same reasons. A full disk says 磁盘空间不足, never 内部错误, and no raw English reaches the user.
 */

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

export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** The reason alone ("磁盘空间不足"), for a code any file operation may answer. */
const reasons: Record<string, string> = {
  ENOSPC: '磁盘空间不足，请清理磁盘或换一个位置后重试',
  EDQUOT: '磁盘配额已用完，请清理空间或联系管理员',
  EACCES: '没有权限（文件或文件夹可能是只读的，或属于其他用户）',
  EPERM: '操作不被允许（文件可能是只读的、正被其他程序使用，或被安全软件拦截）',
  EROFS: '所在的磁盘是只读的',
  EMFILE: '同时打开的文件过多（超出系统限制），请关闭其他程序后重试',
  ENFILE: '系统中打开的文件过多，请关闭其他程序后重试',
  EBUSY: '文件正被其他程序占用，请关闭该程序后重试',
  ETXTBSY: '文件正被其他程序占用，请关闭该程序后重试',
  ENOENT: '文件或文件夹不存在',
  ENOTDIR: '路径中有一部分不是文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  EEXIST: '文件已存在',
  ENOTEMPTY: '文件夹不是空的',
  ENAMETOOLONG: '路径或文件名过长',
  ELOOP: '符号链接过多或形成了循环',
  EIO: '磁盘读写出错（磁盘可能已损坏或已被拔出）',
  EXDEV: '不能在不同的磁盘之间直接移动文件',
  ENOMEM: '内存不足',
  ENXIO: '设备不存在或已断开',
  ENODEV: '设备不存在或已断开',
  ESTALE: '网络共享上的文件已失效，请重新连接后重试',
  ETIMEDOUT: '访问超时（网络共享可能已断开）',
  EINVAL: '文件名或路径无效',
}

/** SQLite's own disk failures (better-sqlite3 gives extended codes such as SQLITE_IOERR_WRITE). */
const sqliteReasons: Array<[prefix: string, reason: string]> = [
  ['SQLITE_FULL', reasons.ENOSPC!],
  ['SQLITE_READONLY', '数据库文件或其所在文件夹是只读的'],
  ['SQLITE_CANTOPEN', '无法打开数据库文件（文件夹不存在、没有权限或文件被占用）'],
  ['SQLITE_PERM', reasons.EACCES!],
  ['SQLITE_IOERR', reasons.EIO!],
]

/** The zh-CN reason for an errno or SQLite disk code, or undefined when the code is not a file-system one. */
export function systemErrorReason(error: unknown): string | undefined {
  const code = errnoOf(error)
  if (!code) return undefined
  if (reasons[code]) return reasons[code]
  for (const [prefix, reason] of sqliteReasons) if (code.startsWith(prefix)) return reason
  return undefined
}

const writeCalls = new Set([
  'write',
  'writev',
  'rename',
  'mkdir',
  'copyfile',
  'unlink',
  'rmdir',
  'rm',
  'ftruncate',
  'fsync',
  'fdatasync',
  'link',
  'symlink',
  'chmod',
  'utime',
  'futime',
])
const readCalls = new Set(['read', 'scandir', 'readlink', 'stat', 'lstat', 'fstat', 'access', 'realpath'])

/** The reason of any failure, in zh-CN when it is a system one: for "生成…失败：<reason>" messages. */
export function errorReason(error: unknown): string {
  return systemErrorReason(error) ?? (error instanceof Error ? error.message : String(error))
}

/** A whole sentence: what could not be done to which file, and why ("无法写入“D:\\x.pdf”：磁盘空间不足…"). */
export function systemErrorMessage(error: unknown): string | undefined {
  const reason = systemErrorReason(error)
  if (!reason) return undefined
  const code = errnoOf(error) ?? ''
  if (code.startsWith('SQLITE_')) return `数据库读写失败：${reason}`
  const { syscall, path: file } = error as { syscall?: unknown; path?: unknown }
  const verb =
    typeof syscall === 'string' && writeCalls.has(syscall)
      ? '无法写入'
      : typeof syscall === 'string' && readCalls.has(syscall)
        ? '无法读取'
        : '无法访问'
  return typeof file === 'string' ? `${verb}“${file}”：${reason}` : `文件读写失败：${reason}`
}

/**
 * The API's form of a system error: IO_ERROR with the zh-CN sentence, or undefined when `error` is not one
 * (the caller then treats it as it did before). ApiErrors pass through unchanged.
 */
export function systemErrorToApi(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error
  if (error instanceof FileWriteError) return new ApiError('IO_ERROR', error.message)
  const message = systemErrorMessage(error)
  return message ? new ApiError('IO_ERROR', message) : undefined
}
