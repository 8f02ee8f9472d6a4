import { isNoticeV2, type EvidenceLoader, type NoticeDocument } from '../../../shared/domain/notice-document'
import { renderNoticeDocx as renderV2Docx } from './notice/notice-docx'
import { renderNoticeHtml as renderV2Html } from './notice/notice-html'
import { renderNoticeXlsx as renderV2Xlsx } from './notice/notice-xlsx'
import { renderNoticeDocx as renderV1Docx } from './notice-v1/notice-docx'
import { renderNoticeHtml as renderV1Html } from './notice-v1/notice-html'
import { renderNoticeXlsx as renderV1Xlsx } from './notice-v1/notice-xlsx'

/** Documents the app writes: the 整改通知书 (HTML/PDF, Word, Excel) and the PDF renderer the reports share. */
/** The shipped CJK fonts for any printed HTML (the reports can embed them the same way the notice does). */
export {
  documentFontFaces,
  documentFontFamilies,
  documentFontsAvailable,
  type DocumentFontRole,
} from './cjk-fonts'
export { createPdfRenderer, type PdfRendererOptions } from './pdf-renderer'
export type { PdfRenderer } from './pdf-port'
export { escapeHtml, escapeMultiline, imageDataUrl, printableText } from './html-escape'
export { missingPhotoText } from './notice-evidence'
export { itemWhere, itemWhereText, type ItemWhere } from './notice-v1/notice-where'
export { noticeSheetName, noticeSheetColumns } from './notice/notice-xlsx'
export { listColumns, listRow, cellText } from './notice/list-table'

/*
 * A notice renders with the renderers of the snapshot version it was issued with (shared/domain/notice-document.ts),
 * so a notice issued before a layout change still prints as it was issued.
 */

export function renderNoticeHtml(doc: NoticeDocument, loader: EvidenceLoader): Promise<string> {
  return isNoticeV2(doc) ? renderV2Html(doc, loader) : renderV1Html(doc, loader)
}

export function renderNoticeDocx(doc: NoticeDocument, loader: EvidenceLoader): Promise<Uint8Array> {
  return isNoticeV2(doc) ? renderV2Docx(doc, loader) : renderV1Docx(doc, loader)
}

export function renderNoticeXlsx(doc: NoticeDocument): Promise<Uint8Array> {
  return isNoticeV2(doc) ? renderV2Xlsx(doc) : renderV1Xlsx(doc)
}
