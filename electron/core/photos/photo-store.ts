/**
 * Photo store: evidence photos in the data folder, addressed by the SHA-256 of their bytes.
 *
 * Limits (defaults; `createPhotoStore` options override them, mainly for tests):
 * - Size: at most 25 MB (25 × 1024 × 1024 bytes) per photo — `maxPhotoBytes`. Checked first, before anything else.
 * - Pixels: at most 200 million (2 亿像素; a 200 MP phone sensor, 16320 × 12240, fits) — `maxPhotoPixels`. Checked
 *   from the image header before decoding, and again by sharp's `limitInputPixels` while decoding, so a
 *   decompression bomb is refused without allocating its pixels.
 * - Formats, recognised from the file's first bytes (the extension is ignored): JPEG, PNG, WebP, GIF (first frame
 *   for the thumbnail), AVIF. HEIC/HEIF is recognised but refused with its own message when this build's image
 *   library cannot decode HEVC — the prebuilt sharp cannot (it ships AVIF only), so iPhone users must choose
 *   "兼容性最佳" (JPEG) or export as JPEG. TIFF (and camera RAW) and BMP are refused as unsupported; anything else
 *   is "不是图片文件".
 * - Thumbnail: JPEG, longest side at most 320 px (never enlarged), quality 80, EXIF orientation applied, all
 *   metadata stripped (no GPS in thumbnails), transparency flattened onto white.
 *
 * Guarantees:
 * - The original is stored byte for byte and never rewritten; `verify()` recomputes its hash as proof.
 * - A refused photo (empty, too large, not an image, corrupt, over the pixel limit) leaves the data folder
 *   untouched: every check and the thumbnail run in memory before the first write.
 * - Writes go to a temp file in the same folder, are flushed, then renamed; a failed write removes what this call
 *   created, so no half photo or temp file remains.
 * - The same bytes added twice are stored once and give back the first record (its original name included).
 * - EXIF time and GPS are read when present; unreadable EXIF only means `takenAt`/`gps` are null.
 *
 * Layout: see photo-paths.ts.
 */
import fsp from 'node:fs/promises'
import path from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import { decodePhoto, renderJpeg, type DecodedPhoto } from './decode-photo'
import { readExifFacts } from './photo-exif'
import { fileExists, isFileSync, isMissing, sha256Hex, sha256OfFile, toBuffer } from './photo-files'
import { writeFileAtomically } from '../files/atomic-write'
import { errorReason, FileWriteError, systemErrorReason } from '../files/fs-errors'
import {
  maxPhotoBytes,
  maxPhotoPixels,
  printMaxSide,
  printQuality,
  thumbnailMaxSide,
  thumbnailQuality,
} from './photo-limits'
import {
  emptyFileMessage,
  invalidIdMessage,
  missingPhotoMessage,
  notImageMessage,
  saveFailedMessage,
  sizeLimitMessage,
  unsupportedFormatMessage,
} from './photo-messages'
import {
  cleanFileName,
  isSha256,
  originalRelPath,
  printRelPath,
  recordRelPath,
  thumbnailRelPath,
  toAbsolute,
} from './photo-paths'
import { isStoredPhoto, type StoredPhoto } from './photo-record'
import { photoExtensions, sniffImageType, type PhotoType } from './sniff-image-type'

export type { StoredPhoto } from './photo-record'
export type { PhotoGps } from './photo-exif'
export { maxPhotoBytes, maxPhotoPixels, thumbnailMaxSide } from './photo-limits'

export interface PhotoStoreOptions {
  maxBytes?: number
  maxPixels?: number
  thumbnailMaxSide?: number
}

export interface PhotoInput {
  /** The file's bytes as the renderer sent them (a Buffer is a Uint8Array too). */
  bytes: Uint8Array
  fileName: string
}

export interface PhotoVerification {
  sha256: string
  /** 'intact': the stored original still hashes to its name; 'altered': it does not; 'missing': it is gone. */
  status: 'intact' | 'altered' | 'missing'
  actualSha256: string | null
}

export interface PhotoStore {
  readonly dataDir: string
  readonly limits: Readonly<Required<PhotoStoreOptions>>
  ingest(input: PhotoInput): Promise<StoredPhoto>
  /** The record, or null when neither it nor the original is in the data folder. */
  read(sha256: string): Promise<StoredPhoto | null>
  /** The original's bytes; NOT_FOUND ("照片缺失") when the file has gone. */
  readOriginal(sha256: string): Promise<Buffer>
  /** Absolute paths, or null when the file is not there (show "照片缺失"; never an exception). */
  thumbnailPath(sha256: string): string | null
  /**
   * Absolute path of the print rendition (see `printMaxSide`), made from the original on first use and kept;
   * null when the original is gone or no longer decodes (the caller falls back to the thumbnail).
   */
  printRenditionPath(sha256: string): Promise<string | null>
  originalPath(sha256: string): string | null
  /** Whether the original is present. A malformed id is simply not there. */
  exists(sha256: string): boolean
  verify(sha256: string): Promise<PhotoVerification>
}

