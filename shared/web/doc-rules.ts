import { refsForCriteria } from './clause-refs'
import type { OwnRuleMeta } from './own-rules/own-rule'

/**
 * Rules of the documents check (PDF and Office files linked from a portal's pages), in the same record shape as
 * the page rules. A document's problems become findings like a page's, with the document as the "page".
 * Under WCAG 2.x the criteria apply to documents on the web as to pages (WCAG2ICT).
 */

export const documentRules: readonly OwnRuleMeta[] = [
  {
    id: 'aa-doc-scanned',
    description: '文件应有可读取的文字，不应只是扫描图片',
    help: '用原始电子文档（Word、WPS 等）另存为 PDF，或对扫描件做文字识别（OCR）并校对，使读屏软件能读出文字、用户能放大和搜索。',
    impact: 'serious',
    refs: refsForCriteria(['1.1.1', '1.4.5']),
    method:
      '读取 PDF 前若干页：页面绘有图片而几乎没有文字层（少于 5 个字符）的为扫描页。扫描页占所检页面一半以上时判为不符合，只有部分扫描页时列为需复核；Office 文件正文几乎没有文字而含有图片时判为不符合。',
  },
  {
    id: 'aa-doc-untagged',
    description: 'PDF 文件应带有结构标签（标记为 Tagged PDF）',
    help: '导出 PDF 时勾选“创建书签 / 结构化标签 / 辅助功能文档结构标记”（Word、WPS 的“另存为 PDF”选项），使标题、段落、表格、图片替代文本能被读屏软件识别。',
    impact: 'serious',
    refs: refsForCriteria(['1.3.1']),
    method: '读取 PDF 目录中的 MarkInfo（Marked 为真）与结构树（StructTreeRoot），缺少任一项即判为不符合。',
  },
  {
    id: 'aa-doc-title',
    description: '文件应设置说明其内容的标题',
    help: '在文件属性中填写标题（Word：文件 → 信息 → 属性 → 标题），不要保留“Microsoft Word - 文档1.docx”之类的默认值；PDF 还应设置为打开时显示文档标题。',
    impact: 'moderate',
    refs: refsForCriteria(['2.4.2']),
    method:
      '读取 PDF 文档信息或 Office 文件属性（docProps/core.xml）中的标题：为空、为“about:blank”“无标题”“Untitled”，或只是文件名、“Microsoft Word - …”之类的默认值时判为不符合。',
  },
  {
    id: 'aa-doc-lang',
    description: '文件应声明主要语言',
    help: '在导出或保存时设置文档语言为中文（中国）；PDF 可在 Acrobat 的“文档属性 → 高级 → 语言”中设置为 zh-CN。',
    impact: 'moderate',
    refs: refsForCriteria(['3.1.1']),
    method:
      'PDF 读取目录中的 /Lang；Office 文件读取文件属性中的语言和默认样式中的语言设置（w:lang）。都没有时判为不符合。',
  },
  {
    id: 'aa-doc-image-alt',
    description: '文件中的图片应有替代文字',
    help: '在 Word / WPS / PowerPoint 中右键图片 → “编辑替代文字”，写明图片内容；纯装饰图片标记为“装饰性”。',
    impact: 'serious',
    refs: refsForCriteria(['1.1.1']),
    method: '读取 docx、xlsx、pptx 中每幅图片的描述属性（descr），为空且未标记为装饰性的图片判为不符合。',
  },
  {
    id: 'aa-doc-protected',
    description: '文件的安全设置不应阻止辅助技术读取内容',
    help: '取消“禁止复制内容”之类的限制，或至少允许“为辅助功能提取内容”；需要密码才能打开的文件请另行提供无密码的公开版本。',
    impact: 'serious',
    refs: refsForCriteria(['4.1.2']),
    method: 'PDF 设有权限限制且不允许“为辅助功能提取内容”时判为不符合；需要密码才能打开时列为需复核。',
  },
  {
    id: 'aa-doc-unchecked',
    description: '无法自动检查的文件需要人工检查',
    help: '请人工打开该文件，检查其文字是否可读、标题与语言、图片替代文字和表格表头；旧版 Office、WPS 和 OFD 格式建议同时提供 PDF（带标签）或 docx 版本。',
    impact: 'minor',
    refs: refsForCriteria(['1.1.1', '1.3.1']),
    method:
      '旧版 Office（doc、xls、ppt）、WPS、OFD 等格式，以及下载失败、超过大小或时间限制、已损坏的文件，列为需复核并写明原因。',
  },
]

export type DocumentRuleId =
  | 'aa-doc-scanned'
  | 'aa-doc-untagged'
  | 'aa-doc-title'
  | 'aa-doc-lang'
  | 'aa-doc-image-alt'
  | 'aa-doc-protected'
  | 'aa-doc-unchecked'

const byId = new Map(documentRules.map((r) => [r.id, r]))

export function getDocumentRule(id: string): OwnRuleMeta | undefined {
  return byId.get(id)
}

export interface DocumentLimits {
  maxPerRun: number
  maxBytes: number
  downloadTimeoutMs: number
  parseTimeoutMs: number
  workerMemoryMb: number
  pdfPages: number
}

/** Bounds of the documents check per portal run (README: "Documents linked from portals"). */
export const documentLimits: Readonly<DocumentLimits> = {
  /** Documents checked per run (the first ones found; the rest are listed as not checked). */
  maxPerRun: 30,
  /** Largest file downloaded. */
  maxBytes: 25 * 1024 * 1024,
  /** Download time per file. */
  downloadTimeoutMs: 30_000,
  /** Parse time per file (worker thread, terminated beyond it). */
  parseTimeoutMs: 20_000,
  /** Memory of the parsing worker. */
  workerMemoryMb: 384,
  /** PDF pages examined for a text layer. */
  pdfPages: 12,
}

/** Why a document was not checked (or not fully): stored with its result, shown as the reason in zh-CN. */
export type DocumentSkipReason =
  | 'format' // a format nothing reads reliably (doc, xls, WPS, OFD …)
  | 'count' // beyond the run's document limit
  | 'download' // network error, HTTP error status, not a document
  | 'too-large' // over the size limit, or a zip that inflates beyond it
  | 'timeout' // download or parse time limit
  | 'memory' // the parser exceeded its memory cap
  | 'broken' // the parser could not read it

/** One problem of a document (a rule of `documentRules`). */
export interface DocumentProblemResult {
  ruleId: DocumentRuleId
  needsReview: boolean
  /** zh-CN: what was found in this file. */
  detail: string
}

/**
 * The documents check's result for one document a run's pages link to (stored in audit_documents, listed per
 * portal in the reports). Text from the portal (url, link text, title) is untrusted.
 */
export interface DocumentCheckResult {
  url: string
  format: string
  /** The first page found linking to it, and that link's text. */
  foundOn: string
  linkText: string
  status: 'checked' | 'failed' | 'not-checked'
  /** Set unless status is 'checked'. */
  reason?: DocumentSkipReason
  /** zh-CN detail of the reason. */
  reasonDetail?: string
  /** Pages of a PDF; document title when one is set. */
  pageCount?: number
  title?: string
  bytes?: number
  problems: DocumentProblemResult[]
}
