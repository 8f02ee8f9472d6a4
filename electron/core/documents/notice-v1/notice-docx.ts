import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'
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
 * The 整改通知书 as an editable Word file, with the same content and order as the printed one and the same
 * GB/T 9704-2012 page (A4; margins 37/26/35/28 mm; 22 lines × 28 characters; 标题 2号小标宋, 正文 3号仿宋).
 * Fonts are named as Word on Windows knows them (仿宋, 黑体, 楷体, 方正小标宋简体); Word substitutes a close face
 * where one is missing. Unlike the PDF, which carries the shipped Noto fonts (cjk-fonts.ts), a Word file uses the
 * fonts of the computer that opens it: it is the editable copy, set the way an office would set it by hand. The docx library writes all text XML-escaped; characters XML cannot carry are removed
 * first (printableText), so hostile text from an audited page can neither inject markup nor corrupt the file.
 */

/** Millimetres to twips, rounded (the library's converter truncates: 37 mm would become 2097, not 2098). */
const mm = (value: number) => Math.round((value * 1440) / 25.4)

const latin = 'Times New Roman'
const font = (eastAsia: string, ascii = latin) => ({ ascii, hAnsi: ascii, eastAsia, cs: ascii })
const fonts = {
  fangSong: font('仿宋'),
  heiTi: font('黑体'),
  kaiTi: font('楷体'),
  xiaoBiaoSong: font('方正小标宋简体'),
  mono: font('黑体', 'Consolas'),
}
/** Sizes in half-points. */
const size = { title: 44, body: 32, table: 24, tableHead: 26, small: 18, pageNumber: 28 }
/** 225 mm / 22 lines, in twips. */
const linePitch = 579
const bodySpacing = { line: linePitch, lineRule: LineRuleType.EXACT }
const tableSpacing = { line: 360, lineRule: LineRuleType.EXACT }
const red = 'CC0000'

const labelWidth = mm(27)
const valueWidth = mm(156) - labelWidth
/** Photo box in pixels (docx uses 96 px per inch): 58 × 44 mm, as in the printed notice. */
const photoBox = { width: Math.round((58 / 25.4) * 96), height: Math.round((44 / 25.4) * 96) }

/** Runs for a text whose line breaks are kept. */
function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'>): TextRun[] {
  return printableText(text)
    .split(/\r\n?|\n/)
    .map((line, i) => new TextRun({ ...options, text: line, break: i > 0 ? 1 : undefined }))
}

function bodyParagraph(
  text: string,
  options: { indent?: boolean; alignment?: 'left' | 'center' | 'right' } = {},
) {
  return new Paragraph({
    spacing: bodySpacing,
    alignment:
      options.alignment === 'center'
        ? AlignmentType.CENTER
        : options.alignment === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 640 },
    children: runs(text, { font: fonts.fangSong, size: size.body }),
  })
}

function heading(text: string) {
  return new Paragraph({
    spacing: bodySpacing,
    indent: { firstLine: 640 },
    keepNext: true,
    children: runs(text, { font: fonts.heiTi, size: size.body }),
  })
}

const emptyLine = () => new Paragraph({ spacing: bodySpacing, children: [] })

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

function pageNumberFooter(alignment: 'left' | 'right') {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            font: font('宋体'),
            size: size.pageNumber,
            children: ['— ', PageNumber.CURRENT, ' —'],
          }),
        ],
      }),
    ],
  })
}

export async function renderNoticeDocx(doc: NoticeDocumentV1, loader: EvidenceLoader): Promise<Uint8Array> {
  const loaded = await loadNoticeEvidence(doc.items.flatMap((i) => i.evidence), loader)
  const images = new Map<string, WordImage | null>()
  for (const [key, image] of loaded) images.set(key, await toWordImage(image))

  const issuerChars = Math.max([...doc.issuer].length, 1)
  const issuerSize = Math.max(24, Math.min(60, Math.floor((420 / issuerChars) * 2)))
  const masthead = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(issuerSize * 12), lineRule: LineRuleType.EXACT },
      children: runs(doc.issuer, { font: fonts.xiaoBiaoSong, size: issuerSize, color: red }),
    }),
    emptyLine(),
    emptyLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: bodySpacing,
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space: 11 } },
      children: runs(doc.number ?? noticeText.previewNumber, { font: fonts.fangSong, size: size.body }),
    }),
    emptyLine(),
    emptyLine(),
  ]
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT },
    children: runs(noticeText.title, { font: fonts.xiaoBiaoSong, size: size.title }),
  })
  const body: Array<Paragraph | Table> = [
    ...masthead,
    title,
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

  const document = new Document({
    creator: printableText(doc.issuer),
    title: printableText(noticeText.documentTitle(doc)),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fonts.fangSong, size: size.body },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // Word's own A4 size in twips.
            size: { width: 11906, height: 16838 },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              footer: mm(22),
              header: mm(15),
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch, charSpace: -849 },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: body,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
