import path from 'node:path'
import type { EvidenceLoader } from '../../../shared/domain/notice-document'
import { dataLayout } from '../data-layout'
import type { PhotoStorePort } from '../inspections/inspection-photos'

/**
 * Evidence images for the notice renderers. Photos come as the store's print rendition (720 px, about 300 dpi in
 * the notice's photo box; never the 25 MB original: a notice of 20 items would otherwise carry hundreds of
 * megabytes), or as the thumbnail when no rendition can be made; element screenshots from
 * <dataDir>/screenshots/<relative path>, refusing any path that leaves that folder. A missing file is null, which
 * the renderers print as 照片缺失.
 */
const screenshotTypes: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
}

export function createEvidenceLoader(deps: {
  dataDir: string
  photos: Pick<PhotoStorePort, 'exists' | 'thumbnailPath' | 'printRenditionPath'>
  readFile: (absolutePath: string) => Promise<Buffer>
}): EvidenceLoader {
  const screenshotRoot = dataLayout(deps.dataDir).screenshots
  return async (evidence) => {
    try {
      if (evidence.kind === 'photo') {
        if (!/^[0-9a-f]{64}$/.test(evidence.ref) || !deps.photos.exists(evidence.ref)) return null
        const file =
          (await deps.photos.printRenditionPath(evidence.ref)) ?? deps.photos.thumbnailPath(evidence.ref)
        if (!file) return null
        return { bytes: new Uint8Array(await deps.readFile(file)), mimeType: 'image/jpeg' }
      }
      const full = path.resolve(screenshotRoot, evidence.ref)
      const mimeType = screenshotTypes[path.extname(full).toLowerCase()]
      if (!full.startsWith(screenshotRoot + path.sep) || !mimeType) return null
      return { bytes: new Uint8Array(await deps.readFile(full)), mimeType }
    } catch {
      return null
    }
  }
}
