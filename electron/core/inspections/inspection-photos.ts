import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import type { Inspection, PhotoData } from '../../../shared/domain/inspections'
import type { PhotoStore } from '../photos/photo-store'
import { registerPhoto } from '../photos/register-photo'
import { checkOfElement, inspectionIdOfElement } from './inspection-rows'
import { editElement, type InspectionDeps } from './inspection-service'

/** What the inspection services need from the photo store. */
export type PhotoStorePort = Pick<
  PhotoStore,
  'ingest' | 'exists' | 'readOriginal' | 'thumbnailPath' | 'printRenditionPath'
>

export interface PhotoDeps extends InspectionDeps {
  photos: PhotoStorePort
  readFile: (absolutePath: string) => Promise<Buffer>
}

/**
 * The file is stored (content-addressed, idempotent) before the database transaction; a refused or undecodable
 * file throws before anything is recorded, so the rest of the inspection is untouched.
 */
export async function attachPhoto(
  deps: PhotoDeps,
  input: ParsedInputOf<'inspections:attachPhoto'>,
): Promise<Inspection> {
  const { db } = deps.ctx
  inspectionIdOfElement(db, input.elementId) // a missing facility is refused before the file is stored
  const bytes = Buffer.from(input.dataBase64, 'base64')
  if (bytes.length === 0) throw new ApiError('VALIDATION', '照片内容为空或不是有效的 base64 数据')
  const checkId = input.checkId ?? null
  // A photo can be tied only to a check of the facility's own category (in the inspection's catalog).
  if (checkId !== null) checkOfElement(db, input.elementId, checkId, '关联检查项')
  const stored = await deps.photos.ingest({ bytes, fileName: input.fileName })
  return editElement(deps, input, (now) => {
    registerPhoto(db, stored, now)
    const next = db
      .prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM element_photos WHERE element_id = ?')
      .get(input.elementId) as { p: number }
    // The same photo again: keeps its place; a caption or check given now replaces the old one.
    db.prepare(
      `INSERT INTO element_photos (element_id, sha256, caption, position, check_id) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (element_id, sha256) DO UPDATE SET caption = COALESCE(excluded.caption, element_photos.caption),
         check_id = COALESCE(excluded.check_id, element_photos.check_id)`,
    ).run(input.elementId, stored.sha256, input.caption, next.p, checkId)
  })
}

/** A photo's caption and the check it is evidence of (null = the whole facility). */
export function updatePhoto(deps: PhotoDeps, input: ParsedInputOf<'inspections:updatePhoto'>): Inspection {
  const { db } = deps.ctx
  if (input.checkId !== null) checkOfElement(db, input.elementId, input.checkId, '关联检查项')
  return editElement(deps, input, () => {
    const { changes } = db
      .prepare('UPDATE element_photos SET caption = ?, check_id = ? WHERE element_id = ? AND sha256 = ?')
      .run(input.caption, input.checkId, input.elementId, input.sha256)
    if (changes === 0) throw new ApiError('NOT_FOUND', '该设施没有这张照片')
  })
}

/** Removes the link only: the original file stays, it may be evidence elsewhere. */
export function detachPhoto(deps: PhotoDeps, input: ParsedInputOf<'inspections:detachPhoto'>): Inspection {
  const { db } = deps.ctx
  return editElement(deps, input, () => {
    const { changes } = db
      .prepare('DELETE FROM element_photos WHERE element_id = ? AND sha256 = ?')
      .run(input.elementId, input.sha256)
    if (changes === 0) throw new ApiError('NOT_FOUND', '该设施没有这张照片')
  })
}

export async function getPhoto(deps: PhotoDeps, input: ParsedInputOf<'photos:get'>): Promise<PhotoData> {
  const row = deps.ctx.db.prepare('SELECT mime_type FROM photos WHERE sha256 = ?').get(input.sha256) as
    { mime_type: string } | undefined
  if (!row) throw new ApiError('NOT_FOUND', '照片记录不存在')
  if (!deps.photos.exists(input.sha256)) return { sha256: input.sha256, missing: true, dataUrl: '' }
  try {
    if (input.variant === 'original') {
      const bytes = await deps.photos.readOriginal(input.sha256)
      return {
        sha256: input.sha256,
        missing: false,
        dataUrl: `data:${row.mime_type};base64,${bytes.toString('base64')}`,
      }
    }
    const thumbPath = deps.photos.thumbnailPath(input.sha256)
    if (!thumbPath) return { sha256: input.sha256, missing: true, dataUrl: '' }
    const thumb = await deps.readFile(thumbPath)
    return {
      sha256: input.sha256,
      missing: false,
      dataUrl: `data:image/jpeg;base64,${thumb.toString('base64')}`,
    }
  } catch {
    // A file that vanished between the check and the read is shown as missing, never as a crash.
    return { sha256: input.sha256, missing: true, dataUrl: '' }
  }
}
