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
  TabStopType,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx'
import {
  formatChineseDate,
  type EvidenceLoader,
  type NoticeColophon,
  type NoticeDocumentV2,
  type NoticePhoto,
} from '../../../../shared/domain/notice-document'
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
import { fitInside, toWordImage, type WordImage } from '../evidence-image'
import { printableText } from '../html-escape'
import { evidenceKey, loadNoticeEvidence } from '../notice-evidence'
import { copyToText, listColumns, listRows, noticeWords, type Cell, type RunStyle } from './list-table'
import { photoLayout } from './photo-pages'

/**
 * A version 2 notice as an editable Word file: the same body, 附件1 问题清单 (the same cells as the printed table, its
 * header row repeated on each page) and 附件2 (every picture once, two a row, captioned), then the 版记. Word lays
 * out the pages itself, so the 版记 follows the last attachment rather than sitting at the page foot; an office
 * that needs it there moves it before printing (the PDF places it there).
 */

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const borders = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
}
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const noBorders = {
  top: noBorder,
  bottom: noBorder,
  left: noBorder,
  right: noBorder,
  insideHorizontal: noBorder,
  insideVertical: noBorder,
}

/** 五号 (10.5 pt) table text, 9 pt notes, 8 pt code. */
const tableSize = { text: 21, note: 18, code: 16 }

const runStyles: Record<RunStyle, Omit<IRunOptions, 'text' | 'break'>> = {
  plain: { font: fonts.fangSong, size: tableSize.text },
  strong: { font: fonts.heiTi, size: tableSize.text },
  note: { font: fonts.fangSong, size: tableSize.note },
  url: { font: fonts.fangSong, size: tableSize.note },
  code: { font: fonts.mono, size: tableSize.code },
}

function cellParagraphs(cell: Cell, alignment?: 'center'): Paragraph[] {
  if (cell.length === 0) return [new Paragraph({ spacing: tableSpacing, children: [] })]
  return cell.map(
    (paragraph) =>
      new Paragraph({
        spacing: { line: 300, lineRule: LineRuleType.EXACT },
        alignment: alignment === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        ...(paragraph.length === 1 && paragraph[0]!.style === 'code'
          ? { shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } }
          : {}),
        children: paragraph.flatMap((r) => runs(r.text, runStyles[r.style])),
      }),
  )
}

function listTable(doc: NoticeDocumentV2): Table {
  const widths = listColumns.map((c) => mm(c.mm))
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: listColumns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: runs(c.header, { font: fonts.heiTi, size: tableSize.text }),
            }),
          ],
        }),
    ),
  })
  const total = widths.reduce((a, b) => a + b, 0)
  const rows = listRows(doc).map((row) =>
    row.kind === 'group'
      ? new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: listColumns.length,
              width: { size: total, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
              children: [
                new Paragraph({
                  keepNext: true,
                  children: runs(row.text, { font: fonts.heiTi, size: tableSize.text }),
                }),
              ],
            }),
          ],
        })
      : new TableRow({
          children: row.cells.map(
            (cell, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                children: cellParagraphs(cell, i === 0 ? 'center' : undefined),
              }),
          ),
        }),
  )
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    borders,
    rows: [header, ...rows],
  })
}

/** Picture box in pixels (docx uses 96 px per inch), as in the printed 附件2. */
const pictureBox = {
  width: Math.round((photoLayout.imageWidthMm / 25.4) * 96),
  height: Math.round((photoLayout.imageHeightMm / 25.4) * 96),
}

function figureCell(photo: NoticePhoto | undefined, images: Map<string, WordImage | null>): TableCell {
  const width = { size: mm(78), type: WidthType.DXA }
  if (!photo) return new TableCell({ width, children: [new Paragraph({ children: [] })] })
  const caption = noticeWords.caption(photo)
  const image = images.get(evidenceKey(photo)) ?? null
  const picture = image
    ? new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: image.type,
            data: image.data,
            transformation: fitInside(image.width, image.height, pictureBox.width, pictureBox.height),
            altText: {
              name: printableText(caption),
              description: printableText(caption),
              title: printableText(caption),
            },
          }),
        ],
      })
    : new Paragraph({
        alignment: AlignmentType.CENTER,
        children: runs(`［${noticeWords.missingPhoto}］`, { font: fonts.heiTi, size: size.table }),
      })
  return new TableCell({
    width,
    children: [picture, new Paragraph({ spacing: { after: 120 }, children: runs(caption, runStyles.note) })],
  })
}

