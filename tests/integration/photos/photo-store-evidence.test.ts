import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/api/errors'
import { createPhotoStore, type PhotoStore } from '../../../electron/core/photos/photo-store'
import { makeTempDir } from '../../support/temp-dir'
import { listFiles, phoneExif, screenshotPng, smallJpeg } from './test-photos'

let dir: string
let cleanup: () => void
let store: PhotoStore
beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir('access-audit-photos-'))
  store = createPhotoStore(dir)
})
afterEach(() => cleanup())

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof ApiError ? error.code : 'not an ApiError'
  }
  return undefined
}

describe('photo store: one copy per photo', () => {
  it('stores the same content once and returns the first record, even under another name', async () => {
    const bytes = await smallJpeg('#c33', phoneExif)
    const first = await store.ingest({ bytes, fileName: '坡道.jpg' })
    const files = listFiles(dir)
    expect(files).toEqual(
      [first.originalPath, first.originalPath.replace(/jpg$/, 'json'), first.thumbnailPath].sort(),
    )
    const original = path.join(dir, first.originalPath)
    const mtime = fs.statSync(original).mtimeMs

    const again = await store.ingest({ bytes: Uint8Array.from(bytes), fileName: '坡道 (1).jpg' })
    expect(again).toEqual(first)
    expect(listFiles(dir)).toEqual(files)
    expect(fs.statSync(original).mtimeMs).toBe(mtime) // not even rewritten
  })

  it('shares one ingest between simultaneous drops of the same file', async () => {
    const bytes = await screenshotPng()
    const [a, b] = await Promise.all([
      store.ingest({ bytes, fileName: 'a.png' }),
      store.ingest({ bytes, fileName: 'b.png' }),
    ])
    expect(b).toEqual(a)
    expect(listFiles(dir)).toHaveLength(3)
  })

  it('stores different photos side by side', async () => {
    const red = await store.ingest({ bytes: await smallJpeg('#c33'), fileName: 'red.jpg' })
    const blue = await store.ingest({ bytes: await smallJpeg('#33c'), fileName: 'blue.jpg' })
    expect(red.sha256).not.toBe(blue.sha256)
    expect(listFiles(dir)).toHaveLength(6)
  })
})

describe('photo store: evidence integrity and missing files', () => {
  it('verify() proves an original unaltered, and detects tampering and removal', async () => {
    const photo = await store.ingest({ bytes: await smallJpeg(), fileName: 'evidence.jpg' })
    expect(await store.verify(photo.sha256)).toEqual({
      sha256: photo.sha256,
      status: 'intact',
      actualSha256: photo.sha256,
    })

    const file = path.join(dir, photo.originalPath)
    const tampered = fs.readFileSync(file)
    tampered[tampered.length - 10] ^= 0xff
    fs.writeFileSync(file, tampered)
    const altered = await store.verify(photo.sha256)
    expect(altered.status).toBe('altered')
    expect(altered.actualSha256).not.toBe(photo.sha256)

    fs.rmSync(file)
    expect(await store.verify(photo.sha256)).toMatchObject({ status: 'missing', actualSha256: null })
  })

  it('re-adding the photo restores a tampered original and a lost thumbnail', async () => {
    const bytes = await smallJpeg()
    const photo = await store.ingest({ bytes, fileName: 'evidence.jpg' })
    fs.writeFileSync(path.join(dir, photo.originalPath), 'overwritten')
    fs.rmSync(path.join(dir, photo.thumbnailPath))
    expect(await store.ingest({ bytes, fileName: 'again.jpg' })).toEqual(photo)
    expect((await store.verify(photo.sha256)).status).toBe('intact')
    expect(store.thumbnailPath(photo.sha256)).not.toBeNull()
  })

  it('reports missing files without throwing, so the UI can show 照片缺失', async () => {
    const photo = await store.ingest({ bytes: await smallJpeg(), fileName: 'a.jpg' })
    expect(store.exists(photo.sha256)).toBe(true)
    expect(store.originalPath(photo.sha256)).toBe(path.join(dir, photo.originalPath))
    expect(store.thumbnailPath(photo.sha256)).toBe(path.join(dir, photo.thumbnailPath))

    fs.rmSync(path.join(dir, 'photos'), { recursive: true })
    expect(store.exists(photo.sha256)).toBe(false)
    expect(store.originalPath(photo.sha256)).toBeNull()
    expect(store.thumbnailPath(photo.sha256)).toBeNull()
    expect(await store.read(photo.sha256)).toBeNull()
    await expect(store.readOriginal(photo.sha256)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('照片缺失'),
    })
  })

  it('answers for a photo folder that was never created', () => {
    const unknown = 'f'.repeat(64)
    expect(store.exists(unknown)).toBe(false)
    expect(store.thumbnailPath(unknown)).toBeNull()
  })

  it('reads the record back, and rebuilds it from the original when the record file is lost', async () => {
    const photo = await store.ingest({ bytes: await smallJpeg('#c33', phoneExif), fileName: '扶手.jpg' })
    expect(await store.read(photo.sha256)).toEqual(photo)
    expect(await store.read(photo.sha256.toUpperCase())).toEqual(photo)
    expect(await store.readOriginal(photo.sha256)).toEqual(
      fs.readFileSync(path.join(dir, photo.originalPath)),
    )

    fs.rmSync(path.join(dir, photo.originalPath.replace(/jpg$/, 'json')))
    expect(await store.read(photo.sha256)).toEqual({ ...photo, originalName: `${photo.sha256}.jpg` })
  })

  it('ignores a record edited to point at another file', async () => {
    const photo = await store.ingest({ bytes: await smallJpeg(), fileName: 'a.jpg' })
    const recordFile = path.join(dir, photo.originalPath.replace(/jpg$/, 'json'))
    fs.writeFileSync(recordFile, JSON.stringify({ ...photo, originalPath: '../../secret.jpg' }))
    expect((await store.read(photo.sha256))?.originalPath).toBe(photo.originalPath)
  })

  it('refuses malformed ids, so no id can reach outside the photo folder', async () => {
    const traversal = `../../${'a'.repeat(58)}`
    expect(store.exists(traversal)).toBe(false)
    expect(codeOf(() => store.thumbnailPath(traversal))).toBe('VALIDATION')
    expect(codeOf(() => store.originalPath('abc'))).toBe('VALIDATION')
    await expect(store.read(traversal)).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(store.verify('')).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('photo store: disk trouble', () => {
  it('reports IO_ERROR and removes what it wrote when a write fails midway', async () => {
    const bytes = await smallJpeg()
    const sha256 = createHash('sha256').update(bytes).digest('hex')

    // A folder where the record file should go makes the last of the three writes fail.
    const blocker = path.join(dir, 'photos', sha256.slice(0, 2), `${sha256}.json`, 'keep')
    fs.mkdirSync(blocker, { recursive: true })
    const error = await store.ingest({ bytes, fileName: 'a.jpg' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('IO_ERROR')
    expect((error as ApiError).message).toContain('a.jpg')
    expect(listFiles(dir)).toEqual([])
    expect(fs.readdirSync(path.join(dir, 'photos', 'thumbs'))).toEqual([])
  })
})
