import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  cleanFileName,
  isSha256,
  originalRelPath,
  recordRelPath,
  thumbnailRelPath,
  toAbsolute,
} from '../../../electron/core/photos/photo-paths'

const sha = 'ab'.padEnd(64, '0123456789abcdef')

describe('photo paths', () => {
  it('shards originals by the first two hex characters of the hash', () => {
    expect(originalRelPath(sha, 'jpg')).toBe(`photos/ab/${sha}.jpg`)
    expect(recordRelPath(sha)).toBe(`photos/ab/${sha}.json`)
  })

  it('keeps thumbnails together, always as JPEG', () => {
    expect(thumbnailRelPath(sha)).toBe(`photos/thumbs/${sha}.jpg`)
  })

  it('joins relative paths to the data folder with the platform separator', () => {
    expect(toAbsolute('/data', `photos/ab/${sha}.png`)).toBe(path.join('/data', 'photos', 'ab', `${sha}.png`))
  })

  it('accepts only a 64-character hex hash, so an id can never walk out of the photo folder', () => {
    expect(isSha256(sha)).toBe(true)
    expect(isSha256(sha.toUpperCase())).toBe(true)
    expect(isSha256(sha.slice(1))).toBe(false)
    expect(isSha256(`../${sha.slice(3)}`)).toBe(false)
    expect(isSha256(`${sha.slice(1)}g`)).toBe(false)
    expect(isSha256(undefined)).toBe(false)
  })
})

describe('cleanFileName', () => {
  it('keeps only the last segment of a Windows or POSIX path', () => {
    expect(cleanFileName('C:\\Users\\督查员\\Pictures\\坡道.jpg')).toBe('坡道.jpg')
    expect(cleanFileName('/home/user/IMG_0001.HEIC')).toBe('IMG_0001.HEIC')
  })

  it('removes control characters and surrounding spaces', () => {
    expect(cleanFileName('  盲道\u0000\n照片.png ')).toBe('盲道照片.png')
  })

  it('names a nameless file', () => {
    expect(cleanFileName('')).toBe('未命名')
    expect(cleanFileName('C:\\folder\\')).toBe('未命名')
  })

  it('shortens a very long name', () => {
    const name = cleanFileName(`${'长'.repeat(300)}.jpg`)
    expect(name).toHaveLength(201)
    expect(name.endsWith('…')).toBe(true)
  })
})
