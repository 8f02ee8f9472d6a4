import {
  gbBodyCss,
  gbTextCss,
  heiTi,
  linePitch,
  mono,
  pageRules,
  titleFace,
  xiaoBiaoSong,
} from '../print-fonts'
import { colophonLineMm, photoLayout } from './photo-pages'

/**
 * Print styles of the version 2 notice, after GB/T 9704-2012 《党政机关公文格式》:
 * - the page (print-fonts.ts): A4, 版心 156 × 225 mm, 22 lines of 28.95 pt, 页码 4号 outside the type area;
 * - 版头: the issuer's mark in red 小标宋, the 发文字号 two lines under it, the red rule;
 * - 主体: 标题 2号 小标宋 two lines under the rule; 主送 flush left; 正文 3号 仿宋 with 黑体 first-level headings;
 *   附件说明 one line under the text, 2 characters in, later names aligned with the first; 发文机关署名 and 成文日期
 *   right, four characters in from the right, with room above them for the seal, which is stamped on paper
 *   (nothing is printed in its place);
 * - 附件 on new pages: "附件1" 3号 黑体 on the first line, the title on the third; 问题清单 as a 五号 table whose
 *   header repeats on each page; 附件2 in fixed boxes (photo-pages.ts);
 * - 版记: 4号 仿宋 between a thick first and last rule and thin rules inside, at the foot of the last page.
 */
export const noticeCss = `${titleFace}
${pageRules}
${gbBodyCss}
@media screen {
  .attachment, .photo-page { border-top: 1px dashed #999; padding-top: 6mm; margin-top: 12mm; }
}
h1.title, .attachment-title {
  font-family: ${xiaoBiaoSong};
  font-weight: normal;
  font-size: 22pt;
  line-height: 1.4;
  letter-spacing: 0;
  text-align: center;
}
h1.title { margin: calc(2 * ${linePitch}) 0 ${linePitch}; }
${gbTextCss}
.attachments { margin-top: ${linePitch}; padding-left: 2em; display: flex; break-before: avoid; break-inside: avoid; }
.attachments .name { display: block; }
/*
 * 成文日期右空四字; 发文机关署名 centred over the date. The seal is stamped on paper over both, its top within a line
 * of the text above: two lines of space are kept above the signature, and 7.5 mm below it for the seal's lower
 * part, so a signature near the page foot moves to the next page whole. break-before: avoid (here and on the
 * 附件说明) brings the last lines of the text with it: no page holds the signature alone.
 */
.signature {
  break-inside: avoid;
  break-before: avoid;
  margin-top: calc(2 * ${linePitch});
  padding-right: 4em;
  padding-bottom: 7.5mm;
  text-align: right;
}
.sig-block { display: inline-block; text-align: center; }
.sig-block span { display: block; white-space: nowrap; }
.attachment { break-before: page; }
.attachment-label { font-family: ${heiTi}; text-indent: 0; }
.attachment-title { margin: ${linePitch} 0 4mm; }
table.list {
  width: 100%;
  border-collapse: collapse;
  table-layout: fixed;
  font-size: 10.5pt;
  line-height: 1.4;
  letter-spacing: 0;
  text-align: left;
}
table.list th, table.list td { border: 0.5pt solid #000; padding: 0.8mm 1.2mm; vertical-align: top; }
table.list thead { display: table-header-group; }
table.list thead th { font-family: ${heiTi}; font-weight: normal; text-align: center; vertical-align: middle; }
table.list tr { break-inside: avoid; }
table.list tr.group th { font-family: ${heiTi}; font-weight: normal; text-align: left; background: #f2f2f2; break-after: avoid; }
table.list td.index { text-align: center; }
table.list p + p { margin-top: 0.5mm; }
table.list .strong { font-family: ${heiTi}; }
table.list .note { font-size: 9pt; color: #222; }
table.list .url { font-size: 8.5pt; word-break: break-all; }
table.list .code {
  display: block;
  font-family: ${mono};
  font-size: 8pt;
  line-height: 1.3;
  padding: 0.6mm 1mm;
  background: #f4f4f4;
  border: 0.4pt solid #aaa;
  white-space: pre-wrap;
  word-break: break-all;
}
.photo-page {
  break-before: page;
  height: ${photoLayout.pageMm}mm;
  overflow: hidden;
  position: relative;
}
.photo-page .attachment-label { height: calc(2 * ${linePitch}); }
.photo-page header { height: ${photoLayout.headerMm}mm; }
.photo-page .attachment-title { margin: 0; }
.photo-grid {
  display: grid;
  grid-template-columns: repeat(${photoLayout.perRow}, ${photoLayout.imageWidthMm}mm);
  column-gap: ${photoLayout.columnGapMm}mm;
  row-gap: ${photoLayout.rowGapMm}mm;
}
figure { margin: 0; width: ${photoLayout.imageWidthMm}mm; }
.frame {
  width: ${photoLayout.imageWidthMm}mm;
  height: ${photoLayout.imageHeightMm}mm;
  border: 0.5pt solid #999;
  display: flex;
  align-items: center;
  justify-content: center;
  overflow: hidden;
}
.frame img { display: block; max-width: 100%; max-height: 100%; object-fit: contain; }
.photo-missing { font-family: ${heiTi}; font-size: 12pt; color: #444; }
figcaption {
  margin-top: 1mm;
  height: ${photoLayout.captionMm}mm;
  font-size: 8.5pt;
  line-height: 1.3;
  letter-spacing: 0;
  text-align: left;
  overflow: hidden;
  display: -webkit-box;
  -webkit-line-clamp: 3;
  -webkit-box-orient: vertical;
}
.colophon {
  font-size: 14pt;
  line-height: ${colophonLineMm}mm;
  letter-spacing: 0;
  border-top: 0.35mm solid #000;
  border-bottom: 0.35mm solid #000;
  break-inside: avoid;
}
.photo-page .colophon { position: absolute; left: 0; right: 0; bottom: 0; }
.flow-colophon { margin-top: ${linePitch}; }
.colophon p { padding: 1mm 1em; }
.colophon .copy-to { padding-left: calc(1em + 3em); text-indent: -3em; border-bottom: 0.25mm solid #000; }
.colophon .printed { display: flex; justify-content: space-between; }
.preview-mark { color: #666; }
`
