import { createHmac, timingSafeEqual } from 'node:crypto'
import JSZip from 'jszip'
import { z } from '../../../shared/domain/zod-setup'
import { ApiError } from '../../../shared/api/errors'
import {
  exchangeFormat,
  exchangeFormatVersion,
  exchangeTableLabels,
  maxPackageBytes,
} from '../../../shared/domain/exchange'
import { isGlobalId } from '../../../shared/domain/global-id'
import { canonicalJson, sha256Hex } from './exchange-tables'

/**
 * The package file: a zip whose manifest names every other file with its SHA-256 and size, optionally signed with
 * the team key (HMAC-SHA256 over the manifest's canonical JSON without the signature). Reading checks, in order:
 * it is a zip, the manifest is ours and not from a newer version, the signature (when a key is set here), and that
 * the files are exactly those the manifest lists, byte for byte. Any failure refuses the whole package.
 */

export const manifestName = 'manifest.json'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const fileEntry = z.object({ sha256, bytes: z.number().int().nonnegative() })

export const manifestSchema = z.object({
  format: z.literal(exchangeFormat),
  formatVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  packageId: z.string().refine(isGlobalId),
  deviceId: z.string().refine(isGlobalId),
  inspector: z.string().max(200).nullable(),
  role: z.string().max(40),
  appVersion: z.string().max(80),
  createdAt: z.string().max(40),
  since: z.string().max(10).nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  files: z.record(z.string(), fileEntry),
  signature: z
    .object({
      algorithm: z.literal('HMAC-SHA256'),
      keyFingerprint: z.string().regex(/^[0-9a-f]{8}$/),
      value: sha256,
    })
    .optional(),
})

export type Manifest = z.infer<typeof manifestSchema>

/** 8 hex digits that name a key without revealing it. */
export function keyFingerprint(key: string): string {
  return sha256Hex(`access-audit team key\n${key}`).slice(0, 8)
}

function signatureOf(manifest: Omit<Manifest, 'signature'>, key: string): string {
  return createHmac('sha256', key).update(canonicalJson(manifest)).digest('hex')
}

