import fs from 'node:fs'
import path from 'node:path'
import exifr from 'exifr'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/api/errors'
import { createPhotoStore, type PhotoStore } from '../../../electron/core/photos/photo-store'
import { makeTempDir } from '../../support/temp-dir'
import {
  decompressionBombPng,
  encoded,
  heicFixture,
  listFiles,
  phoneExif,
  phoneJpeg,
  screenshotPng,
  smallJpeg,
} from './test-photos'

let dir: string
let cleanup: () => void
let store: PhotoStore
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir('access-audit-photos-'))
  store = createPhotoStore(dir)
})
afterEach(() => cleanup())

async function refusal(promise: Promise<unknown>, code = 'VALIDATION'): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}`)
    },
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).code).toBe(code)
  return error as ApiError
}

describe('photo store: accepting photos', () => {
  it('stores a phone JPEG with orientation 6: original untouched, upright thumbnail, time and GPS', async () => {
    const bytes = await phoneJpeg()
    const before = Buffer.from(bytes)
    const photo = await store.ingest({ bytes, fileName: 'C:\\DCIM\\IMG_20240506_143015.jpg' })

    expect(photo).toMatchObject({
      ext: 'jpg',
      mimeType: 'image/jpeg',
      byteSize: bytes.length,
      width: 3024, // as displayed: the camera stored it sideways
      height: 4032,
      orientation: 6,
      originalName: 'IMG_20240506_143015.jpg',
      takenAt: '2024-05-06T14:30:15+08:00',
      gps: { latitude: -33.8598333, longitude: -151.2083333, altitude: 12.34 },
    })
    expect(photo.originalPath).toBe(`photos/${photo.sha256.slice(0, 2)}/${photo.sha256}.jpg`)
    expect(photo.thumbnailPath).toBe(`photos/thumbs/${photo.sha256}.jpg`)

    // The original is byte-identical, and the caller's buffer was not touched either.
    expect(fs.readFileSync(path.join(dir, photo.originalPath)).equals(before)).toBe(true)
    expect(bytes.equals(before)).toBe(true)

    const thumbnail = fs.readFileSync(path.join(dir, photo.thumbnailPath))
    const meta = await sharp(thumbnail).metadata()
    expect(meta.format).toBe('jpeg')
    expect([meta.width, meta.height]).toEqual([240, 320]) // swapped: orientation applied
    expect(meta.orientation).toBeUndefined()
    expect(meta.exif).toBeUndefined() // no GPS leaks through the thumbnail
    expect(await exifr.gps(thumbnail).catch(() => undefined)).toBeUndefined()
  })

  it('stores a transparent PNG screenshot with a white-backed JPEG thumbnail and no EXIF facts', async () => {
    const photo = await store.ingest({ bytes: await screenshotPng(), fileName: '屏幕截图 2024-05-06.png' })
    expect(photo).toMatchObject({ ext: 'png', mimeType: 'image/png', width: 1920, height: 1080 })
    expect(photo.takenAt).toBeNull()
    expect(photo.gps).toBeNull()
    expect(photo).not.toHaveProperty('orientation')
    const thumb = await sharp(path.join(dir, photo.thumbnailPath)).metadata()
    expect([thumb.width, thumb.height, thumb.hasAlpha]).toEqual([320, 180, false])
  })

  it('reads EXIF from WebP too (exifr alone cannot), and accepts GIF and AVIF', async () => {
    const webp = await store.ingest({ bytes: await encoded('webp', phoneExif), fileName: 'a.webp' })
    expect(webp).toMatchObject({ ext: 'webp', takenAt: '2024-05-06T14:30:15+08:00' })
    expect(webp.gps?.latitude).toBeCloseTo(-33.8598333, 6)
    expect(await store.ingest({ bytes: await encoded('gif'), fileName: 'b.gif' })).toMatchObject({
      ext: 'gif',
    })
    expect(await store.ingest({ bytes: await encoded('avif'), fileName: 'c.avif' })).toMatchObject({
      ext: 'avif',
      mimeType: 'image/avif',
    })
  })

  it('names the stored file by its content, whatever the extension says', async () => {
    const photo = await store.ingest({ bytes: await screenshotPng(), fileName: 'photo.JPG' })
    expect(photo.ext).toBe('png')
    expect(photo.originalName).toBe('photo.JPG')
  })

  it('does not make up small thumbnails larger than the photo', async () => {
    const photo = await store.ingest({ bytes: await smallJpeg(), fileName: 'small.jpg' })
    const thumb = await sharp(path.join(dir, photo.thumbnailPath)).metadata()
    expect([thumb.width, thumb.height]).toEqual([64, 48])
  })
})

describe('photo store: refusing files, leaving the folder untouched', () => {
  it('refuses a text file renamed .jpg', async () => {
    const bytes = Buffer.from('整改通知：请于 30 日内完成坡道扶手安装。', 'utf8')
    const error = await refusal(store.ingest({ bytes, fileName: '整改通知.jpg' }))
    expect(error.message).toContain('不是图片文件')
    expect(error.message).toContain('整改通知.jpg')
    expect(listFiles(dir)).toEqual([])
  })

  it('refuses a truncated JPEG, leaving no file and no temp file', async () => {
    const whole = await phoneJpeg(1200, 900)
    const error = await refusal(
      store.ingest({ bytes: whole.subarray(0, whole.length / 2), fileName: 'cut.jpg' }),
    )
    expect(error.message).toContain('图片无法解码，可能已损坏')
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('refuses a file over the size limit before looking at it, stating both sizes', async () => {
    const bytes = new Uint8Array(26 * 1024 * 1024)
    bytes.set([0xff, 0xd8, 0xff])
    const error = await refusal(store.ingest({ bytes, fileName: 'huge.jpg' }))
    expect(error.message).toContain('（26 MB）')
    expect(error.message).toContain('25 MB')
    expect(listFiles(dir)).toEqual([])
  })

  it('applies a configured size limit', async () => {
    const small = createPhotoStore(dir, { maxBytes: 1024 })
    const error = await refusal(small.ingest({ bytes: await screenshotPng(), fileName: 'shot.png' }))
    expect(error.message).toMatch(/不能超过 1 KB/)
  })

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    const bomb = decompressionBombPng()
    expect(bomb.length).toBeLessThan(10_000)
    const started = Date.now()
    const error = await refusal(store.ingest({ bytes: bomb, fileName: 'bomb.png' }))
    expect(error.message).toContain('100000×100000')
    expect(error.message).toContain('20000 万像素')
    expect(Date.now() - started).toBeLessThan(2000)
    expect(listFiles(dir)).toEqual([])
  })

  it('applies a configured pixel limit', async () => {
    const tight = createPhotoStore(dir, { maxPixels: 1000 })
    const error = await refusal(tight.ingest({ bytes: await smallJpeg(), fileName: 'small.jpg' }))
    expect(error.message).toContain('64×48')
  })

  it('refuses an empty file, and TIFF/RAW as unsupported', async () => {
    expect((await refusal(store.ingest({ bytes: new Uint8Array(), fileName: 'x.jpg' }))).message).toContain(
      '空',
    )
    const tiff = await refusal(store.ingest({ bytes: await encoded('tiff'), fileName: 'scan.tif' }))
    expect(tiff.message).toContain('TIFF')
    expect(listFiles(dir)).toEqual([])
  })

  it('handles HEIC according to what this build of sharp can decode', async () => {
    const decodable = await sharp(heicFixture)
      .stats()
      .then(() => true)
      .catch(() => false)
    if (decodable) {
      const photo = await store.ingest({ bytes: heicFixture, fileName: 'IMG_0001.HEIC' })
      expect(photo).toMatchObject({ ext: 'heic', mimeType: 'image/heic', width: 64, height: 48 })
    } else {
      const error = await refusal(store.ingest({ bytes: heicFixture, fileName: 'IMG_0001.HEIC' }))
      expect(error.message).toContain('HEIC')
      expect(error.message).toContain('JPEG')
      expect(listFiles(dir)).toEqual([])
    }
  })

  it('refuses a corrupt photo without affecting photos already stored', async () => {
    const kept = await store.ingest({ bytes: await smallJpeg(), fileName: 'kept.jpg' })
    const state = listFiles(dir)
    const broken = await phoneJpeg(800, 600)
    await refusal(store.ingest({ bytes: broken.subarray(0, broken.length - 2000), fileName: 'broken.jpg' }))
    expect(listFiles(dir)).toEqual(state)
    expect((await store.verify(kept.sha256)).status).toBe('intact')
  })
})
