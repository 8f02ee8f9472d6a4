import { formatSize } from '../../../shared/domain/format-size'
import { formatWanPixels } from './photo-limits'

/**
 * The zh-CN refusals shown to the inspector. Each names the file, because a drag and drop often brings several
 * photos at once and only the refused one must be found again; each ends by saying nothing was added.
 */

export const supportedFormatsText = 'JPEG、PNG、WebP、GIF、AVIF'

export function emptyFileMessage(name: string): string {
  return `文件“${name}”是空的（0 字节），未添加。`
}

export function sizeLimitMessage(name: string, byteSize: number, maxBytes: number): string {
  return `照片“${name}”过大（${formatSize(byteSize, 'up')}），单张照片不能超过 ${formatSize(maxBytes, 'down')}。请压缩后再添加。`
}

export function notImageMessage(name: string): string {
  return `“${name}”不是图片文件，未添加。支持的格式：${supportedFormatsText}。`
}

export function unsupportedFormatMessage(name: string, format: string): string {
  return `照片“${name}”是 ${format} 格式，暂不支持，未添加。请转换为 JPEG 或 PNG 后再添加。`
}

/** HEIC needs an HEVC decoder, which the prebuilt image library does not ship (patent licensing). */
export function heicUnsupportedMessage(name: string): string {
  return `照片“${name}”是 HEIC/HEIF 格式，本机无法解码（或文件已损坏），未添加。请在手机上导出为 JPEG 后再添加（iPhone：设置 → 相机 → 格式 → 兼容性最佳）。`
}

export function pixelLimitMessage(name: string, width: number, height: number, maxPixels: number): string {
  return `照片“${name}”像素过多（${width}×${height}，约 ${formatWanPixels(width * height)} 万像素），超过上限 ${formatWanPixels(maxPixels)} 万像素，未添加。`
}

export function undecodableMessage(name: string): string {
  return `图片无法解码，可能已损坏：“${name}”。未添加，其他照片不受影响。`
}

export const invalidIdMessage = '照片编号格式不正确（应为 64 位十六进制 SHA-256）'

export const missingPhotoMessage = '照片缺失：数据文件夹中找不到该照片的原图'

export function saveFailedMessage(name: string, reason: string): string {
  return `照片“${name}”保存失败，未添加：${reason}`
}
