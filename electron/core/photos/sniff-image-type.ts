/**
 * The real type of a file, from its first bytes. The file name's extension is never trusted: a renamed .txt or a
 * .jpg that is really a HEIC must be told apart before anything is decoded or stored.
 */

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'heic'

export interface PhotoType {
  format: PhotoFormat
  /** Extension the original is stored under, chosen from the content. */
  ext: string
  mimeType: string
}

export type SniffResult =
  | ({ kind: 'photo' } & PhotoType)
  /** An image, but one the store does not take (TIFF, which includes most camera RAW files; BMP). */
  | { kind: 'unsupported'; formatName: string }
  | { kind: 'unknown' }

export const photoTypes: Record<PhotoFormat, PhotoType> = {
  jpeg: { format: 'jpeg', ext: 'jpg', mimeType: 'image/jpeg' },
  png: { format: 'png', ext: 'png', mimeType: 'image/png' },
  webp: { format: 'webp', ext: 'webp', mimeType: 'image/webp' },
  gif: { format: 'gif', ext: 'gif', mimeType: 'image/gif' },
  avif: { format: 'avif', ext: 'avif', mimeType: 'image/avif' },
  heic: { format: 'heic', ext: 'heic', mimeType: 'image/heic' },
}

export const photoExtensions: readonly string[] = Object.values(photoTypes).map((type) => type.ext)

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (bytes.length < start + length) return ''
  return String.fromCharCode(...bytes.subarray(start, start + length))
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte)
}

const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'])
const avifBrands = new Set(['avif', 'avis'])

/** ISO base media (HEIF family): the `ftyp` box lists brands; AVIF and HEIC share the generic `mif1`. */
function sniffFtyp(bytes: Uint8Array): PhotoFormat | null {
  if (ascii(bytes, 4, 4) !== 'ftyp') return null
  const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0)
  const boxEnd = Math.min(declared >= 16 ? declared : 16, bytes.length, 4096)
  const brands = [ascii(bytes, 8, 4)]
  for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, 4))
  if (brands.some((brand) => avifBrands.has(brand))) return 'avif'
  if (brands.some((brand) => heifBrands.has(brand))) return 'heic'
  return null // MP4/MOV video and other ISO files
}

/** A BMP's 'BM' is too short to trust alone; the DIB header size must also be one of the known ones. */
function isBmp(bytes: Uint8Array): boolean {
  if (ascii(bytes, 0, 2) !== 'BM' || bytes.length < 18) return false
  const dibSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(14, true)
  return [12, 40, 52, 56, 64, 108, 124].includes(dibSize)
}

export function sniffImageType(bytes: Uint8Array): SniffResult {
  const photo = (format: PhotoFormat): SniffResult => ({ kind: 'photo', ...photoTypes[format] })
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return photo('jpeg')
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return photo('png')
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return photo('webp')
  const gif = ascii(bytes, 0, 6)
  if (gif === 'GIF87a' || gif === 'GIF89a') return photo('gif')
  const isoFormat = sniffFtyp(bytes)
  if (isoFormat) return photo(isoFormat)
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'unsupported', formatName: 'TIFF/RAW' }
  }
  if (isBmp(bytes)) return { kind: 'unsupported', formatName: 'BMP' }
  return { kind: 'unknown' }
}
