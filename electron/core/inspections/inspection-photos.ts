import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import type { Inspection, PhotoData } from '../../../shared/domain/inspections'
import { findCheck } from '../../../shared/catalog/index'
import { inTransaction } from '../db/transaction'
import type { Db } from '../db/open-database'
import type { PhotoStore } from '../photos/photo-store'
import { registerPhoto } from '../photos/register-photo'
import { inspectionIdOfElement, loadInspection } from './inspection-rows'
import { claimVersion, type InspectionDeps } from './inspection-service'

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
  const inspectionId = inspectionIdOfElement(db, input.elementId)
  const bytes = Buffer.from(input.dataBase64, 'base64')
  if (bytes.length === 0) throw new ApiError('VALIDATION', '照片内容为空或不是有效的 base64 数据')
  const checkId = input.checkId ?? null
  if (checkId !== null) refuseForeignCheck(db, input.elementId, checkId)
  const stored = await deps.photos.ingest({ bytes, fileName: input.fileName })
  const now = deps.ctx.now().toISOString()
  inTransaction(db, () => {
    claimVersion(db, inspectionId, input.baseVersion, now)
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
  return loadInspection(db, inspectionId, deps.photoExists)
}

/** A photo can be tied only to a check of the facility's own category (in the inspection's catalog). */
function refuseForeignCheck(db: Db, elementId: number, checkId: string): void {
  const meta = db
    .prepare(
      `SELECT e.category, i.catalog_id FROM inspection_elements e JOIN inspections i ON i.id = e.inspection_id
       WHERE e.id = ?`,
    )
    .get(elementId) as { category: string; catalog_id: string } | undefined
  if (!meta) throw new ApiError('NOT_FOUND', `设施（编号 ${elementId}）不存在`)
  if (findCheck(checkId, meta.catalog_id)?.category !== meta.category)
    throw new ApiError('VALIDATION', `检查项“${checkId}”不属于该设施类别`, [
      { path: 'checkId', message: `关联检查项：“${checkId}”不属于该设施类别` },
    ])
}

/** A photo's caption and the check it is evidence of (null = the whole facility). */
export function updatePhoto(deps: PhotoDeps, input: ParsedInputOf<'inspections:updatePhoto'>): Inspection {
  const { db } = deps.ctx
  const inspectionId = inspectionIdOfElement(db, input.elementId)
  if (input.checkId !== null) refuseForeignCheck(db, input.elementId, input.checkId)
  inTransaction(db, () => {
    claimVersion(db, inspectionId, input.baseVersion, deps.ctx.now().toISOString())
    const { changes } = db
      .prepare('UPDATE element_photos SET caption = ?, check_id = ? WHERE element_id = ? AND sha256 = ?')
      .run(input.caption, input.checkId, input.elementId, input.sha256)
    if (changes === 0) throw new ApiError('NOT_FOUND', '该设施没有这张照片')
  })
  return loadInspection(db, inspectionId, deps.photoExists)
}

/** Removes the link only: the original file stays, it may be evidence elsewhere. */
export function detachPhoto(deps: PhotoDeps, input: ParsedInputOf<'inspections:detachPhoto'>): Inspection {
  const { db } = deps.ctx
  const inspectionId = inspectionIdOfElement(db, input.elementId)
  inTransaction(db, () => {
    claimVersion(db, inspectionId, input.baseVersion, deps.ctx.now().toISOString())
    const { changes } = db
      .prepare('DELETE FROM element_photos WHERE element_id = ? AND sha256 = ?')
      .run(input.elementId, input.sha256)
    if (changes === 0) throw new ApiError('NOT_FOUND', '该设施没有这张照片')
  })
  return loadInspection(db, inspectionId, deps.photoExists)
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
