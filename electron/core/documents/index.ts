/** Documents the app writes: the 整改通知书 (HTML/PDF, Word, Excel) and the PDF renderer the reports share. */
export { renderNoticeHtml } from './notice-html'
export { renderNoticeDocx } from './notice-docx'
export { renderNoticeXlsx, noticeSheetName, noticeSheetColumns } from './notice-xlsx'
export { createPdfRenderer, type PdfRendererOptions } from './pdf-renderer'
export type { PdfRenderer } from './pdf-port'
export { writeFileAtomically, renderToFile } from './atomic-file'
export { escapeHtml, escapeMultiline, imageDataUrl, printableText } from './html-escape'
export { missingPhotoText } from './notice-evidence'
