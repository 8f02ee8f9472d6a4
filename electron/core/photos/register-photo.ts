import type { Db } from '../db/open-database'
import type { StoredPhoto } from './photo-record'

/**
 * Records a stored photo in the `photos` table so evidence can cite it by hash (inspection photos, reply photos).
 * Idempotent: the same content is one row, first registration wins (its original name and time). Call inside
 * the caller's transaction, after the store has accepted the file.
 */
export function registerPhoto(db: Db, stored: StoredPhoto, now: string): void {
  db.prepare(
    `INSERT OR IGNORE INTO photos (sha256, ext, mime_type, byte_size, width, height, original_name, taken_at,
       latitude, longitude, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    stored.sha256,
    stored.ext,
    stored.mimeType,
    stored.byteSize,
    stored.width,
    stored.height,
    stored.originalName,
    stored.takenAt,
    stored.gps?.latitude ?? null,
    stored.gps?.longitude ?? null,
    now,
  )
}
