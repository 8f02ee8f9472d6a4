import { ApiError } from '../../../shared/api/errors'
import type { PdfRenderer } from '../documents/pdf-port'
import type { NoticeRenderers } from './notice-exports'

/**
 * The one place that binds the notice services to the documents module (electron/core/documents).
 * TEMPORARY: the documents module's index (renderNoticeHtml / renderNoticeDocx / renderNoticeXlsx) has not
 * landed yet; until it does, the three renderers answer EXPORT_FAILED with a clear message and PDF goes
 * through the PdfRenderer port as designed.
 */
export function noticeRenderers(pdf: PdfRenderer): NoticeRenderers {
  const notReady = async (): Promise<never> => {
    throw new ApiError('EXPORT_FAILED', '通知书版式模块尚未就绪，暂不能生成该文件')
  }
  return {
    html: notReady,
    docx: notReady,
    xlsx: notReady,
    pdf: (html) => pdf.renderPdf(html),
  }
}
