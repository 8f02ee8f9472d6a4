import { describe, expect, it } from 'vitest'
import {
  dmsToDecimal,
  exifDateToIso,
  gpsFromExif,
  readExifFacts,
  takenAtFromExif,
} from '../../../electron/core/photos/photo-exif'

describe('dmsToDecimal', () => {
  it('converts degrees, minutes, seconds to decimal degrees', () => {
    expect(dmsToDecimal([31, 13, 45.12], 'N')).toBeCloseTo(31.2292, 10)
    expect(dmsToDecimal([121, 28, 30], 'E')).toBeCloseTo(121.475, 10)
  })

  it('makes southern latitudes and western longitudes negative', () => {
    expect(dmsToDecimal([33, 51, 35.4], 'S')).toBeCloseTo(-33.859833, 6)
    expect(dmsToDecimal([151, 12, 30], 'W')).toBeCloseTo(-151.208333, 6)
  })

  it('accepts references with a trailing NUL or in lower case', () => {
    expect(dmsToDecimal([10, 30, 0], 's\0')).toBe(-10.5)
  })

  it('accepts a value that is already decimal, and degrees plus decimal minutes', () => {
    expect(dmsToDecimal(22.5, 'S')).toBe(-22.5)
    expect(dmsToDecimal(-22.5, undefined)).toBe(-22.5)
    expect(dmsToDecimal([22, 30.5], 'N')).toBeCloseTo(22.508333, 6)
  })

  it('accepts typed arrays', () => {
    expect(dmsToDecimal(Float64Array.of(39, 54, 27), 'N')).toBeCloseTo(39.9075, 10)
  })

  it.each([
    ['missing', undefined],
    ['a string', '31 13 45'],
    ['too many parts', [1, 2, 3, 4]],
    ['an empty array', []],
    ['a NaN part (0/0 rational)', [31, Number.NaN, 0]],
    ['a negative part', [31, -1, 0]],
  ])('returns null when the value is %s', (_label, value) => {
    expect(dmsToDecimal(value, 'N')).toBeNull()
  })
})

describe('gpsFromExif', () => {
  const beijing = {
    GPSLatitude: [39, 54, 27],
    GPSLatitudeRef: 'N',
    GPSLongitude: [116, 23, 50],
    GPSLongitudeRef: 'E',
  }

  it('gives decimal degrees rounded to 7 places (about 1 cm)', () => {
    expect(gpsFromExif(beijing)).toEqual({ latitude: 39.9075, longitude: 116.3972222 })
  })

  it('adds the altitude, negative when the reference says below sea level', () => {
    expect(gpsFromExif({ ...beijing, GPSAltitude: 43.456, GPSAltitudeRef: 0 })?.altitude).toBe(43.46)
    expect(gpsFromExif({ ...beijing, GPSAltitude: 12, GPSAltitudeRef: Uint8Array.of(1) })?.altitude).toBe(-12)
  })

  it('returns null without both coordinates', () => {
    expect(gpsFromExif({})).toBeNull()
    expect(gpsFromExif({ GPSLatitude: [39, 54, 27], GPSLatitudeRef: 'N' })).toBeNull()
  })

  it('treats 0,0 as "no fix" rather than a place in the Gulf of Guinea', () => {
    expect(gpsFromExif({ ...beijing, GPSLatitude: [0, 0, 0], GPSLongitude: [0, 0, 0] })).toBeNull()
  })

  it('refuses coordinates out of range', () => {
    expect(gpsFromExif({ ...beijing, GPSLatitude: [95, 0, 0] })).toBeNull()
    expect(gpsFromExif({ ...beijing, GPSLongitude: [181, 0, 0] })).toBeNull()
  })
})

describe('exifDateToIso', () => {
  it('keeps the camera wall-clock time when no offset was recorded', () => {
    expect(exifDateToIso('2024:05:06 14:30:15')).toBe('2024-05-06T14:30:15')
  })

  it('appends the recorded offset', () => {
    expect(exifDateToIso('2024:05:06 14:30:15', '+08:00')).toBe('2024-05-06T14:30:15+08:00')
    expect(exifDateToIso('2024:05:06 14:30:15\0', '-03:30\0')).toBe('2024-05-06T14:30:15-03:30')
  })

  it('ignores a malformed offset but keeps the time', () => {
    expect(exifDateToIso('2024:05:06 14:30:15', '+8')).toBe('2024-05-06T14:30:15')
    expect(exifDateToIso('2024:05:06 14:30:15', '+25:00')).toBe('2024-05-06T14:30:15')
  })

  it('accepts dashes, as some editors write them', () => {
    expect(exifDateToIso('2024-05-06 14:30:15')).toBe('2024-05-06T14:30:15')
  })

  it.each([
    ['the all-zero placeholder', '0000:00:00 00:00:00'],
    ['blank', '    :  :     :  :  '],
    ['an impossible date', '2024:02:30 10:00:00'],
    ['an impossible time', '2024:05:06 24:10:00'],
    ['not a string', 20240506],
    ['missing', undefined],
  ])('returns null for %s', (_label, value) => {
    expect(exifDateToIso(value)).toBeNull()
  })
})

describe('takenAtFromExif', () => {
  it('prefers DateTimeOriginal, then the digitised time, never the modification time', () => {
    expect(
      takenAtFromExif({
        DateTimeOriginal: '2024:05:06 14:30:15',
        OffsetTimeOriginal: '+08:00',
        CreateDate: '2024:05:07 09:00:00',
      }),
    ).toBe('2024-05-06T14:30:15+08:00')
    expect(takenAtFromExif({ CreateDate: '2024:05:07 09:00:00' })).toBe('2024-05-07T09:00:00')
    expect(takenAtFromExif({ ModifyDate: '2024:05:08 09:00:00' })).toBeNull()
  })
})

describe('readExifFacts', () => {
  it('treats a missing, short or garbled block as "no facts", not as an error', async () => {
    const none = { takenAt: null, gps: null }
    expect(await readExifFacts(undefined)).toEqual(none)
    expect(await readExifFacts(Uint8Array.of(1, 2, 3))).toEqual(none)
    expect(await readExifFacts(Buffer.from('Exif\0\0II*\0garbage that is not a TIFF directory'))).toEqual(
      none,
    )
  })
})
