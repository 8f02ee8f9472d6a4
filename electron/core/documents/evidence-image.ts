import sharp from 'sharp'
import type { LoadedEvidence } from './notice-evidence'

/** An evidence image ready for Word: a format docx embeds, and its size in pixels. */
export interface WordImage {
  type: 'jpg' | 'png' | 'gif'
  data: Uint8Array
  width: number
  height: number
}

/**
 * Reads the image's size (and converts WebP, which Word cannot show, to PNG). An undecodable file is treated
 * like a missing one: the notice says 照片缺失 rather than failing.
 */
export async function toWordImage(image: LoadedEvidence): Promise<WordImage | null> {
  if (!image) return null
  try {
    const meta = await sharp(image.bytes).metadata()
    if (!meta.width || !meta.height) return null
    const size = meta.autoOrient ?? { width: meta.width, height: meta.height }
    if (meta.format === 'jpeg') return { type: 'jpg', data: image.bytes, ...size }
    if (meta.format === 'png') return { type: 'png', data: image.bytes, ...size }
    if (meta.format === 'gif') return { type: 'gif', data: image.bytes, ...size }
    const png = await sharp(image.bytes).rotate().png().toBuffer({ resolveWithObject: true })
    return { type: 'png', data: new Uint8Array(png.data), width: png.info.width, height: png.info.height }
  } catch {
    return null
  }
}

/** The image's size in pixels as displayed (EXIF orientation applied), or null when it cannot be read. */
export async function imageSize(image: LoadedEvidence): Promise<{ width: number; height: number } | null> {
  if (!image) return null
  try {
    const meta = await sharp(image.bytes).metadata()
    if (!meta.width || !meta.height) return null
    return meta.autoOrient ?? { width: meta.width, height: meta.height }
  } catch {
    return null
  }
}

/** Scales (width, height) to fit inside the box, never enlarging. */
export function fitInside(
  width: number,
  height: number,
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / width, maxHeight / height)
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}