function photoTable(doc: NoticeDocumentV2, images: Map<string, WordImage | null>): Table {
  const rows: TableRow[] = []
  for (let i = 0; i < doc.photos.length; i += 2) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [figureCell(doc.photos[i], images), figureCell(doc.photos[i + 1], images)],
      }),
    )
  }
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(156), type: WidthType.DXA },
    columnWidths: [mm(78), mm(78)],
    borders: noBorders,
    rows,
  })
}

function attachmentHeading(n: number, title: string): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      spacing: bodySpacing,
      children: runs(noticeWords.attachment(n), { font: fonts.heiTi, size: size.body }),
    }),
    emptyLine(),
    titleParagraph(title),
    emptyLine(),
  ]
}

function attachmentsNote(doc: NoticeDocumentV2): Paragraph[] {
  const many = doc.attachments.length > 1
  return doc.attachments.map(
    (name, i) =>
      new Paragraph({
        spacing: bodySpacing,
        // 左空二字; later names align with the first name after "附件：".
        indent: { left: 640 + 960, hanging: 960 },
        children: runs(`${i === 0 ? noticeWords.attachmentsLabel : ''}${many ? `${i + 1}.` : ''}${name}`, {
          font: fonts.fangSong,
          size: size.body,
        }),
      }),
  )
}

function colophonParagraphs(colophon: NoticeColophon): Paragraph[] {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 }
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 }
  const font = { font: fonts.fangSong, size: size.pageNumber }
  const out: Paragraph[] = [emptyLine()]
  if (colophon.copyTo) {
    out.push(
      new Paragraph({
        keepNext: true,
        indent: { left: 280 + 840, right: 280, hanging: 840 },
        border: { top: thick, bottom: thin },
        children: runs(`${noticeWords.copyTo}${copyToText(colophon.copyTo)}`, font),
      }),
    )
  }
  out.push(
    new Paragraph({
      indent: { left: 280, right: 280 },
      border: { ...(colophon.copyTo ? {} : { top: thick }), bottom: thick },
      tabStops: [{ type: TabStopType.RIGHT, position: mm(156) - 560 }],
      children: runs(`${colophon.printer}\t${noticeWords.printed(colophon)}`, font),
    }),
  )
  return out
}

export async function renderNoticeDocx(doc: NoticeDocumentV2, loader: EvidenceLoader): Promise<Uint8Array> {
  const loaded = await loadNoticeEvidence(doc.photos, loader)
  const images = new Map<string, WordImage | null>()
  for (const [key, image] of loaded) images.set(key, await toWordImage(image))

  const body: Array<Paragraph | Table> = [
    ...masthead(doc.issuer, doc.number ?? noticeWords.previewNumber),
    titleParagraph(doc.title),
    emptyLine(),
    bodyParagraph(`${doc.unitName}：`, { indent: false }),
    ...doc.body.map((b) => (b.kind === 'heading' ? heading(b.text) : bodyParagraph(b.text))),
    emptyLine(),
    ...attachmentsNote(doc),
    // Room for the seal, which is stamped on paper over the signature and the date.
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
      children: runs(formatChineseDate(doc.issuedOn), { font: fonts.fangSong, size: size.body }),
    }),
  ]
  if (doc.items.length > 0) body.push(...attachmentHeading(1, doc.attachments[0] ?? ''), listTable(doc))
  if (doc.photos.length > 0)
    body.push(...attachmentHeading(2, doc.attachments[1] ?? ''), photoTable(doc, images))
  if (doc.colophon) body.push(...colophonParagraphs(doc.colophon))
  return gbDocument({ creator: doc.issuer, title: noticeWords.documentTitle(doc) }, body)
}
