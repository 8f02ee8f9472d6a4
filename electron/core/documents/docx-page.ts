import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
  type IRunOptions,
} from 'docx'
import { printableText } from './html-escape'

/**
 * The Word side of a GB/T 9704-2012 document (every notice version): A4 with margins 37/26/35/28 mm, 22 lines of
 * 28 characters, 标题 2号小标宋, 正文 3号仿宋, 页码 4号 outside the type area. Fonts are named as Word on Windows
 * knows them (仿宋, 黑体, 楷体, 方正小标宋简体); Word substitutes a close face where one is missing. Unlike the PDF,
 * which carries the shipped Noto fonts (cjk-fonts.ts), a Word file uses the fonts of the computer that opens it:
 * it is the editable copy, set the way an office would set it by hand. The docx library writes all text
 * XML-escaped; characters XML cannot carry are removed first (printableText), so hostile text from an audited page
 * can neither inject markup nor corrupt the file.
 */

/** Millimetres to twips, rounded (the library's converter truncates: 37 mm would become 2097, not 2098). */
export const mm = (value: number) => Math.round((value * 1440) / 25.4)

const latin = 'Times New Roman'
export const font = (eastAsia: string, ascii = latin) => ({ ascii, hAnsi: ascii, eastAsia, cs: ascii })
export const fonts = {
  fangSong: font('仿宋'),
  heiTi: font('黑体'),
  kaiTi: font('楷体'),
  xiaoBiaoSong: font('方正小标宋简体'),
  mono: font('黑体', 'Consolas'),
}
/** Sizes in half-points. */
export const size = { title: 44, body: 32, table: 24, tableHead: 26, small: 18, pageNumber: 28 }
/** 225 mm / 22 lines, in twips. */
export const linePitch = 579
export const bodySpacing = { line: linePitch, lineRule: LineRuleType.EXACT }
export const tableSpacing = { line: 360, lineRule: LineRuleType.EXACT }
export const red = 'CC0000'

/** Runs for a text whose line breaks are kept. */
export function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'>): TextRun[] {
  return printableText(text)
    .split(/\r\n?|\n/)
    .map((line, i) => new TextRun({ ...options, text: line, break: i > 0 ? 1 : undefined }))
}

export function bodyParagraph(
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

export function heading(text: string) {
  return new Paragraph({
    spacing: bodySpacing,
    indent: { firstLine: 640 },
    keepNext: true,
    children: runs(text, { font: fonts.heiTi, size: size.body }),
  })
}

export const emptyLine = () => new Paragraph({ spacing: bodySpacing, children: [] })

/** 版头: the issuer's mark in red 小标宋, two lines, the number over the red rule, two lines. */
export function masthead(issuer: string, number: string): Paragraph[] {
  const issuerChars = Math.max([...issuer].length, 1)
  const issuerSize = Math.max(24, Math.min(60, Math.floor((420 / issuerChars) * 2)))
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(issuerSize * 12), lineRule: LineRuleType.EXACT },
      children: runs(issuer, { font: fonts.xiaoBiaoSong, size: issuerSize, color: red }),
    }),
    emptyLine(),
    emptyLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: bodySpacing,
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space: 11 } },
      children: runs(number, { font: fonts.fangSong, size: size.body }),
    }),
    emptyLine(),
    emptyLine(),
  ]
}

export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT },
    children: runs(text, { font: fonts.xiaoBiaoSong, size: size.title }),
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

/** The whole file: one GB/T 9704 section holding `children`, page numbers odd right and even left. */
export async function gbDocument(
  meta: { creator: string; title: string },
  children: Array<Paragraph | Table>,
): Promise<Uint8Array> {
  const document = new Document({
    creator: printableText(meta.creator),
    title: printableText(meta.title),
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
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
