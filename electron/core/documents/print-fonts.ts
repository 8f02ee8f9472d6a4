import { documentFontFamilies } from './cjk-fonts'

/**
 * The print fonts and page of every GB/T 9704 document the app prints (the notice, each version of it): the
 * shipped fonts first in each stack (cjk-fonts.ts), the installed 仿宋/黑体/小标宋 only as a fallback; A4 with
 * 天头 37 mm and 订口 28 mm (type area 156 × 225 mm), 22 lines of 28.95 pt; 页码 4号 between one-em dashes, 7 mm
 * under the type area, odd pages right and even pages left, one character in from the edge.
 */

export const fangSong = `"${documentFontFamilies.serif}", "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", serif`
export const heiTi = `"${documentFontFamilies.sans}", "SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", sans-serif`
export const kaiTi =
  '"KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC", serif'
// The system's Latin monospace (no CJK monospace exists to ship; code only needs to look like code); CJK inside a
// snippet falls back to the shipped sans already in the document, so a snippet adds no other CJK font to the PDF.
export const mono = `"DejaVu Sans Mono", "Consolas", "Menlo", "Liberation Mono", "Courier New", "${documentFontFamilies.sans}", "SimHei", monospace`

/**
 * Fallback only (the shipped heavy serif comes first). 小标宋 is a single heavy weight: where 方正小标宋 is
 * installed it must be used as is (a synthesised bold would smear it); where it is not, the heaviest installed
 * serif CJK face stands in. One @font-face with local() sources in that order gives exactly this.
 */
export const titleFace = `@font-face {
  font-family: "AA XiaoBiaoSong";
  src: local("方正小标宋简体"), local("方正小标宋_GBK"), local("FZXiaoBiaoSong-B05S"), local("FZXBSJW--GB1-0"),
    local("Noto Serif CJK SC Black"), local("NotoSerifCJKsc-Black"), local("Source Han Serif SC Heavy"),
    local("SourceHanSerifSC-Heavy"), local("Noto Serif CJK SC Bold"), local("NotoSerifCJKsc-Bold"),
    local("Source Han Serif SC Bold"), local("SourceHanSerifSC-Bold"), local("STSongti-SC-Black"),
    local("SimSun");
}`
export const xiaoBiaoSong = `"${documentFontFamilies.serifHeavy}", "AA XiaoBiaoSong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif`

export const pageNumberFont = `"${documentFontFamilies.serif}", "Times New Roman", "SimSun", serif`

export const linePitch = '28.95pt'

/** What the page number draws (the margin box's text is not in the document's body): its fonts must cover it. */
export const pageNumberChars = '— 0123456789'

/** A4, the GB/T 9704 margins and the page numbers (CSS @page rules). */
export const pageRules = `@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
}
@page :right {
  @bottom-right {
    content: "— " counter(page) " —";
    font: 14pt ${pageNumberFont};
    vertical-align: top;
    padding-top: 7mm;
    padding-right: 14pt;
  }
}
@page :left {
  @bottom-left {
    content: "— " counter(page) " —";
    font: 14pt ${pageNumberFont};
    vertical-align: top;
    padding-top: 7mm;
    padding-left: 14pt;
  }
}`

/** The page body, the masthead (issuer's mark, number, red rule) of every GB/T 9704 document. */
export const gbBodyCss = `* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  color: #000;
  background: #fff;
  font-family: ${fangSong};
  font-size: 16pt;
  line-height: ${linePitch};
  letter-spacing: -0.21pt;
  text-align: justify;
  overflow-wrap: anywhere;
}
@media screen {
  body { width: 156mm; margin: 12mm auto; }
}
p { margin: 0; }
.masthead { text-align: center; color: #c00; }
.issuer-mark {
  font-family: ${xiaoBiaoSong};
  font-weight: normal;
  line-height: 1.2;
  letter-spacing: 0;
  white-space: nowrap;
  margin: 0;
}
.doc-number { color: #000; margin-top: calc(2 * ${linePitch}); }
.red-rule { border: 0; border-top: 2px solid #c00; margin: 4mm 0 0; }`

/** 主送, paragraphs and first-level headings. */
export const gbTextCss = `.addressee { text-indent: 0; }
.para { text-indent: 2em; }
h2.level1 {
  font-family: ${heiTi};
  font-weight: normal;
  font-size: 16pt;
  line-height: ${linePitch};
  text-indent: 2em;
  margin: 0;
  break-after: avoid;
}`
