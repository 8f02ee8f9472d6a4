import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { axeRuleIds } from '../../shared/web/axe-rule-map'
import { ownRuleIds } from '../../shared/web/own-rules'

/**
 * A text lint for what a unit reads in a rendered 整改通知书 (the PDF's text, the Word paragraphs, the Excel cells):
 * broken sentences ("：。", "。。", a colon with nothing after it), English left in the text, the tool's internals
 * (axe, rule ids, selectors, "按 WCAG 判断", links to vendors' English pages, undefined/null/NaN) and impossible
 * figures ("高出 -2 dB"). `evidence` lists what the notice quotes verbatim from an audited site (its page URLs and
 * HTML snippets): quoted, it is not the notice's own wording, so it is taken out before the checks.
 */

export interface LintProblem {
  rule: string
  /** The text around the problem. */
  at: string
}

const hyphenatedRuleIds = [...axeRuleIds, ...ownRuleIds].filter((id) => id.includes('-'))
const allRuleIds = [...axeRuleIds, ...ownRuleIds]

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The quoted text, allowing the line breaks and spaces a PDF's text extraction puts anywhere inside it. */
function looseRegExp(quote: string): RegExp {
  const chars = [...quote.replace(/\s+/g, '')].map(escapeRegExp)
  return new RegExp(chars.join('\\s*'), 'g')
}

export function withoutEvidence(text: string, evidence: readonly string[]): string {
  let out = text
  // Longest first, so a page URL inside a snippet does not break the snippet's match.
  for (const quote of [...evidence].filter((q) => q.trim().length > 0).sort((a, b) => b.length - a.length)) {
    out = out.replace(looseRegExp(quote), ' 〔引文〕 ')
  }
  return out
}

const checks: ReadonlyArray<{ rule: string; pattern: RegExp }> = [
  { rule: '冒号后紧跟句号（空列表）', pattern: /[：:]\s*[。．.](?!\d)/g },
  { rule: '重复句号', pattern: /。\s*。/g },
  { rule: '逗号或分号后紧跟句号', pattern: /[，；、]\s*。/g },
  { rule: '工具名 axe', pattern: /\baxe(?:-core)?\b/gi },
  { rule: '按 WCAG 判断（工具内部说法）', pattern: /WCAG\s*判断/g },
  { rule: '英文厂商链接', pattern: /deque|dequeuniversity/gi },
  { rule: '链接（通知书不应含有本站以外的链接）', pattern: /https?:\/\/\S+/g },
  { rule: '程序值', pattern: /\b(?:undefined|null|NaN|Infinity)\b|\[object \w+\]/g },
  {
    rule: '负数数值',
    pattern:
      /(?:高出|低于|超过|大于|小于|不足|相差|差|为|实测)\s*[-−]\s*\d|[（(：:\s][-−]\d+(?:\.\d+)?\s*(?:dB|mm|cm|m|%|°|N|s|秒|米|毫米|分贝)/g,
  },
  {
    rule: '选择器写法',
    pattern:
      /:nth-(?:child|of-type)|>>>|\s>\s[a-z#.[]|[a-z]\[[a-z-]+(?:=[^\]]*)?\]|#[A-Za-z][\w-]*\.[A-Za-z]|选择器|selector/gi,
  },
  {
    rule: '规则编号',
    pattern: new RegExp(`(?<![\\w-])(?:${hyphenatedRuleIds.map(escapeRegExp).join('|')})(?![\\w-])`, 'g'),
  },
  {
    rule: '括号中的规则编号',
    pattern: new RegExp(`[（(](?:${allRuleIds.map(escapeRegExp).join('|')})[）)]`, 'g'),
  },
  { rule: '英文句子', pattern: /[A-Za-z][A-Za-z'’]*(?:[\s,;:"“”]+[A-Za-z][A-Za-z'’]*){3,}/g },
]

/**
 * A block (a Word paragraph, an Excel cell, a PDF line) that ends with a colon must be followed by what it
 * announces: a colon at the end of a block followed by nothing, or by a blank, is an empty list.
 */
function emptyListsAfterColon(blocks: readonly string[]): LintProblem[] {
  const problems: LintProblem[] = []
  blocks.forEach((block, i) => {
    if (!/[：:]\s*$/.test(block)) return
    const next = blocks.slice(i + 1).find((b) => b.trim() !== '')
    const blankFollows = i + 1 >= blocks.length || blocks[i + 1]!.trim() === ''
    if (next === undefined || blankFollows) {
      problems.push({ rule: '冒号后没有内容（空列表）', at: block.trim().slice(-40) })
    }
  })
  return problems
}

/**
 * `blocks`: the text in its natural units (paragraphs, cells, lines), so a colon closing a unit can be told from one
 * whose list follows.
 */
export function lintNoticeBlocks(blocks: readonly string[], evidence: readonly string[] = []): LintProblem[] {
  const cleaned = blocks.map((b) => withoutEvidence(b, evidence))
  const whole = cleaned.join('\n')
  const problems: LintProblem[] = []
  for (const { rule, pattern } of checks) {
    for (const match of whole.matchAll(pattern)) {
      const start = Math.max(0, match.index - 20)
      problems.push({ rule, at: whole.slice(start, match.index + match[0].length + 20).replace(/\s+/g, ' ') })
    }
  }
  // A PDF's text wraps lines where the layout does: judge sentences on the text with the line breaks removed.
  const squashed = whole.replace(/\s*\n\s*/g, '')
  for (const pattern of [/[：:][。．]/g, /。。/g]) {
    for (const match of squashed.matchAll(pattern)) {
      const at = squashed.slice(Math.max(0, match.index - 20), match.index + 22)
      if (!problems.some((p) => p.at.includes(match[0]))) problems.push({ rule: '断句（跨行）', at })
    }
  }
  return [...problems, ...emptyListsAfterColon(cleaned)]
}

/** A PDF's text: quotes wrap across lines, so they are taken out of the whole text before it is cut in lines. */
export function lintNoticeText(text: string, evidence: readonly string[] = []): LintProblem[] {
  return lintNoticeBlocks(withoutEvidence(text, evidence).split('\n'))
}

const xmlEntities: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }

/** The Word file's paragraphs (body and table cells), as text. */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:br|tab)\/>/g)]
      .map((m) => (m[1] === undefined ? (m[0].includes('tab') ? '\t' : '\n') : m[1]))
      .join('')
      .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => xmlEntities[e]!),
  )
}

/** Every non-empty cell of every sheet, as text. */
export async function xlsxCells(bytes: Uint8Array): Promise<string[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  const cells: string[] = []
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const text = cell.text
        if (text.trim()) cells.push(text)
      }),
    ),
  )
  return cells
}
