import {
  formatChineseDate,
  type EvidenceLoader,
  type NoticeColophon,
  type NoticeDocumentV2,
  type NoticePhoto,
} from '../../../../shared/domain/notice-document'
import { documentFontFaces } from '../cjk-fonts'
import { mastheadHtml, printDocument } from '../print-document'
import { escapeHtml, imageDataUrl } from '../html-escape'
import { fitInside, imageSize } from '../evidence-image'
import { evidenceKey, loadNoticeEvidence, type LoadedEvidence } from '../notice-evidence'
import { pageNumberChars } from '../print-fonts'
import { copyToText, listColumns, listRows, noticeWords, type Cell } from './list-table'
import { noticeCss } from './notice-styles'
import { photoLayout, photoPages } from './photo-pages'

/**
 * A version 2 notice as one self-contained HTML document for printing and for Chromium's print-to-PDF: styles
 * inline, images as data: URLs, no script at all (the CSP forbids any), every value from the document escaped.
 */

function cellHtml(cell: Cell): string {
  return cell
    .map((paragraph) => {
      if (paragraph.length === 1 && paragraph[0]!.style === 'code') {
        return `<code class="code">${escapeHtml(paragraph[0]!.text)}</code>`
      }
      const runs = paragraph.map((r) =>
        r.style === 'plain' ? escapeHtml(r.text) : `<span class="${r.style}">${escapeHtml(r.text)}</span>`,
      )
      return `<p>${runs.join('')}</p>`
    })
    .join('')
}

function listHtml(doc: NoticeDocumentV2): string {
  const total = listColumns.reduce((sum, c) => sum + c.mm, 0)
  const cols = listColumns.map((c) => `<col style="width: ${((c.mm / total) * 100).toFixed(2)}%">`).join('')
  const head = listColumns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('')
  const rows = listRows(doc).map((row) =>
    row.kind === 'group'
      ? `<tr class="group"><th colspan="${listColumns.length}" scope="rowgroup">${escapeHtml(row.text)}</th></tr>`
      : `<tr>${row.cells.map((cell, i) => `<td${i === 0 ? ' class="index"' : ''}>${cellHtml(cell)}</td>`).join('')}</tr>`,
  )
  return `<section class="attachment">
<p class="attachment-label">${noticeWords.attachment(1)}</p>
<h2 class="attachment-title">${escapeHtml(doc.attachments[0] ?? '')}</h2>
<table class="list"><colgroup>${cols}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>
</section>`
}

/** A picture as loaded, with its size in mm inside the box. */
interface Picture {
  image: LoadedEvidence
  size: { width: number; height: number } | null
}

/**
 * Photos fill the box; a screenshot of a small element (a 16 px icon button) is shown at one and a half times its
 * size on screen rather than blown up into a blur.
 */
const mmPerPixel = (25.4 / 96) * 1.5

async function loadPictures(doc: NoticeDocumentV2, loader: EvidenceLoader): Promise<Map<string, Picture>> {
  const pictures = new Map<string, Picture>()
  for (const [key, image] of await loadNoticeEvidence(doc.photos, loader)) {
    const pixels = await imageSize(image)
    const size = pixels
      ? fitInside(
          pixels.width * mmPerPixel * 10,
          pixels.height * mmPerPixel * 10,
          photoLayout.imageWidthMm * 10,
          photoLayout.imageHeightMm * 10,
        )
      : null
    pictures.set(key, { image, size: size && { width: size.width / 10, height: size.height / 10 } })
  }
  return pictures
}

function figureHtml(photo: NoticePhoto, picture: Picture | undefined): string {
  const image = picture?.image
  const url = image ? imageDataUrl(image.bytes, image.mimeType) : null
  const caption = noticeWords.caption(photo)
  const size = picture?.size
    ? ` style="width: ${picture.size.width}mm; height: ${picture.size.height}mm"`
    : ''
  const body = url
    ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(caption)}"${size}>`
    : `<span class="photo-missing" role="img" aria-label="${noticeWords.missingPhoto}">${noticeWords.missingPhoto}</span>`
  return `<figure><div class="frame">${body}</div><figcaption>${escapeHtml(caption)}</figcaption></figure>`
}

