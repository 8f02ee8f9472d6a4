import type { PhotoGps } from './photo-exif'
import { originalRelPath, thumbnailRelPath } from './photo-paths'
import { photoExtensions } from './sniff-image-type'

/** What the store knows about one stored photo; also kept beside the original as `<sha>.json`. */
export interface StoredPhoto {
  /** Lower-case hex SHA-256 of the original bytes: the photo's identity and its proof of integrity. */
  sha256: string
  /** From the content, not the file name: 'jpg', 'png', 'webp', 'gif', 'avif' or 'heic'. */
  ext: string
  mimeType: string
  byteSize: number
  /** As displayed, EXIF orientation applied. */
  width: number
  height: number
  /** The name it had on the inspector's computer when first added (path removed). */
  originalName: string
  /** ISO 8601 local time of the shutter ("2024-05-06T14:30:15", with "+08:00" when the camera recorded it). */
  takenAt: string | null
  gps: PhotoGps | null
  /** Relative to the data folder, '/'-separated. */
  thumbnailPath: string
  originalPath: string
  /** EXIF orientation 1–8, when the file has one. */
  orientation?: number
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function isGps(value: unknown): boolean {
  if (value === null) return true
  if (typeof value !== 'object') return false
  const gps = value as Record<string, unknown>
  return (
    isFiniteNumber(gps.latitude) &&
    isFiniteNumber(gps.longitude) &&
    (gps.altitude === undefined || isFiniteNumber(gps.altitude))
  )
}

/**
 * A record read back from disk is trusted only if it describes this very photo at the expected paths: a record
 * edited by hand must not point the app at another file.
 */
export function isStoredPhoto(value: unknown, sha256: string): value is StoredPhoto {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return (
    r.sha256 === sha256 &&
    typeof r.ext === 'string' &&
    photoExtensions.includes(r.ext) &&
    typeof r.mimeType === 'string' &&
    isFiniteNumber(r.byteSize) &&
    isFiniteNumber(r.width) &&
    isFiniteNumber(r.height) &&
    typeof r.originalName === 'string' &&
    (r.takenAt === null || typeof r.takenAt === 'string') &&
    isGps(r.gps) &&
    r.thumbnailPath === thumbnailRelPath(sha256) &&
    r.originalPath === originalRelPath(sha256, r.ext) &&
    (r.orientation === undefined || isFiniteNumber(r.orientation))
  )
}
