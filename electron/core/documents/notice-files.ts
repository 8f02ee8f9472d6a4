import type { ExportFormat } from '../../../shared/domain/rectification'
import type { NoticeDocument } from '../../../shared/domain/notice-document'
import { printableText } from './html-escape'

export const noticeMimeTypes: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/**
 * A file name for the exported notice, e.g. 整改通知书-乌残无障碍整改〔2026〕第7号-乌达区图书馆.pdf: characters that
 * Windows, macOS or Linux refuse in file names are replaced, and the name is kept short.
 */
export function noticeFileName(
  doc: Pick<NoticeDocument, 'number' | 'unitName'>,
  format: ExportFormat,
): string {
  const stem = printableText(['整改通知书', doc.number ?? '预览', doc.unitName].join('-'))
    .replace(/[\\/:*?"<>|\u007f]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
  return `${stem}.${format}`
}