function colophonHtml(colophon: NoticeColophon, flow: boolean): string {
  const copyTo = colophon.copyTo
    ? `<p class="copy-to">${noticeWords.copyTo}${escapeHtml(copyToText(colophon.copyTo))}</p>`
    : ''
  return `<div class="colophon${flow ? ' flow-colophon' : ''}">${copyTo}<p class="printed"><span>${escapeHtml(colophon.printer)}</span><span>${escapeHtml(noticeWords.printed(colophon))}</span></p></div>`
}

function photosHtml(doc: NoticeDocumentV2, images: Map<string, Picture>): string {
  const pages = photoPages(doc.photos, doc.colophon)
  return pages
    .map((photos, i) => {
      const head =
        i === 0
          ? `<header><p class="attachment-label">${noticeWords.attachment(2)}</p><h2 class="attachment-title">${escapeHtml(doc.attachments[1] ?? '')}</h2></header>`
          : ''
      const figures = photos.map((p) => figureHtml(p, images.get(evidenceKey(p)))).join('')
      const colophon = i === pages.length - 1 && doc.colophon ? colophonHtml(doc.colophon, false) : ''
      return `<section class="photo-page">${head}<div class="photo-grid">${figures}</div>${colophon}</section>`
    })
    .join('\n')
}

function attachmentsNote(doc: NoticeDocumentV2): string {
  if (doc.attachments.length === 0) return ''
  const names = doc.attachments.map((name, i) => (doc.attachments.length > 1 ? `${i + 1}.${name}` : name))
  return `<div class="attachments"><span>${noticeWords.attachmentsLabel}</span><span>${names.map((n) => `<span class="name">${escapeHtml(n)}</span>`).join('')}</span></div>`
}

/** What the sans (黑体) draws: a character missing from its slices would come from a system font. */
function sansText(doc: NoticeDocumentV2): string {
  const parts: string[] = [
    ...doc.body.filter((b) => b.kind === 'heading').map((b) => b.text),
    ...listColumns.map((c) => c.header),
    noticeWords.attachment(1),
    noticeWords.attachment(2),
    noticeWords.missingPhoto,
  ]
  for (const row of listRows(doc)) {
    if (row.kind === 'group') parts.push(row.text)
    else
      for (const cell of row.cells)
        for (const p of cell)
          for (const r of p) if (r.style === 'strong' || r.style === 'code') parts.push(r.text)
  }
  return parts.join('')
}

export async function renderNoticeHtml(doc: NoticeDocumentV2, loader: EvidenceLoader): Promise<string> {
  const images = await loadPictures(doc, loader)
  const blocks = doc.body.map((b) =>
    b.kind === 'heading'
      ? `<h2 class="level1">${escapeHtml(b.text)}</h2>`
      : `<p class="para">${escapeHtml(b.text)}</p>`,
  )
  const trailingColophon = doc.colophon && doc.photos.length === 0 ? colophonHtml(doc.colophon, true) : ''
  const body = `${mastheadHtml(doc.issuer, doc.number, noticeWords.previewNumber)}
<main>
<h1 class="title">${escapeHtml(doc.title)}</h1>
<p class="addressee">${escapeHtml(doc.unitName)}：</p>
${blocks.join('\n')}
${attachmentsNote(doc)}
<div class="signature"><div class="sig-block">
<span class="issuer-name">${escapeHtml(doc.issuer)}</span>
<span class="date">${escapeHtml(formatChineseDate(doc.issuedOn))}</span>
</div></div>
</main>
${doc.items.length > 0 ? listHtml(doc) : ''}
${photosHtml(doc, images)}
${trailingColophon}
`
  const fontFaces = documentFontFaces({
    serif: body + pageNumberChars,
    sans: sansText(doc),
    serifHeavy: doc.issuer + doc.title + doc.attachments.join(''),
  })
  return printDocument({ title: noticeWords.documentTitle(doc), fontFaces, css: noticeCss, body })
}
