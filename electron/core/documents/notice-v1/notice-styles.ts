import {
  gbBodyCss,
  gbTextCss,
  heiTi,
  kaiTi,
  linePitch,
  mono,
  pageRules,
  titleFace,
  xiaoBiaoSong,
} from '../print-fonts'

export { linePitch, pageNumberChars } from '../print-fonts'

/**
 * Print styles of the 整改通知书, after GB/T 9704-2012 《党政机关公文格式》:
 * - A4 (210 × 297 mm); 天头 (top margin) 37 mm, 订口 (left margin) 28 mm, 版心 (type area) 156 × 225 mm, so
 *   right 26 mm and bottom 35 mm;
 * - 标题 2号 (22 pt) 小标宋, centred; 正文 3号 (16 pt) 仿宋; 一级标题 黑体, 二级标题 楷体;
 * - 22 lines of 28 characters per page: a line pitch of 225 mm / 22 ≈ 28.95 pt, and 156 mm / 28 ≈ 15.79 pt per
 *   character (a 16 pt glyph with −0.21 pt tracking);
 * - 页码 4号 (14 pt) 半角 Arabic numerals between one-em dashes, 7 mm below the type area, odd pages on the right
 *   and even pages on the left, one character in from the edge.
 * Fonts are shipped with the app (cjk-fonts.ts: Noto Serif SC, its Black weight and Noto Sans SC, embedded per
 * document as data: URLs), first in every stack, so the notice prints the same on every computer. No open 仿宋 or
 * 小标宋 is available as a package: the body is set in the open 宋体-style serif and the title in its heaviest
 * weight, the closest open faces. The installed fonts named after them are only a fallback should the shipped files
 * be missing. Word, which cannot carry web fonts, names 仿宋/黑体/方正小标宋简体 (see notice-docx.ts).
 */

/**
 * How far the seal reaches below the signature's two lines: its centre sits at the lines' middle, raised by 8 % of
 * its 42 mm, so it ends 42 × (0.5 − 0.08) = 17.64 mm below that middle, i.e. 17.64 − 28.95 pt (10.21 mm) = 7.43 mm
 * below the date line; rounded up.
 */
const sealReachBelowText = '7.5mm'

export const noticeCss = `${titleFace}
${pageRules}
${gbBodyCss}
h1.title {
  font-family: ${xiaoBiaoSong};
  font-weight: normal;
  font-size: 22pt;
  line-height: 1.4;
  letter-spacing: 0;
  text-align: center;
  margin: calc(2 * ${linePitch}) 0 ${linePitch};
}
${gbTextCss}
.level2 { font-family: ${kaiTi}; }
.items { margin: 3mm 0 2mm; }
table.item {
  width: 100%;
  border-collapse: collapse;
  table-layout: fixed;
  margin: 0 0 4mm;
  font-size: 12pt;
  line-height: 1.5;
  letter-spacing: 0;
}
table.item th, table.item td { border: 0.75pt solid #000; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; }
table.item tr { break-inside: avoid; }
table.item thead th { font-family: ${heiTi}; font-weight: normal; font-size: 13pt; background: #f2f2f2; }
/* The item title repeats above the rest of an item that runs onto the next page. */
table.item thead { display: table-header-group; }
table.item col.label-col { width: 27mm; }
table.item .label { font-family: ${heiTi}; font-weight: normal; }
.clause { display: block; }
.element { margin: 0 0 1.5mm; }
.element .page-url, .element .selector { display: block; font-size: 9pt; color: #333; }
code, pre.snippet { font-family: ${mono}; font-size: 9pt; line-height: 1.35; }
pre.snippet {
  margin: 0.5mm 0 0;
  padding: 1mm 1.5mm;
  border: 0.5pt solid #999;
  background: #f6f6f6;
  white-space: pre-wrap;
  word-break: break-all;
}
.more { color: #333; }
.evidence { display: flex; flex-wrap: wrap; gap: 3mm; }
figure { margin: 0; width: 58mm; break-inside: avoid; }
figure img { display: block; max-width: 58mm; max-height: 44mm; border: 0.5pt solid #999; }
figcaption { font-size: 9pt; line-height: 1.3; color: #333; }
.photo-missing {
  width: 58mm;
  height: 24mm;
  border: 1pt dashed #666;
  display: flex;
  align-items: center;
  justify-content: center;
  font-family: ${heiTi};
  font-size: 12pt;
  color: #444;
}
.closing { break-inside: avoid; }
/*
 * 成文日期右空四字; 发文机关署名 centred over the date; the seal centred on both, the text a little below its centre.
 * The seal (42 mm) is taller than the two lines it sits on and reaches 7.5 mm below them: padding-bottom keeps that
 * part inside the block, so a signature near the page foot moves to the next page whole instead of spilling a page
 * that holds only the seal's lower arc and the page number. break-before: avoid brings the last lines of the text
 * with it, as GB/T 9704 asks (no page with the signature alone).
 */
.signature {
  break-inside: avoid;
  break-before: avoid;
  margin-top: calc(2 * ${linePitch});
  padding-right: 4em;
  padding-bottom: ${sealReachBelowText};
  text-align: right;
}
.sig-block { display: inline-block; position: relative; text-align: center; }
.sig-block span { display: block; white-space: nowrap; }
.seal {
  position: absolute;
  left: 50%;
  top: 50%;
  transform: translate(-50%, -58%);
  width: 42mm;
  height: 42mm;
  border: 1.2pt dashed #c00;
  border-radius: 50%;
  color: #c00;
  font-size: 12pt;
  letter-spacing: 0;
  display: flex;
  align-items: flex-start;
  justify-content: center;
  padding-top: 6mm;
}
.preview-mark { color: #666; }
`
