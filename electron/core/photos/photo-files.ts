import { createHash, randomUUID } from 'node:crypto'
import fs, { createReadStream } from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

/** A view, not a copy: photos can be 25 MB and the renderer's bytes are never modified here. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Hash of a file on disk, streamed so verifying a large original does not load it whole; null if it is absent. */
export async function sha256OfFile(file: string): Promise<string | null> {
  const hash = createHash('sha256')
  try {
    await pipeline(createReadStream(file), hash)
  } catch (error) {
    if (isMissing(error)) return null
    throw error
  }
  return hash.digest('hex')
}

export function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    return (await fsp.stat(file)).isFile()
  } catch {
    return false
  }
}

/** Sync on purpose: list services are synchronous (better-sqlite3) and a stat is cheap; any failure means absent. */
export function isFileSync(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false
  } catch {
    return false
  }
}

/** Temp files start with '.' and end with '.tmp' so a crash mid-write leaves nothing that looks like a photo. */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp')
}

/**
 * Write to a temp file in the target's own folder, flush it to disk, then rename: a reader (or a crash) sees the
 * old state or the whole new file, never half a photo. Rename is only atomic within one volume, hence the folder.
 */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`)
  let handle: fsp.FileHandle | undefined
  try {
    handle = await fsp.open(temp, 'wx')
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = undefined
    await fsp.rename(temp, target)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fsp.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}
