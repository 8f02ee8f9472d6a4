import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPhotoStore, type PhotoStore } from '../../../electron/core/photos/photo-store'
import { createEvidenceLoader } from '../../../electron/core/rectification/notice-evidence-loader'
import { makeTempDir } from '../../support/temp-dir'
import { phoneJpeg, smallJpeg } from './test-photos'

let dir: string
let cleanup: () => void
let store: PhotoStore
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir('access-audit-print-'))
  store = createPhotoStore(dir)
})
afterEach(() => cleanup())

describe('photo store: print rendition for notices', () => {
  it('makes an upright 720 px JPEG without EXIF from the original once, and keeps it', async () => {
    const photo = await store.ingest({ bytes: await phoneJpeg(), fileName: '坡道.jpg' })
    const file = await store.printRenditionPath(photo.sha256)
    expect(file).toBe(path.join(dir, 'photos', 'print', `${photo.sha256}.jpg`))
    const meta = await sharp(file as string).metadata()
    expect(meta.format).toBe('jpeg')
    expect([meta.width, meta.height]).toEqual([540, 720]) // orientation 6 applied: portrait
    expect(meta.exif).toBeUndefined() // no GPS in a printed notice's image
    const mtime = fs.statSync(file as string).mtimeMs

    expect(await store.printRenditionPath(photo.sha256)).toBe(file)
    expect(fs.statSync(file as string).mtimeMs).toBe(mtime) // not made again
  })

  it('never enlarges a small photo, and shares one rendering between simultaneous requests', async () => {
    const photo = await store.ingest({ bytes: await smallJpeg(), fileName: 'small.jpg' })
    const [a, b] = await Promise.all([
      store.printRenditionPath(photo.sha256),
      store.printRenditionPath(photo.sha256),
    ])
    expect(a).toBe(b)
    const meta = await sharp(a as string).metadata()
    expect([meta.width, meta.height]).toEqual([64, 48])
  })

  it('is null when the original is gone or was altered, so the notice falls back to the thumbnail', async () => {
    const gone = await store.ingest({ bytes: await smallJpeg('#33c'), fileName: 'gone.jpg' })
    fs.rmSync(path.join(dir, gone.originalPath))
    expect(await store.printRenditionPath(gone.sha256)).toBeNull()

    const altered = await store.ingest({ bytes: await smallJpeg('#3c3'), fileName: 'altered.jpg' })
    fs.writeFileSync(path.join(dir, altered.originalPath), await smallJpeg('#000'))
    expect(await store.printRenditionPath(altered.sha256)).toBeNull()
    expect(fs.existsSync(path.join(dir, 'photos', 'print', `${altered.sha256}.jpg`))).toBe(false)

    const loader = createEvidenceLoader({
      dataDir: dir,
      photos: store,
      readFile: (file) => fs.promises.readFile(file),
    })
    const loaded = await loader({ kind: 'photo', ref: altered.sha256 })
    expect(loaded?.bytes).toEqual(new Uint8Array(fs.readFileSync(path.join(dir, altered.thumbnailPath))))
    expect(await loader({ kind: 'photo', ref: gone.sha256 })).toBeNull() // prints as 照片缺失
  })

  it('gives the notice the print rendition, not the thumbnail', async () => {
    const photo = await store.ingest({ bytes: await phoneJpeg(), fileName: '坡道.jpg' })
    const loader = createEvidenceLoader({
      dataDir: dir,
      photos: store,
      readFile: (file) => fs.promises.readFile(file),
    })
    const loaded = await loader({ kind: 'photo', ref: photo.sha256 })
    expect(loaded?.mimeType).toBe('image/jpeg')
    const meta = await sharp(Buffer.from(loaded?.bytes ?? [])).metadata()
    expect(Math.max(meta.width, meta.height)).toBe(720)
  })
})
