/** Documents the app writes: the 整改通知书 (HTML/PDF, Word, Excel) and the PDF renderer the reports share. */
/** The shipped CJK fonts for any printed HTML (the reports can embed them the same way the notice does). */
export {
  documentFontFaces,
  documentFontFamilies,
  documentFontsAvailable,
  type DocumentFontRole,
} from './cjk-fonts'
export { renderNoticeHtml } from './notice-html'
export { renderNoticeDocx } from './notice-docx'
export { renderNoticeXlsx, noticeSheetName, noticeSheetColumns } from './notice-xlsx'
export { createPdfRenderer, type PdfRendererOptions } from './pdf-renderer'
export type { PdfRenderer } from './pdf-port'
export { escapeHtml, escapeMultiline, imageDataUrl, printableText } from './html-escape'
export { missingPhotoText } from './notice-evidence'
export { itemWhere, itemWhereText, type ItemWhere } from './notice-where'