/** Paths a package may hold: records per table, photos by hash, screenshots under a run's global id. */
const pathPatterns = [
  /^records\/[a-z_]+\.json$/,
  /^photos\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/,
  /^screenshots\/[0-9a-f-]{36}\/[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/,
]
export const isPackagePath = (p: string): boolean => pathPatterns.some((re) => re.test(p))

export interface PackageContent {
  manifest: Omit<Manifest, 'files' | 'signature'>
  files: Map<string, Uint8Array>
}

export async function writePackage(content: PackageContent, teamKey: string | null): Promise<Buffer> {
  const zip = new JSZip()
  const files: Manifest['files'] = {}
  for (const [name, bytes] of content.files) {
    if (!isPackagePath(name)) throw new Error(`not a package path: ${name}`)
    files[name] = { sha256: sha256Hex(bytes), bytes: bytes.byteLength }
    // Pictures are compressed already; JSON shrinks well.
    zip.file(name, bytes, { compression: name.endsWith('.json') ? 'DEFLATE' : 'STORE' })
  }
  const unsigned = { ...content.manifest, files }
  const manifest: Manifest = teamKey
    ? {
        ...unsigned,
        signature: {
          algorithm: 'HMAC-SHA256',
          keyFingerprint: keyFingerprint(teamKey),
          value: signatureOf(unsigned, teamKey),
        },
      }
    : unsigned
  zip.file(manifestName, JSON.stringify(manifest, null, 2), { compression: 'DEFLATE' })
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}

const reject = (message: string) => new ApiError('PACKAGE_REJECTED', message)

/** Every file of a package, inflated, at most (the 200 MB limit is on the zip; pictures barely compress). */
const maxUnpackedBytes = 1024 * 1024 * 1024
const maxManifestBytes = 20 * 1024 * 1024

/** Inflates an entry, stopping as soon as it passes `limit` bytes (a size declared falsely in the zip). */
function inflateAtMost(entry: JSZip.JSZipObject, limit: number): Promise<Buffer> {
  return new Promise((resolve, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    const stream = entry.nodeStream('nodebuffer')
    stream.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > limit) {
        stream.pause()
        stream.removeAllListeners('data')
        fail(new Error('larger than declared'))
      } else chunks.push(chunk)
    })
    stream.on('error', fail)
    stream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/** The uncompressed size the zip's central directory declares for an entry (read by JSZip, not yet inflated). */
function declaredSize(entry: JSZip.JSZipObject): number | undefined {
  return (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize
}

/** A file of the package in words, for a person: “场所记录（records/places.json）”. */
export function describeFile(name: string): string {
  const records = /^records\/([a-z_]+)\.json$/.exec(name)
  if (records) return `${exchangeTableLabels[records[1]!] ?? '一类'}记录（${name}）`
  if (name.startsWith('photos/')) return `一张照片（${name.slice(0, 19)}…）`
  if (name.startsWith('screenshots/')) return `一张网页截图（${name.split('/').pop()}）`
  return `文件“${name.slice(0, 80)}”`
}

export interface OpenedPackage {
  manifest: Manifest
  /** Every file but the manifest, verified against it. */
  files: Map<string, Buffer>
  signature: 'verified' | 'unsigned' | 'not-checked'
}

export async function readPackage(
  bytes: Uint8Array,
  opts: { teamKey: string | null; schemaVersion: number; minSchemaVersion: number },
): Promise<OpenedPackage> {
  if (bytes.byteLength > maxPackageBytes)
    throw reject(`数据包过大（上限 ${maxPackageBytes / 1024 / 1024} MB），请让导出方用“起始日期”分批导出`)
  let zip: JSZip
  try {
    // Not inflated here (no CRC pass): sizes are checked against the manifest first, and every file's SHA-256
    // is compared once it is inflated, which covers what the CRC would.
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw reject(
      '无法读取数据包：文件不完整（可能在复制或传输时被截断）或不是 AccessAudit 导出的 .zip 数据包',
    )
  }
  const manifestFile = zip.file(manifestName)
  if (!manifestFile) throw reject('这不是 AccessAudit 的交换数据包：缺少清单文件 manifest.json')
  if ((declaredSize(manifestFile) ?? Infinity) > maxManifestBytes)
    throw reject('数据包的清单文件（manifest.json）大得异常，不是 AccessAudit 导出的数据包')
  let manifest: Manifest
  try {
    const raw: unknown = JSON.parse(await manifestFile.async('string'))
    const format = (raw as { format?: unknown; formatVersion?: unknown } | null) ?? {}
    if (
      format.format === exchangeFormat &&
      typeof format.formatVersion === 'number' &&
      format.formatVersion > exchangeFormatVersion
    )
      throw reject(
        '此数据包由更新版本的 AccessAudit 导出（数据包格式更新），本机无法读取。请先升级本机的无障碍督查再导入',
      )
    manifest = manifestSchema.parse(raw)
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw reject('数据包的清单文件（manifest.json）已损坏或不是 AccessAudit 的格式，无法导入')
  }
  if (manifest.schemaVersion > opts.schemaVersion)
    throw reject(
      `此数据包来自更新版本的 AccessAudit（数据结构第 ${manifest.schemaVersion} 版，本机为第 ${opts.schemaVersion} 版），` +
        '本机无法正确理解其中的记录。请先升级本机的无障碍督查再导入',
    )
  if (manifest.schemaVersion < opts.minSchemaVersion)
    throw reject('此数据包来自不支持团队协作的旧版本（记录没有全局编号），无法导入。请让导出方升级后重新导出')

  let signature: OpenedPackage['signature']
  const { signature: signed, ...unsigned } = manifest
  if (opts.teamKey) {
    if (!signed)
      throw reject(
        '本机设置了团队密钥，只接受用同一团队密钥签名的数据包，而此数据包未签名。' +
          '请导出方在“设置 › 团队协作”中设置团队密钥后重新导出',
      )
    const expected = Buffer.from(signatureOf(unsigned, opts.teamKey), 'hex')
    const given = Buffer.from(signed.value, 'hex')
    if (signed.keyFingerprint !== keyFingerprint(opts.teamKey))
      throw reject(
        `团队签名不符：数据包用另一个团队密钥签名（指纹 ${signed.keyFingerprint}，本机为 ${keyFingerprint(opts.teamKey)}）。` +
          '请核对两台电脑的团队密钥',
      )
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw reject('团队签名不符：数据包的清单在签名后被改动过，不能确认它来自本团队。请让导出方重新导出')
    signature = 'verified'
  } else signature = signed ? 'not-checked' : 'unsigned'

  const listed = new Set(Object.keys(manifest.files))
  const total = Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0)
  if (total > maxUnpackedBytes)
    throw reject(`数据包解压后超过 ${maxUnpackedBytes / 1024 / 1024} MB，请让导出方用“起始日期”分批导出`)
  const files = new Map<string, Buffer>()
  const entries = Object.values(zip.files).filter((f) => !f.dir && f.name !== manifestName)
  for (const entry of entries) {
    if (!listed.has(entry.name))
      throw reject(`数据包被改动过：其中多出了清单上没有的${describeFile(entry.name)}`)
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    if (!isPackagePath(name))
      throw reject(`数据包的清单列出了不该有的${describeFile(name)}，数据包可能被改动`)
    const entry = zip.file(name)
    if (!entry) throw reject(`数据包不完整：缺少清单上列出的${describeFile(name)}`)
    // Before inflating: a file that would inflate to more than the manifest says is refused unread (zip bombs).
    if (declaredSize(entry) !== expected.bytes)
      throw reject(`数据包被改动或已损坏：其中的${describeFile(name)}大小与清单不符`)
    let content: Buffer
    try {
      content = await inflateAtMost(entry, expected.bytes)
    } catch {
      throw reject(`数据包已损坏：其中的${describeFile(name)}无法解压（可能被截断或改动）`)
    }
    if (content.byteLength !== expected.bytes || sha256Hex(content) !== expected.sha256)
      throw reject(`数据包被改动或已损坏：其中的${describeFile(name)}与清单上的校验值（SHA-256）不符`)
    files.set(name, content)
  }
  return { manifest, files, signature }
}
