import {
  formatChineseDate,
  formatClause,
  type EvidenceLoader,
  type NoticeDocumentV1,
  type NoticeDocumentItem,
} from '../../../../shared/domain/notice-document'
import { escapeHtml, escapeMultiline, imageDataUrl } from '../html-escape'
import { evidenceKey, loadNoticeEvidence, missingPhotoText, type LoadedEvidence } from '../notice-evidence'
import { documentFontFaces } from '../cjk-fonts'
import { mastheadHtml, printDocument } from '../print-document'
import { noticeCss, pageNumberChars } from './notice-styles'
import { noticeText } from './notice-text'
import { itemWhereText } from './notice-where'

/**
 * The 整改通知书 as one self-contained HTML document for printing and for Chromium's print-to-PDF: styles inline,
 * images as data: URLs, no script at all (the CSP forbids any), every value from the document escaped.
 */

function evidenceHtml(item: NoticeDocumentItem, images: Map<string, LoadedEvidence>): string {
  const figures = item.evidence.map((ev) => {
    const image = images.get(evidenceKey(ev)) ?? null
    const url = image ? imageDataUrl(image.bytes, image.mimeType) : null
    const caption = ev.caption ? `<figcaption>${escapeHtml(ev.caption)}</figcaption>` : ''
    const body = url
      ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(ev.caption || noticeText.evidenceLabel(ev.kind))}">`
      : `<div class="photo-missing" role="img" aria-label="${missingPhotoText}">${missingPhotoText}</div>`
    return `<figure>${body}${caption}</figure>`
  })
  return `<div class="evidence">${figures.join('')}</div>`
}

function elementsHtml(item: NoticeDocumentItem): string {
  const rows = item.elements.map((el) => {
    const parts: string[] = []
    if (el.label) parts.push(`<span>${escapeHtml(el.label)}</span>`)
    if (el.pageUrl) parts.push(`<span class="page-url">${noticeText.page}${escapeHtml(el.pageUrl)}</span>`)
    if (el.selector) parts.push(`<code class="selector">${escapeHtml(el.selector)}</code>`)
    if (el.html) parts.push(`<pre class="snippet">${escapeHtml(el.html)}</pre>`)
    return `<div class="element">${parts.join('')}</div>`
  })
  const more = noticeText.moreElements(item.elementCount, item.elements.length)
  return rows.join('') + (more ? `<div class="more">${escapeHtml(more)}</div>` : '')
}

function row(label: string, valueHtml: string): string {
  return `<tr><th scope="row" class="label">${escapeHtml(label)}</th><td>${valueHtml}</td></tr>`
}

function itemHtml(item: NoticeDocumentItem, images: Map<string, LoadedEvidence>): string {
  const rows = [
    row(noticeText.locationLabel(item.source), escapeMultiline(itemWhereText(item))),
    row(noticeText.foundLabel, escapeMultiline(item.found)),
  ]
  if (item.elements.length > 0) rows.push(row(noticeText.elementsLabel(item.source), elementsHtml(item)))
  rows.push(
    row(
      noticeText.clausesLabel,
      item.clauses.length > 0
        ? item.clauses.map((c) => `<span class="clause">${escapeHtml(formatClause(c))}</span>`).join('')
        : escapeHtml(noticeText.noClause),
    ),
    row(noticeText.remedyLabel, escapeMultiline(item.remedy)),
  )
  if (item.evidence.length > 0) rows.push(row(noticeText.evidenceHeading(item), evidenceHtml(item, images)))
  return `<table class="item">
<colgroup><col class="label-col"><col></colgroup>
<thead><tr><th colspan="2" scope="colgroup">${escapeHtml(`${item.index}．${item.title}`)}</th></tr></thead>
<tbody>${rows.join('')}</tbody>
</table>`
}

/**
 * Everything set in the sans (黑体) stack: headings, row labels, item titles, the 照片缺失 box, and the code of
 * elements (the monospace stack's CJK comes from the sans). A character missing here would be drawn from a system
 * font, so this follows the style sheet's 黑体 and monospace rules exactly.
 */
function sansText(doc: NoticeDocumentV1): string {
  const parts: string[] = [...Object.values(noticeText.heading), missingPhotoText]
  for (const item of doc.items) {
    parts.push(
      `${item.index}．${item.title}`,
      noticeText.locationLabel(item.source),
      noticeText.foundLabel,
      noticeText.elementsLabel(item.source),
      noticeText.clausesLabel,
      noticeText.remedyLabel,
      noticeText.evidenceHeading(item),
    )
    for (const el of item.elements) parts.push(el.selector ?? '', el.html ?? '')
  }
  return parts.join('')
}

export async function renderNoticeHtml(doc: NoticeDocumentV1, loader: EvidenceLoader): Promise<string> {
  const images = await loadNoticeEvidence(
    doc.items.flatMap((i) => i.evidence),
    loader,
  )
  const sections = [
    `<h2 class="level1">${noticeText.heading.items}</h2>`,
    `<div class="items">${doc.items.map((item) => itemHtml(item, images)).join('\n')}</div>`,
    `<h2 class="level1">${noticeText.heading.deadline}</h2>`,
    `<p class="para">${escapeHtml(noticeText.deadlineSentence(formatChineseDate(doc.deadline)))}</p>`,
    `<h2 class="level1">${noticeText.heading.reply}</h2>`,
    `<p class="para">${escapeMultiline(doc.replyInstructions)}</p>`,
  ]
  if (doc.contact) {
    sections.push(
      `<h2 class="level1">${noticeText.heading.contact}</h2>`,
      `<p class="para">${escapeMultiline(doc.contact)}</p>`,
    )
  }
  const body = `${mastheadHtml(doc.issuer, doc.number, noticeText.previewNumber)}
<main>
<h1 class="title">${escapeHtml(noticeText.title)}</h1>
<p class="addressee">${escapeHtml(doc.unitName)}：</p>
<p class="para">${escapeHtml(noticeText.opening(doc))}</p>
${sections.join('\n')}
<div class="signature">
<div class="sig-block">
<span class="issuer-name">${escapeHtml(doc.issuer)}</span>
<span class="date">${escapeHtml(formatChineseDate(doc.issuedOn))}</span>
<div class="seal" aria-hidden="true">${noticeText.seal}</div>
</div>
</div>
</main>
`
  // The shipped fonts, cut to the characters this notice draws (every slice costs HTML to send and parse): the whole
  // body for the serif, what the 黑体 rules and the snippets draw for the sans, the masthead and title for the heavy.
  const fontFaces = documentFontFaces({
    serif: body + pageNumberChars,
    sans: sansText(doc),
    serifHeavy: doc.issuer + noticeText.title,
  })
  return printDocument({ title: noticeText.documentTitle(doc), fontFaces, css: noticeCss, body })
}
