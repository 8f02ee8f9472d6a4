import { ApiError } from '../../../shared/api/errors'
import type { EvidenceLoader, NoticeDocument } from '../../../shared/domain/notice-document'
import type { ExportFormat, ExportedFile } from '../../../shared/domain/rectification'
import { wellFormed, withoutInvisible } from '../../../shared/domain/text'
import { errorReason } from '../files/fs-errors'

/**
 * A notice as a file: PDF (the print HTML through Chromium), Word or the items as an Excel sheet. Everything is
 * made in memory and handed over as bytes, so a failure leaves no half-written file anywhere.
 */

export interface NoticeRenderers {
  html(doc: NoticeDocument, loader: EvidenceLoader): Promise<string>
  docx(doc: NoticeDocument, loader: EvidenceLoader): Promise<Uint8Array>
  xlsx(doc: NoticeDocument): Promise<Uint8Array>
  pdf(html: string): Promise<Uint8Array>
}

export const mimeTypes: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

const formatLabels: Record<ExportFormat, string> = { pdf: 'PDF', docx: 'Word 文件', xlsx: 'Excel 表' }

/**
 * A file name any system accepts and nobody can be fooled by: characters Windows refuses and control characters
 * become "_"; invisible and direction-control characters are dropped (a U+202E RIGHT-TO-LEFT OVERRIDE in a unit's
 * name would otherwise make "…\u202Exslx.exe" read as "…exe.xlsx"); the text is NFC and well-formed; trailing dots and
 * spaces go, and a Windows device name (CON, NUL, COM1…) is prefixed.
 */
export function safeFileName(name: string, maxLength = 150): string {
  const cleaned = withoutInvisible(
    wellFormed(name)
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g, '_'),
  )
    .replace(/\s+/g, ' ')
    .trim()
  const cut = [...cleaned].slice(0, maxLength).join('')
  const base = cut.replace(/[. ]+$/, '') || '整改通知书'
  return /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(base) ? `_${base}` : base
}

/** 整改通知书-乌残无障碍整改〔2026〕第3号-区住房和城乡建设局.pdf; the Excel sheet is the 整改项清单. */
export function noticeFileName(
  doc: Pick<NoticeDocument, 'number' | 'unitName'>,
  format: ExportFormat,
): string {
  const kind = format === 'xlsx' ? '整改项清单' : '整改通知书'
  const base = safeFileName([kind, doc.number ?? '预览', doc.unitName].join('-'))
  return `${base}.${format}`
}

export async function exportNoticeFile(
  doc: NoticeDocument,
  format: ExportFormat,
  renderers: NoticeRenderers,
  loader: EvidenceLoader,
): Promise<ExportedFile> {
  let bytes: Uint8Array
  try {
    if (format === 'pdf') bytes = await renderers.pdf(await renderers.html(doc, loader))
    else if (format === 'docx') bytes = await renderers.docx(doc, loader)
    else bytes = await renderers.xlsx(doc)
  } catch (error) {
    // BROWSER_UNAVAILABLE and the like keep their own message.
    if (error instanceof ApiError) throw error
    throw new ApiError('EXPORT_FAILED', `生成${formatLabels[format]}失败：${errorReason(error)}`)
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return {
    fileName: noticeFileName(doc, format),
    mimeType: mimeTypes[format],
    base64: buffer.toString('base64'),
    byteLength: buffer.byteLength,
  }
}
