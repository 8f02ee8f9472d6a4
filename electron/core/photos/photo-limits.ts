/** The photo store's limits; photo-store.ts documents them for the README. */

const mebibyte = 1024 * 1024

/** 25 MB (MiB): a 108-megapixel phone JPEG is about 15–30 MB; anything larger is usually a RAW or video mistaken for a photo. */
export const maxPhotoBytes = 25 * mebibyte

/**
 * 200 million pixels: the largest phone sensors (200 MP, 16320 × 12240) still fit, while a decompression bomb —
 * a small file that claims huge dimensions — is refused from its header before any pixel is decoded.
 */
export const maxPhotoPixels = 200_000_000

/** Longest side of the thumbnail, in pixels: sharp enough for a list cell and a preview on a high-DPI screen. */
export const thumbnailMaxSide = 320

export const thumbnailQuality = 80

/**
 * Longest side of the print rendition used in notices: the notice prints a photo in a 58 × 44 mm box, and 720 px
 * across 58 mm is about 315 dpi, print quality, while a 20-item notice stays a few megabytes.
 */
export const printMaxSide = 720

export const printQuality = 82

/** Pixels in 万 (ten thousands), the unit a Chinese reader expects for megapixel counts. */
export function formatWanPixels(pixels: number): string {
  return String(Math.round(pixels / 10_000))
}
