import crypto from 'node:crypto'
import fsp from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes a whole file or nothing: the bytes go to a temporary file in the same folder (same file system, so the
 * rename is atomic), are flushed to disk, then renamed over the target. On any failure the temporary file is
 * removed, so an export that fails never leaves a half-written notice behind.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(target))
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`,
  )
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
    throw err
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