function photoId(sha256: string): string {
  if (!isSha256(sha256)) throw new ApiError('VALIDATION', invalidIdMessage)
  return sha256.toLowerCase()
}

function ioError(name: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const cause = error instanceof FileWriteError ? error.cause : error
  return new ApiError('IO_ERROR', saveFailedMessage(name, systemErrorReason(cause) ?? errorReason(error)))
}

export function createPhotoStore(dataDir: string, options: PhotoStoreOptions = {}): PhotoStore {
  const limits = {
    maxBytes: options.maxBytes ?? maxPhotoBytes,
    maxPixels: options.maxPixels ?? maxPhotoPixels,
    thumbnailMaxSide: options.thumbnailMaxSide ?? thumbnailMaxSide,
  }
  const decodeLimits = { ...limits, thumbnailQuality }
  const abs = (relPath: string) => toAbsolute(dataDir, relPath)
  // Two drops of the same file at once share one ingest instead of racing on the same paths.
  const inFlight = new Map<string, Promise<StoredPhoto>>()
  const renditionsInFlight = new Map<string, Promise<string | null>>()

  function findOriginal(sha256: string): { file: string; ext: string } | null {
    for (const ext of photoExtensions) {
      const file = abs(originalRelPath(sha256, ext))
      if (isFileSync(file)) return { file, ext }
    }
    return null
  }

  async function loadRecord(sha256: string): Promise<StoredPhoto | null> {
    try {
      const value: unknown = JSON.parse(await fsp.readFile(abs(recordRelPath(sha256)), 'utf8'))
      return isStoredPhoto(value, sha256) ? value : null
    } catch {
      return null // missing or damaged: rebuilt from the original when needed
    }
  }

  async function describe(
    bytes: Buffer,
    sha256: string,
    type: PhotoType,
    name: string,
    decoded: DecodedPhoto,
  ): Promise<StoredPhoto> {
    const facts = await readExifFacts(decoded.exif)
    const record: StoredPhoto = {
      sha256,
      ext: type.ext,
      mimeType: type.mimeType,
      byteSize: bytes.byteLength,
      width: decoded.width,
      height: decoded.height,
      originalName: name,
      takenAt: facts.takenAt,
      gps: facts.gps,
      thumbnailPath: thumbnailRelPath(sha256),
      originalPath: originalRelPath(sha256, type.ext),
    }
    if (decoded.orientation !== undefined) record.orientation = decoded.orientation
    return record
  }

  async function makePrintRendition(sha256: string): Promise<string | null> {
    const file = abs(printRelPath(sha256))
    if (await fileExists(file)) return file
    const found = findOriginal(sha256)
    if (!found) return null
    try {
      const bytes = await fsp.readFile(found.file)
      // Evidence: a print copy is only ever made from the original exactly as it was received.
      if (sha256Hex(bytes) !== sha256) return null
      const jpeg = await renderJpeg(bytes, limits.maxPixels, printMaxSide, printQuality)
      await fsp.mkdir(path.dirname(file), { recursive: true })
      await writeFileAtomically(file, jpeg)
      return file
    } catch {
      // An undecodable original or a full disk: the notice still prints, from the thumbnail.
      return null
    }
  }

  async function store(bytes: Buffer, sha256: string, type: PhotoType, name: string): Promise<StoredPhoto> {
    const originalFile = abs(originalRelPath(sha256, type.ext))
    const thumbnailFile = abs(thumbnailRelPath(sha256))
    const recordFile = abs(recordRelPath(sha256))
    let existing: StoredPhoto | null
    let originalIntact: boolean
    let thumbnailPresent: boolean
    try {
      existing = await loadRecord(sha256)
      originalIntact = (await sha256OfFile(originalFile)) === sha256
      thumbnailPresent = await fileExists(thumbnailFile)
    } catch (error) {
      throw ioError(name, error)
    }
    if (existing && originalIntact && thumbnailPresent) return existing

    // Validation happens even when only the thumbnail is missing: the bytes must still be a decodable image.
    const decoded = await decodePhoto(bytes, type, name, decodeLimits)
    const record = existing ?? (await describe(bytes, sha256, type, name, decoded))

    const created: string[] = []
    try {
      await fsp.mkdir(path.dirname(originalFile), { recursive: true })
      await fsp.mkdir(path.dirname(thumbnailFile), { recursive: true })
      if (!originalIntact) {
        const hadFile = await fileExists(originalFile)
        try {
          await writeFileAtomically(originalFile, bytes)
        } catch (error) {
          // Windows refuses to replace a file another program holds open; identical content is already fine.
          if ((await sha256OfFile(originalFile).catch(() => null)) !== sha256) throw error
        }
        if (!hadFile) created.push(originalFile)
      }
      if (!thumbnailPresent) {
        await writeFileAtomically(thumbnailFile, decoded.thumbnail)
        created.push(thumbnailFile)
      }
      if (!existing) {
        await writeFileAtomically(recordFile, Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8'))
        created.push(recordFile)
      }
    } catch (error) {
      await Promise.all(created.map((file) => fsp.rm(file, { force: true }).catch(() => undefined)))
      throw ioError(name, error)
    }
    return record
  }

  return {
    dataDir,
    limits,

    async ingest({ bytes, fileName }: PhotoInput): Promise<StoredPhoto> {
      const name = cleanFileName(typeof fileName === 'string' ? fileName : '')
      if (!(bytes instanceof Uint8Array)) throw new ApiError('VALIDATION', notImageMessage(name))
      if (bytes.byteLength === 0) throw new ApiError('VALIDATION', emptyFileMessage(name))
      if (bytes.byteLength > limits.maxBytes) {
        throw new ApiError('VALIDATION', sizeLimitMessage(name, bytes.byteLength, limits.maxBytes))
      }
      const sniffed = sniffImageType(bytes)
      if (sniffed.kind === 'unknown') throw new ApiError('VALIDATION', notImageMessage(name))
      if (sniffed.kind === 'unsupported') {
        throw new ApiError('VALIDATION', unsupportedFormatMessage(name, sniffed.formatName))
      }
      const buffer = toBuffer(bytes)
      const sha256 = sha256Hex(buffer)
      const pending = inFlight.get(sha256)
      if (pending) return pending
      const job = store(buffer, sha256, sniffed, name).finally(() => inFlight.delete(sha256))
      inFlight.set(sha256, job)
      return job
    },

    async read(sha256: string): Promise<StoredPhoto | null> {
      const id = photoId(sha256)
      const record = await loadRecord(id)
      if (record) return record
      // The record file was lost: describe the original again, under its stored name.
      const found = findOriginal(id)
      if (!found) return null
      try {
        const bytes = await fsp.readFile(found.file)
        const sniffed = sniffImageType(bytes)
        if (sniffed.kind !== 'photo') return null
        const name = `${id}.${found.ext}`
        return await describe(bytes, id, sniffed, name, await decodePhoto(bytes, sniffed, name, decodeLimits))
      } catch {
        return null
      }
    },

    async readOriginal(sha256: string): Promise<Buffer> {
      const found = findOriginal(photoId(sha256))
      try {
        if (found) return await fsp.readFile(found.file)
      } catch (error) {
        if (!isMissing(error)) throw new ApiError('IO_ERROR', `读取照片失败：${errorReason(error)}`)
      }
      throw new ApiError('NOT_FOUND', missingPhotoMessage)
    },

    thumbnailPath(sha256: string): string | null {
      const file = abs(thumbnailRelPath(photoId(sha256)))
      return isFileSync(file) ? file : null
    },

    printRenditionPath(sha256: string): Promise<string | null> {
      const id = photoId(sha256)
      const pending = renditionsInFlight.get(id)
      if (pending) return pending
      const job = makePrintRendition(id).finally(() => renditionsInFlight.delete(id))
      renditionsInFlight.set(id, job)
      return job
    },

    originalPath(sha256: string): string | null {
      return findOriginal(photoId(sha256))?.file ?? null
    },

    exists(sha256: string): boolean {
      return isSha256(sha256) && findOriginal(sha256.toLowerCase()) !== null
    },

    async verify(sha256: string): Promise<PhotoVerification> {
      const id = photoId(sha256)
      const found = findOriginal(id)
      let actual: string | null
      try {
        actual = found ? await sha256OfFile(found.file) : null
      } catch (error) {
        throw new ApiError('IO_ERROR', `读取照片失败：${errorReason(error)}`)
      }
      const status = actual === null ? 'missing' : actual === id ? 'intact' : 'altered'
      return { sha256: id, status, actualSha256: actual }
    },
  }
}
