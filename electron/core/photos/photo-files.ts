import { createHash } from 'node:crypto'
import fs, { createReadStream } from 'node:fs'
import fsp from 'node:fs/promises'
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

/**
 * Temp files (files/atomic-write.ts) start with '.' and end with '.tmp', so a crash mid-write leaves nothing that
 * looks like a photo.
 */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp')
}
