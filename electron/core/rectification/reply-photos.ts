import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import type { CoreContext } from '../context'
import { inTransaction } from '../db/transaction'
import type { PhotoStorePort } from '../inspections/inspection-photos'
import { registerPhoto } from '../photos/register-photo'

/**
 * A photo the unit sent with its reply. It goes through the same photo store as inspection photos (checked,
 * content-addressed, thumbnail made) and is registered, so `rectification:claim` can cite it by hash.
 */
export async function uploadReplyPhoto(
  ctx: CoreContext,
  photos: Pick<PhotoStorePort, 'ingest'>,
  input: ParsedInputOf<'rectification:uploadPhoto'>,
): Promise<{ sha256: string }> {
  const bytes = Buffer.from(input.dataBase64, 'base64')
  if (bytes.length === 0) {
    throw new ApiError('VALIDATION', '照片内容为空或不是有效的 base64 数据', [
      { path: 'dataBase64', message: '照片内容：为空或不是有效的 base64 数据' },
    ])
  }
  // The file is stored before the row: a refused or undecodable file throws before anything is recorded.
  const stored = await photos.ingest({ bytes, fileName: input.fileName })
  inTransaction(ctx.db, () => registerPhoto(ctx.db, stored, ctx.now().toISOString()))
  return { sha256: stored.sha256 }
}
