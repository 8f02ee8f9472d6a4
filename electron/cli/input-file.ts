import fs from 'node:fs/promises'
import { refuseUsage } from './output'

/**
 * Reads a file named on the command line, refusing (exit 2, zh-CN reason) one that is missing, unreadable, not a
 * file or larger than `maxBytes` (`tooBig` says what to do instead).
 */
export async function readInputFile(
  command: string,
  file: string,
  maxBytes: number,
  tooBig: string,
): Promise<Buffer> {
  try {
    const stat = await fs.stat(file)
    if (!stat.isFile()) refuseUsage(command, `${file} 不是文件`)
    if (stat.size > maxBytes) refuseUsage(command, tooBig)
    return await fs.readFile(file)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ENOENT') refuseUsage(command, `找不到文件 ${file}`)
    if (code === 'EACCES' || code === 'EPERM') refuseUsage(command, `没有读取 ${file} 的权限`)
    throw error
  }
}
