import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import sharp, { type Exif } from 'sharp'

/**
 * Real images made with sharp for the photo store's tests. Content is a colour field with a tiled noise patch, so a
 * full-size phone photo compresses to several MB (like a real one) in a fraction of a second.
 */

/** EXIF as a phone writes it: Beijing-time shutter time and a southern/western position, to test the signs. */
export const phoneExif = {
  IFD0: { Make: 'TestPhone', Model: 'Inspector 1' },
  IFD2: { DateTimeOriginal: '2024:05:06 14:30:15', OffsetTimeOriginal: '+08:00' },
  IFD3: {
    GPSLatitudeRef: 'S',
    GPSLatitude: '33/1 51/1 3540/100',
    GPSLongitudeRef: 'W',
    GPSLongitude: '151/1 12/1 3000/100',
    GPSAltitudeRef: '0',
    GPSAltitude: '1234/100',
  },
}

async function noisePatch(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 120, sigma: 30 },
    },
  })
    .png()
    .toBuffer()
}

/** A 4032 × 3024 JPEG stored sideways with EXIF orientation 6, as a phone held upright saves it. */
export async function phoneJpeg(width = 4032, height = 3024): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#6a8' } })
    .composite([{ input: await noisePatch(400, 300), tile: true }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge(phoneExif)
    .toBuffer()
}

export async function smallJpeg(background = '#c33', exif?: Exif) {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background } }).jpeg()
  return (exif ? image.withExif(exif) : image).toBuffer()
}

/** A screenshot: wide, with transparency, no EXIF at all. */
export async function screenshotPng(): Promise<Buffer> {
  return sharp({
    create: { width: 1920, height: 1080, channels: 4, background: { r: 0, g: 80, b: 160, alpha: 0.5 } },
  })
    .png()
    .toBuffer()
}

export async function encoded(format: 'webp' | 'gif' | 'tiff' | 'avif', exif?: typeof phoneExif) {
  const image = sharp({ create: { width: 40, height: 30, channels: 3, background: '#357' } }).toFormat(format)
  return (exif ? image.withExif(exif) : image).toBuffer()
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A 5 KB PNG that claims 100 000 × 100 000 pixels (10 billion): a classic decompression bomb. */
export function decompressionBombPng(): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(100_000, 0)
  header.writeUInt32BE(100_000, 4)
  header[8] = 8 // bit depth; colour type 0 (grey), no interlace
  const pixels = zlib.deflateSync(Buffer.alloc(100_001 * 50))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

export const heicFixture = fs.readFileSync(
  path.join(import.meta.dirname, '..', '..', 'fixtures', 'photos', 'sample.heic'),
)

/** Every file under `dir`, relative and '/'-separated, sorted: the whole state of a data folder. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}
