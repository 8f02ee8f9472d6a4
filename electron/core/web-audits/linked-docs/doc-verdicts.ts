import type { DocumentProblemResult } from '../../../../shared/web/doc-rules'
import { documentFormatNames } from '../../../../shared/web/document-types'
import type { DocumentFacts, OoxmlFacts, PdfFacts } from './doc-parse'

/** Pure decisions of the documents check, on the facts the worker read (unit-tested with hand-made facts). */

export type DocumentProblem = DocumentProblemResult

/** Titles that say nothing: empty, a browser's or an editor's default, or the file name. */
export function meaninglessTitle(title: string): boolean {
  const t = title.trim()
  if (!t) return true
  if (
    /^(about:blank|untitled|无标题|未命名|新建\s*.*文档|文档\s*\d*|document\s*\d*|microsoft\s+(word|excel|powerpoint)\s*-)/i.test(
      t,
    )
  )
    return true
  return /\.(docx?|xlsx?|pptx?|pdf|wps|et|dps|txt|rtf)$/i.test(t)
}

/** Image-only pages: something is drawn as an image and there is (almost) no text layer. */
const scannedPage = (p: { chars: number; images: number }): boolean => p.images > 0 && p.chars < 5

function pdfProblems(f: PdfFacts): DocumentProblem[] {
  if (f.password)
    return [
      {
        ruleId: 'aa-doc-protected',
        needsReview: true,
        detail: '文件需要密码才能打开，无法检查其内容；公开的文件不应设置打开密码。',
      },
    ]
  const out: DocumentProblem[] = []
  const pages = f.pages ?? []
  const scanned = pages.filter(scannedPage).length
  if (pages.length > 0 && scanned * 2 >= pages.length)
    out.push({
      ruleId: 'aa-doc-scanned',
      needsReview: false,
      detail: `所检 ${pages.length} 页中有 ${scanned} 页只有图片、没有文字层（扫描件），读屏软件读不出内容。`,
    })
  else if (scanned > 0)
    out.push({
      ruleId: 'aa-doc-scanned',
      needsReview: true,
      detail: `所检 ${pages.length} 页中有 ${scanned} 页只有图片、没有文字层，请确认这些页面的内容是否另有文字版本。`,
    })
  if (!f.marked || !f.structTree)
    out.push({
      ruleId: 'aa-doc-untagged',
      needsReview: false,
      detail: `PDF 没有结构标签（${!f.marked ? '未标记为 Tagged PDF' : '缺少结构树'}），读屏软件无法识别标题、段落和表格。`,
    })
  if (meaninglessTitle(f.title ?? ''))
    out.push({
      ruleId: 'aa-doc-title',
      needsReview: false,
      detail: f.title ? `文档标题为“${f.title.slice(0, 60)}”，不能说明文件内容。` : 'PDF 没有设置文档标题。',
    })
  if (!f.lang)
    out.push({
      ruleId: 'aa-doc-lang',
      needsReview: false,
      detail: 'PDF 没有声明语言（/Lang），读屏软件可能用错误的语言朗读。',
    })
  if (f.accessibilityAllowed === false)
    out.push({
      ruleId: 'aa-doc-protected',
      needsReview: false,
      detail: 'PDF 的权限设置不允许为辅助功能提取内容，读屏软件可能无法读取。',
    })
  return out
}

function ooxmlProblems(f: OoxmlFacts): DocumentProblem[] {
  const out: DocumentProblem[] = []
  const name = documentFormatNames[f.format] ?? f.format
  if (f.images > 0 && f.chars < 20)
    out.push({
      ruleId: 'aa-doc-scanned',
      needsReview: false,
      detail: `${name} 文件正文几乎没有文字，内容是 ${f.images} 幅图片。`,
    })
  if (meaninglessTitle(f.title))
    out.push({
      ruleId: 'aa-doc-title',
      needsReview: false,
      detail: f.title
        ? `文件属性中的标题为“${f.title.slice(0, 60)}”，不能说明文件内容。`
        : '文件属性中没有填写标题。',
    })
  if (f.langs.length === 0)
    out.push({ ruleId: 'aa-doc-lang', needsReview: false, detail: '文件没有设置语言。' })
  if (f.imagesWithoutAlt > 0)
    out.push({
      ruleId: 'aa-doc-image-alt',
      needsReview: false,
      detail: `共 ${f.images} 幅图片，其中 ${f.imagesWithoutAlt} 幅没有替代文字。`,
    })
  return out
}

export function documentProblems(facts: DocumentFacts): DocumentProblem[] {
  return facts.kind === 'pdf' ? pdfProblems(facts) : ooxmlProblems(facts)
}
