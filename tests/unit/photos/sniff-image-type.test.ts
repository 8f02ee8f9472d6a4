import { describe, expect, it } from 'vitest'
import { sniffImageType } from '../../../electron/core/photos/sniff-image-type'

function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = []
  for (const part of parts) {
    if (typeof part === 'string') out.push(...Array.from(part, (char) => char.charCodeAt(0)))
    else out.push(...part)
  }
  return Uint8Array.from(out)
}

/** An ISO base media `ftyp` box with a major brand and compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + compatible.length * 4
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''), [0, 0, 0, 8], 'meta')
}

describe('sniffImageType', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe1, 0, 0]), 'jpeg', 'jpg', 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png', 'png', 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'webp', 'webp', 'image/webp'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'gif', 'gif', 'image/gif'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'gif', 'gif', 'image/gif'],
    ['AVIF', ftyp('avif', 'mif1', 'miaf'), 'avif', 'avif', 'image/avif'],
    ['AVIF under the generic mif1 brand', ftyp('mif1', 'avif', 'miaf'), 'avif', 'avif', 'image/avif'],
    ['iPhone HEIC', ftyp('heic', 'mif1', 'heic'), 'heic', 'heic', 'image/heic'],
    ['HEIF under mif1 only', ftyp('mif1', 'heic'), 'heic', 'heic', 'image/heic'],
  ])('recognises %s from its content', (_label, input, format, ext, mimeType) => {
    expect(sniffImageType(input)).toEqual({ kind: 'photo', format, ext, mimeType })
  })

  it.each([
    ['TIFF little-endian', bytes('II', [0x2a, 0, 8, 0, 0, 0]), 'TIFF/RAW'],
    ['TIFF big-endian (also most RAW files)', bytes('MM', [0, 0x2a, 0, 0, 0, 8]), 'TIFF/RAW'],
    ['BMP', bytes('BM', [0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0, 1, 0]), 'BMP'],
  ])('names %s as an unsupported image', (_label, input, formatName) => {
    expect(sniffImageType(input)).toEqual({ kind: 'unsupported', formatName })
  })

  it.each([
    ['a text file', bytes('检查记录：坡道坡度 1:12，扶手高度 0.85 m')],
    ['text that starts with BM', bytes('BMW 停车场无障碍车位检查，共 4 个车位，标识清晰')],
    ['an MP4 video (ftyp, but no image brand)', ftyp('isom', 'isom', 'mp41')],
    ['a PDF', bytes('%PDF-1.7\n')],
    ['an empty file', new Uint8Array(0)],
    ['two bytes of a JPEG', bytes([0xff, 0xd8])],
    ['a RIFF file that is not WebP (WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
  ])('does not take %s for an image', (_label, input) => {
    expect(sniffImageType(input)).toEqual({ kind: 'unknown' })
  })

  it('reads a view into a larger buffer at its own offset', () => {
    const backing = new Uint8Array(16)
    backing.set([0xff, 0xd8, 0xff], 5)
    expect(sniffImageType(backing.subarray(5)).kind).toBe('photo')
    expect(sniffImageType(backing.subarray(4)).kind).toBe('unknown')
  })

  it('reads ftyp brands of a view at an offset without reading outside it', () => {
    const box = ftyp('mif1', 'heic')
    const backing = new Uint8Array(box.length + 7)
    backing.set(box, 7)
    expect(sniffImageType(backing.subarray(7))).toMatchObject({ kind: 'photo', format: 'heic' })
  })
})
