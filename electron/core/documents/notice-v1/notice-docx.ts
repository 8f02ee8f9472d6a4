import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx'
import {
  bodyParagraph,
  bodySpacing,
  emptyLine,
  fonts,
  gbDocument,
  heading,
  masthead,
  mm,
  runs,
  size,
  tableSpacing,
  titleParagraph,
} from '../docx-page'
import {
  formatChineseDate,
  formatClause,
  type EvidenceLoader,
  type NoticeDocumentV1,
  type NoticeDocumentItem,
} from '../../../../shared/domain/notice-document'
import { fitInside, toWordImage, type WordImage } from '../evidence-image'
import { printableText } from '../html-escape'
import { evidenceKey, loadNoticeEvidence, missingPhotoText } from '../notice-evidence'
import { noticeText } from './notice-text'
import { itemWhereText } from './notice-where'

/**
 * A version 1 notice (every item a block in the body) as an editable Word file, with the same content and order as
 * its printed copy; the page and fonts are docx-page.ts's.
 */

const labelWidth = mm(27)
const valueWidth = mm(156) - labelWidth
/** Photo box in pixels (docx uses 96 px per inch): 58 × 44 mm, as in the printed notice. */
const photoBox = { width: Math.round((58 / 25.4) * 96), height: Math.round((44 / 25.4) * 96) }

function cellParagraph(children: ParagraphChild[], keepNext = false) {
  return new Paragraph({ spacing: tableSpacing, keepNext, children })
}

function textCell(text: string) {
  return [cellParagraph(runs(text, { font: fonts.fangSong, size: size.table }))]
}

function row(label: string, content: Paragraph[]) {
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: labelWidth, type: WidthType.DXA },
        children: [cellParagraph(runs(label, { font: fonts.heiTi, size: size.table }))],
      }),
      new TableCell({ width: { size: valueWidth, type: WidthType.DXA }, children: content }),
    ],
  })
}

function elementParagraphs(item: NoticeDocumentItem): Paragraph[] {
  const out: Paragraph[] = []
  for (const el of item.elements) {
    if (el.label) out.push(...textCell(el.label))
    if (el.pageUrl)
      out.push(
        cellParagraph(runs(`${noticeText.page}${el.pageUrl}`, { font: fonts.fangSong, size: size.small })),
      )
    if (el.selector) out.push(cellParagraph(runs(el.selector, { font: fonts.mono, size: size.small })))
    if (el.html) {
      out.push(
        new Paragraph({
          spacing: { line: 260, lineRule: LineRuleType.EXACT },
          shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
          children: runs(el.html, { font: fonts.mono, size: size.small }),
        }),
      )
    }
  }
  const more = noticeText.moreElements(item.elementCount, item.elements.length)
  if (more) out.push(cellParagraph(runs(more, { font: fonts.fangSong, size: size.small })))
  return out
}

function evidenceParagraphs(item: NoticeDocumentItem, images: Map<string, WordImage | null>): Paragraph[] {
  return item.evidence.flatMap((ev) => {
    const image = images.get(evidenceKey(ev)) ?? null
    const picture = image
      ? new Paragraph({
          children: [
            new ImageRun({
              type: image.type,
              data: image.data,
              transformation: fitInside(image.width, image.height, photoBox.width, photoBox.height),
              altText: {
                name: printableText(ev.caption || noticeText.evidenceLabel(ev.kind)),
                description: printableText(ev.caption || noticeText.evidenceLabel(ev.kind)),
                title: printableText(ev.caption || noticeText.evidenceLabel(ev.kind)),
              },
            }),
          ],
        })
      : cellParagraph(runs(`［${missingPhotoText}］`, { font: fonts.heiTi, size: size.table }))
    const caption = ev.caption
      ? [cellParagraph(runs(ev.caption, { font: fonts.fangSong, size: size.small }))]
      : []
    return [picture, ...caption]
  })
}

function itemTable(item: NoticeDocumentItem, images: Map<string, WordImage | null>): Table {
  const rows = [
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          columnSpan: 2,
          shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            cellParagraph(
              runs(`${item.index}．${item.title}`, { font: fonts.heiTi, size: size.tableHead }),
              true,
            ),
          ],
        }),
      ],
    }),
    row(noticeText.locationLabel(item.source), textCell(itemWhereText(item))),
    row(noticeText.foundLabel, textCell(item.found)),
  ]
  if (item.elements.length > 0) rows.push(row(noticeText.elementsLabel(item.source), elementParagraphs(item)))
  rows.push(
    row(
      noticeText.clausesLabel,
      item.clauses.length > 0
        ? item.clauses.flatMap((c) => textCell(formatClause(c)))
        : textCell(noticeText.noClause),
    ),
    row(noticeText.remedyLabel, textCell(item.remedy)),
  )
  if (item.evidence.length > 0)
    rows.push(row(noticeText.evidenceHeading(item), evidenceParagraphs(item, images)))
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: labelWidth + valueWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth],
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows,
  })
}

export async function renderNoticeDocx(doc: NoticeDocumentV1, loader: EvidenceLoader): Promise<Uint8Array> {
  const loaded = await loadNoticeEvidence(
    doc.items.flatMap((i) => i.evidence),
    loader,
  )
  const images = new Map<string, WordImage | null>()
  for (const [key, image] of loaded) images.set(key, await toWordImage(image))

  const body: Array<Paragraph | Table> = [
    ...masthead(doc.issuer, doc.number ?? noticeText.previewNumber),
    titleParagraph(noticeText.title),
    emptyLine(),
    bodyParagraph(`${doc.unitName}：`, { indent: false }),
    bodyParagraph(noticeText.opening(doc)),
    heading(noticeText.heading.items),
  ]
  for (const item of doc.items)
    body.push(itemTable(item, images), new Paragraph({ spacing: tableSpacing, children: [] }))
  body.push(
    heading(noticeText.heading.deadline),
    bodyParagraph(noticeText.deadlineSentence(formatChineseDate(doc.deadline))),
    heading(noticeText.heading.reply),
    bodyParagraph(doc.replyInstructions),
  )
  if (doc.contact) body.push(heading(noticeText.heading.contact), bodyParagraph(doc.contact))
  body.push(
    emptyLine(),
    emptyLine(),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: bodySpacing,
      indent: { right: 1280 },
      keepNext: true,
      children: runs(doc.issuer, { font: fonts.fangSong, size: size.body }),
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: bodySpacing,
      indent: { right: 1280 },
      children: runs(`${formatChineseDate(doc.issuedOn)}\u3000${noticeText.seal}`, {
        font: fonts.fangSong,
        size: size.body,
      }),
    }),
  )

  return gbDocument({ creator: doc.issuer, title: noticeText.documentTitle(doc) }, body)
}
