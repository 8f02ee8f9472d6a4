/// <reference lib="dom" />
import { ageingFigures } from '../../../../../shared/web/own-rules'
import { evaluateIn } from '../page-call'
import type { PageHelpers } from '../page-helpers'
import { flagsToOutcomes, MARKS_PROPERTY, type Flag } from './marked-nodes'
import type { CheckContext, OwnOutcome } from './own-check'

/**
 * Structure and typography: aa-visual-heading (text styled as a heading without heading markup, needs review),
 * aa-line-spacing (line height under the 适老化 figure in multi-line body text) and aa-text-style (long justified,
 * all-caps or italic runs, best practice). One walk over the elements holding text; decisions here.
 */

export interface HeadingCandidate {
  i: number
  text: string
  px: number
  weight: number
  /** The page's body text size (median over paragraph-like text, weighted by length). */
  basePx: number
}

export interface SpacingFacts {
  i: number
  px: number
  /** Computed line height in px; null for 'normal' (the font decides). */
  lineHeightPx: number | null
  lines: number
}

export interface StyleFacts {
  i: number
  chars: number
  /** Share of letters that are Latin. */
  latin: number
  /** Share of Latin letters in upper case. */
  upper: number
  justify: boolean
  uppercase: boolean
  italic: boolean
}

export interface TextFacts {
  headings: HeadingCandidate[]
  spacing: SpacingFacts[]
  styles: StyleFacts[]
  axeParagraphs: number
}

const MARK_KEY = 'text'

