import path from 'node:path'
import { dataFolderNames } from '../data-layout'

/**
 * Layout of the photo folder inside the data folder. Relative paths use '/' on every platform because they are
 * stored in records (and the database) that may be moved between Windows and Linux machines.
 *
 *   photos/<sha[0..2]>/<sha>.<ext>    the original, byte for byte as received
 *   photos/<sha[0..2]>/<sha>.json     its record (original name, EXIF, size), so the folder describes itself
 *   photos/thumbs/<sha>.jpg           thumbnail, orientation applied, metadata stripped
 *   photos/print/<sha>.jpg            print rendition for notices, made when first needed (same treatment)
 *
 * The two-character shard keeps any one folder to a few hundred files even after years of inspections, which
 * Windows Explorer and backup tools handle far better than tens of thousands in one folder.
 */

/** The photo folder's name in the data folder (named in data-layout.ts with the other folders). */
export const photosDirName = dataFolderNames.photos
export const thumbsDirName = 'thumbs'
export const printDirName = 'print'

const sha256Pattern = /^[0-9a-f]{64}$/i

/** Also the guard against path traversal: a hash from the renderer is used to build file paths. */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && sha256Pattern.test(value)
}

export function originalRelPath(sha256: string, ext: string): string {
  return `${photosDirName}/${sha256.slice(0, 2)}/${sha256}.${ext}`
}

export function recordRelPath(sha256: string): string {
  return `${photosDirName}/${sha256.slice(0, 2)}/${sha256}.json`
}

export function thumbnailRelPath(sha256: string): string {
  return `${photosDirName}/${thumbsDirName}/${sha256}.jpg`
}

export function printRelPath(sha256: string): string {
  return `${photosDirName}/${printDirName}/${sha256}.jpg`
}

export function toAbsolute(dataDir: string, relPath: string): string {
  return path.join(dataDir, ...relPath.split('/'))
}

/**
 * The name shown to people and kept in the record: only the last path segment (a dropped file may bring a full
 * path, and either separator), without control characters, and short enough for a table cell.
 */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const cleaned = Array.from(base)
    .filter((char) => char.charCodeAt(0) > 0x1f && char !== '\u007f')
    .join('')
    .trim()
  return cleaned.length > 200 ? `${cleaned.slice(0, 200)}…` : cleaned || '未命名'
}
