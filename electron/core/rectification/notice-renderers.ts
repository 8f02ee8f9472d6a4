import type { PdfRenderer } from '../documents/pdf-port'
import type { NoticeRenderers } from './notice-exports'

/**
 * The one place that binds the notice services to the documents module (HTML/PDF, Word, Excel). It is loaded on
 * first use: the Word and Excel libraries are large, and most starts of the app or the CLI never print a notice.
 */
export function noticeRenderers(pdf: PdfRenderer): NoticeRenderers {
  const documents = () => import('../documents/index')
  return {
    html: async (doc, loader) => (await documents()).renderNoticeHtml(doc, loader),
    docx: async (doc, loader) => (await documents()).renderNoticeDocx(doc, loader),
    xlsx: async (doc) => (await documents()).renderNoticeXlsx(doc),
    pdf: (html) => pdf.renderPdf(html),
  }
}
