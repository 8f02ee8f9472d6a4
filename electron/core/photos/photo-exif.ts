import exifr from 'exifr'

/** Position from the camera's GPS, in decimal degrees (WGS-84, as phones record it; no GCJ-02 shift applied). */
export interface PhotoGps {
  latitude: number
  longitude: number
  /** Metres above sea level; negative below it. */
  altitude?: number
}

export interface ExifFacts {
  takenAt: string | null
  gps: PhotoGps | null
}

const noFacts: ExifFacts = { takenAt: null, gps: null }

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

/** EXIF strings may carry a trailing NUL or spaces; numbers may come as a one-element byte array. */
function text(value: unknown): string | null {
  return typeof value === 'string' ? value.replace(/\0/g, '').trim() : null
}

function byteValue(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (value instanceof Uint8Array || Array.isArray(value)) return Number(value[0])
  return null
}

/**
 * Degrees, minutes, seconds (or an already decimal number) plus the N/S/E/W reference → signed decimal degrees.
 * Returns null for anything malformed, rather than guessing a position for a place.
 */
export function dmsToDecimal(value: unknown, ref: unknown): number | null {
  const parts =
    Array.isArray(value) || ArrayBuffer.isView(value) ? Array.from(value as ArrayLike<number>) : null
  let degrees: number
  if (typeof value === 'number') degrees = Math.abs(value)
  else if (parts && parts.length >= 1 && parts.length <= 3) {
    const [d, m = 0, s = 0] = parts.map(Number)
    if (![d, m, s].every((part) => Number.isFinite(part) && part >= 0)) return null
    degrees = d + m / 60 + s / 3600
  } else return null
  if (!Number.isFinite(degrees)) return null
  const direction = text(ref)?.toUpperCase()
  const negative =
    direction === 'S' || direction === 'W' || (!direction && typeof value === 'number' && value < 0)
  return negative ? -degrees : degrees
}

/** GPS tags (exifr names) → position; null when absent, out of range, or the 0,0 a phone writes without a fix. */
export function gpsFromExif(tags: Record<string, unknown>): PhotoGps | null {
  const latitude = dmsToDecimal(tags.GPSLatitude, tags.GPSLatitudeRef)
  const longitude = dmsToDecimal(tags.GPSLongitude, tags.GPSLongitudeRef)
  if (latitude === null || longitude === null) return null
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  if (latitude === 0 && longitude === 0) return null
  const gps: PhotoGps = { latitude: round(latitude, 7), longitude: round(longitude, 7) }
  const altitude = typeof tags.GPSAltitude === 'number' ? tags.GPSAltitude : NaN
  if (Number.isFinite(altitude))
    gps.altitude = round(byteValue(tags.GPSAltitudeRef) === 1 ? -altitude : altitude, 2)
  return gps
}

const exifDateTime = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/
const exifOffset = /^([+-])(\d{2}):(\d{2})$/

/**
 * "2024:05:06 14:30:15" → "2024-05-06T14:30:15", plus "+08:00" when the camera recorded its offset. Without an
 * offset the time stays the camera's wall-clock time (ISO 8601 local time): converting it with this computer's
 * time zone would invent a precision the photo does not have.
 */
export function exifDateToIso(value: unknown, offset?: unknown): string | null {
  const match = text(value)?.match(exifDateTime)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number)
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  const valid =
    year >= 1900 &&
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day &&
    probe.getUTCHours() === hour &&
    probe.getUTCMinutes() === minute &&
    probe.getUTCSeconds() === second
  if (!valid) return null
  const local = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`
  const zone = text(offset)?.match(exifOffset)
  return zone && Number(zone[2]) <= 14 && Number(zone[3]) < 60 ? `${local}${zone[0]}` : local
}

/** When the shutter fired: DateTimeOriginal, else DateTimeDigitized (exifr: CreateDate); never the edit time. */
export function takenAtFromExif(tags: Record<string, unknown>): string | null {
  return (
    exifDateToIso(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ??
    exifDateToIso(tags.CreateDate, tags.OffsetTimeDigitized)
  )
}

const exifHeader = 'Exif\0\0'

/**
 * Reads the EXIF block that sharp extracted from any format it decodes (exifr alone cannot read WebP). A damaged or
 * odd block is not an error: the photo is still evidence, just without a time or position to offer.
 */
export async function readExifFacts(exifBlock: Uint8Array | undefined): Promise<ExifFacts> {
  if (!exifBlock || exifBlock.length < 8) return noFacts
  const block = Buffer.from(exifBlock.buffer, exifBlock.byteOffset, exifBlock.byteLength)
  const tiff = block.subarray(0, 6).toString('latin1') === exifHeader ? block.subarray(6) : block
  try {
    const tags: unknown = await exifr.parse(tiff, {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      interop: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      makerNote: false,
      userComment: false,
      translateKeys: true,
      translateValues: false,
      reviveValues: false,
      mergeOutput: true,
    })
    if (typeof tags !== 'object' || tags === null) return noFacts
    const record = tags as Record<string, unknown>
    return { takenAt: takenAtFromExif(record), gps: gpsFromExif(record) }
  } catch {
    return noFacts
  }
}
