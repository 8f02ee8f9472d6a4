import sharp, { type Metadata } from 'sharp'
import { ApiError } from '../../../shared/api/errors'
import { heicUnsupportedMessage, pixelLimitMessage, undecodableMessage } from './photo-messages'
import type { PhotoType } from './sniff-image-type'

export interface DecodeLimits {
  maxPixels: number
  thumbnailMaxSide: number
  thumbnailQuality: number
}

export interface DecodedPhoto {
  /** As displayed, i.e. after the EXIF orientation is applied (a portrait phone photo is taller than wide). */
  width: number
  height: number
  /** EXIF orientation 1–8 as recorded by the camera; absent when the file has none. */
  orientation?: number
  /** Raw EXIF block as sharp found it, whatever the container format. */
  exif?: Buffer
  thumbnail: Buffer
}

function refusal(name: string, type: PhotoType): ApiError {
  return new ApiError(
    'VALIDATION',
    type.format === 'heic' ? heicUnsupportedMessage(name) : undecodableMessage(name),
  )
}

/**
 * Refuses anything that is not a whole, decodable image, then makes the thumbnail — all in memory, so a refused
 * photo never touches the data folder. Nothing here changes `bytes`.
 *
 * failOn 'error' rejects truncated and corrupt data (libjpeg's "premature end" included) but tolerates the benign
 * warnings some phone cameras trigger, such as extraneous bytes between JPEG markers.
 */
export async function decodePhoto(
  bytes: Buffer,
  type: PhotoType,
  name: string,
  limits: DecodeLimits,
): Promise<DecodedPhoto> {
  const input = { failOn: 'error', limitInputPixels: limits.maxPixels } as const
  let metadata: Metadata
  try {
    // Header only, so no pixel limit here: it would hide the dimensions the refusal message reports.
    metadata = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata()
  } catch {
    throw refusal(name, type)
  }
  const { width, height } = metadata
  if (!(width > 0 && height > 0)) throw refusal(name, type)
  // Checked from the header first, so a decompression bomb is refused before a single pixel is decoded.
  if (width * height > limits.maxPixels) {
    throw new ApiError('VALIDATION', pixelLimitMessage(name, width, height, limits.maxPixels))
  }
  let thumbnail: Buffer
  try {
    // A full decode that streams through every pixel without holding the image in memory.
    await sharp(bytes, input).stats()
    thumbnail = await renderJpeg(bytes, limits.maxPixels, limits.thumbnailMaxSide, limits.thumbnailQuality)
  } catch {
    throw refusal(name, type)
  }
  const orientation = metadata.orientation
  return {
    width: metadata.autoOrient?.width ?? width,
    height: metadata.autoOrient?.height ?? height,
    ...(orientation && orientation >= 1 && orientation <= 8 ? { orientation } : {}),
    ...(metadata.exif ? { exif: metadata.exif } : {}),
    thumbnail,
  }
}

/**
 * A display or print copy of a photo: orientation applied, no larger than `maxSide` on its longest side, flattened
 * onto white, as JPEG without metadata. Throws when the bytes do not decode.
 */
export async function renderJpeg(
  bytes: Buffer,
  maxPixels: number,
  maxSide: number,
  quality: number,
): Promise<Buffer> {
  return await sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels })
    .autoOrient()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    // Transparent PNG screenshots would otherwise turn black in a JPEG.
    .flatten({ background: '#ffffff' })
    // No keepMetadata/withMetadata: the copy carries no EXIF, so no GPS leaks through it.
    .jpeg({ quality })
    .toBuffer()
}