export function gatherText(
  _h: PageHelpers,
  prop: string,
  key: string,
  axeHeadings: string[],
  minRatio: number,
): TextFacts {
  const w = window as unknown as Record<string, Record<string, Element[]> | undefined>
  if (!w[prop]) Object.defineProperty(w, prop, { value: {}, enumerable: false })
  const marked: Element[] = []
  ;(w[prop] as Record<string, Element[]>)[key] = marked
  const out: TextFacts = { headings: [], spacing: [], styles: [], axeParagraphs: 0 }
  if (!document.body) return out
  const skip = new Set([
    'script',
    'style',
    'noscript',
    'template',
    'head',
    'title',
    'option',
    'select',
    'textarea',
  ])
  // Elements holding text of their own (direct text nodes), once each.
  const owners: Array<{ el: Element; own: string }> = []
  const seen = new Map<Element, number>()
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n && owners.length < 8000; n = walker.nextNode()) {
    const el = n.parentElement
    const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (!el || !text || skip.has(el.localName)) continue
    const k = seen.get(el)
    if (k === undefined) {
      seen.set(el, owners.length)
      owners.push({ el, own: text })
    } else (owners[k] as { own: string }).own += text
  }
  const shown = (el: Element): boolean =>
    typeof (el as HTMLElement).checkVisibility === 'function'
      ? (el as HTMLElement).checkVisibility({ visibilityProperty: true, opacityProperty: true })
      : el.getClientRects().length > 0
  const styles = new Map<Element, CSSStyleDeclaration>()
  const style = (el: Element): CSSStyleDeclaration => {
    let cs = styles.get(el)
    if (!cs) styles.set(el, (cs = getComputedStyle(el)))
    return cs
  }
  // Body text size: median over paragraph-like text, weighted by length.
  const sizes: Array<[number, number]> = []
  for (const { el, own } of owners)
    if (el.closest('p, li, td, dd, article') && own.length >= 10)
      sizes.push([parseFloat(style(el).fontSize), own.length])
  sizes.sort((a, b) => a[0] - b[0])
  const total = sizes.reduce((n, s) => n + s[1], 0)
  let acc = 0
  let basePx = 16
  for (const [px, len] of sizes) {
    acc += len
    if (acc * 2 >= total) {
      basePx = px
      break
    }
  }
  const axeMarked = new Set<Element>()
  for (const selector of axeHeadings) {
    try {
      const el = document.querySelector(selector)
      if (el) axeMarked.add(el)
    } catch {
      // unparsable here
    }
  }
  out.axeParagraphs = axeMarked.size
  const excluded =
    'h1,h2,h3,h4,h5,h6,[role=heading],a,button,label,legend,caption,th,summary,li,nav,[role=navigation],[role=menu],[role=menubar],[role=tablist],[role=tab],[role=button],[role=link],p,dt,option,figcaption'
  const blockOf = (el: Element): Element => {
    let node = el
    while (
      node.parentElement &&
      node.parentElement !== document.body &&
      style(node).display.startsWith('inline')
    ) {
      const parentText = ((node.parentElement as HTMLElement).innerText ?? '').trim()
      if (parentText !== ((node as HTMLElement).innerText ?? '').trim()) break
      node = node.parentElement
    }
    return node
  }
  const letters = (t: string): number => (t.match(/\p{L}/gu) ?? []).length
  for (const { el, own } of owners) {
    if (!shown(el)) continue
    const cs = style(el)
    const px = parseFloat(cs.fontSize)
    // Visual headings.
    const chars = letters(own)
    if (
      out.headings.length < 200 &&
      chars >= 2 &&
      own.length <= 30 &&
      !el.closest(excluded) &&
      !axeMarked.has(el)
    ) {
      const weight = Number(cs.fontWeight) || (cs.fontWeight === 'bold' ? 700 : 400)
      const looks = (weight >= 600 && px >= basePx * 1.2) || px >= basePx * 1.5
      if (looks) {
        const block = blockOf(el)
        const text = ((block as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim()
        const rect = block.getBoundingClientRect()
        const oneLine = rect.height > 0 && rect.height < px * 2.2
        const followed = [block.nextElementSibling, block.parentElement?.nextElementSibling].some(
          (next) => !!next && letters((next as HTMLElement).innerText ?? '') >= 10,
        )
        if (oneLine && followed && text === own && !block.closest(excluded))
          out.headings.push({ i: marked.push(block) - 1, text: own, px, weight, basePx })
      }
    }
    // Line spacing of multi-line body text (only where the element lays out its own lines).
    // Lines are counted only where the ratio is already under the figure (a range per element costs layout).
    if (own.length >= 40 && !cs.display.startsWith('inline') && out.spacing.length < 2000) {
      const lh = cs.lineHeight === 'normal' ? null : parseFloat(cs.lineHeight)
      if (lh !== null && lh / px < minRatio) {
        const range = document.createRange()
        range.selectNodeContents(el)
        const tops = new Set(
          Array.from(range.getClientRects())
            .filter((r) => r.height > 0 && r.width > 0)
            .map((r) => Math.round(r.top)),
        )
        if (tops.size >= 2)
          out.spacing.push({ i: marked.push(el) - 1, px, lineHeightPx: lh, lines: tops.size })
      }
    }
    // Long justified, upper-case or italic runs.
    if (own.length >= 100 && out.styles.length < 500) {
      const all = letters(own)
      const latinLetters = own.match(/\p{Script=Latin}/gu) ?? []
      const upper = latinLetters.filter((c) => c !== c.toLowerCase()).length
      out.styles.push({
        i: marked.push(el) - 1,
        chars: own.length,
        latin: all ? latinLetters.length / all : 0,
        upper: latinLetters.length ? upper / latinLetters.length : 0,
        justify: cs.textAlign === 'justify',
        uppercase: cs.textTransform === 'uppercase',
        italic: cs.fontStyle === 'italic' || cs.fontStyle.startsWith('oblique'),
      })
    }
  }
  return out
}

export function lineSpacingTooTight(s: SpacingFacts, min = ageingFigures.minLineSpacing): boolean {
  // 0.01 tolerance: 1.3 × 18 px computes as 23.4 px, and rounding must not fail it.
  return s.lineHeightPx !== null && s.lines >= 2 && s.lineHeightPx / s.px < min - 0.01
}

/** Which of the three style problems a run has (empty when none). */
export function styleProblems(s: StyleFacts): string[] {
  const problems: string[] = []
  const latinText = s.latin >= 0.5
  // A run is long from 100 CJK characters, or 200 characters of mostly Latin text.
  if (s.chars < (latinText ? 200 : 100)) return problems
  if (s.justify && latinText) problems.push('西文两端对齐')
  if (latinText && (s.uppercase || s.upper >= 0.9)) problems.push('整段大写')
  if (s.italic) problems.push('整段斜体')
  return problems
}

export function textFlags(facts: TextFacts): { fail: Flag[]; review: Flag[] } {
  const fail: Flag[] = []
  const review: Flag[] = []
  for (const h of facts.headings)
    review.push({
      ruleId: 'aa-visual-heading',
      i: h.i,
      summary: `“${h.text}”字号 ${Math.round(h.px)} px${h.weight >= 600 ? '、加粗' : ''}（正文约 ${Math.round(h.basePx)} px），看起来是标题，但没有使用标题标记`,
    })
  for (const s of facts.spacing)
    if (lineSpacingTooTight(s))
      fail.push({
        ruleId: 'aa-line-spacing',
        i: s.i,
        summary: `行高 ${Number((s.lineHeightPx ?? 0).toFixed(1))} px，为字号 ${Number(s.px.toFixed(1))} px 的 ${((s.lineHeightPx ?? 0) / s.px).toFixed(2)} 倍，小于 ${ageingFigures.minLineSpacing} 倍`,
      })
  for (const s of facts.styles) {
    const problems = styleProblems(s)
    if (problems.length > 0)
      fail.push({ ruleId: 'aa-text-style', i: s.i, summary: `${s.chars} 个字的段落${problems.join('、')}` })
  }
  return { fail, review }
}

export async function checkText(ctx: CheckContext): Promise<OwnOutcome[]> {
  const axeHeadings = ctx.state.results
    .filter((r) => r.source === 'axe' && r.ruleId === 'p-as-heading')
    .flatMap((r) => r.nodes.map((n) => n.selector))
    .filter((s) => !s.includes('>>>'))
  const facts = await evaluateIn(
    ctx.frame,
    ctx.timeoutMs,
    gatherText,
    MARKS_PROPERTY,
    MARK_KEY,
    axeHeadings,
    ageingFigures.minLineSpacing - 0.01,
  )
  const { fail, review } = textFlags(facts)
  return [
    ...(await flagsToOutcomes(ctx, MARK_KEY, fail)),
    ...(await flagsToOutcomes(ctx, MARK_KEY, review, new Set(['aa-visual-heading']), {
      'aa-visual-heading':
        '这些文字的字号和粗细与标题相似，却不是标题元素；请确认：是栏目或内容的标题时，请改用 h1–h6；只是强调时可忽略。',
    })),
  ]
}
