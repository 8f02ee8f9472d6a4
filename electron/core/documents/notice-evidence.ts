import type { EvidenceLoader } from '../../../shared/domain/notice-document'
import type { EvidenceRef } from '../../../shared/domain/rectification'

/** One evidence image as loaded for a renderer; null means 照片缺失 (the file is gone or unreadable). */
export type LoadedEvidence = { bytes: Uint8Array; mimeType: string } | null

export const missingPhotoText = '照片缺失'

export function evidenceKey(ref: EvidenceRef): string {
  return `${ref.kind}:${ref.ref}`
}

/**
 * Loads every evidence image of the notice once (the same photo may back several items). A loader that throws
 * counts as a missing file: a notice must still print when one photo is unreadable.
 */
export async function loadNoticeEvidence(
  refs: Iterable<EvidenceRef>,
  loader: EvidenceLoader,
): Promise<Map<string, LoadedEvidence>> {
  const loaded = new Map<string, LoadedEvidence>()
  for (const ev of refs) {
    const key = evidenceKey(ev)
    if (loaded.has(key)) continue
    let image: LoadedEvidence
    try {
      image = await loader({ kind: ev.kind, ref: ev.ref })
    } catch {
      image = null
    }
    loaded.set(key, image && image.bytes.byteLength > 0 ? image : null)
  }
  return loaded
}
