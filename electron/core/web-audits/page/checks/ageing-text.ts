/// <reference lib="dom" />
import { ageingFigures } from '../../../../../shared/web/own-rules'
import { evaluateIn } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { elementNode, type CheckContext, type OwnOutcome } from './own-check'

/**
 * aa-min-text-size and aa-ageing-contrast: one walk over the visible text, reading computed styles.
 * Contrast is computed only against solid backgrounds (semi-transparent layers are composited); text over
 * background images or gradients is left to axe's color-contrast, which marks it for review.
 */

interface TextFinding {
  node: DescribedNode
  px: number
  ratio?: number
  required?: number
}

interface TextFacts {
  small: TextFinding[]
  smallTotal: number
  lowContrast: TextFinding[]
  lowTotal: number
}

export function roundRatio(ratio: number): number {
  return Math.floor(ratio * 100) / 100
}

export async function checkAgeingText(ctx: CheckContext): Promise<OwnOutcome[]> {
  const { minTextPx, minContrast, minContrastLarge, largeTextPx } = ageingFigures
  const figures = { minTextPx, minContrast, minContrastLarge, largeTextPx, max: ctx.maxNodes }
  const facts: TextFacts = await evaluateIn(
    ctx.frame,
    ctx.timeoutMs,
    (h, f: typeof figures) => {
      const out: TextFacts = { small: [], smallTotal: 0, lowContrast: [], lowTotal: 0 }
      const skip = new Set(['script', 'style', 'noscript', 'template', 'title', 'head'])
      const seen = new Set<Element>()
      const backgrounds = new Map<Element, [number, number, number, number] | null>()
      const backgroundOf = (el: Element): [number, number, number, number] | null => {
        const cached = backgrounds.get(el)
        if (cached !== undefined) return cached
        const cs = getComputedStyle(el)
        let result: [number, number, number, number] | null
        const own = h.parseColor(cs.backgroundColor)
        if (cs.backgroundImage !== 'none' || own === null || Number(cs.opacity) < 1) result = null
        else if (own[3] >= 1) result = own
        else {
          const parent = el.parentElement
          const under: [number, number, number, number] | null = parent
            ? backgroundOf(parent)
            : [255, 255, 255, 1]
          result = under && h.blend(own, under)
        }
        backgrounds.set(el, result)
        return result
      }
      if (!document.body) return out
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement
        if (!el || seen.has(el) || skip.has(el.localName) || !/[\p{L}\p{N}]/u.test(n.textContent ?? ''))
          continue
        seen.add(el)
        if (seen.size > 20000 || !h.visible(el)) continue
        const cs = getComputedStyle(el)
        const px = parseFloat(cs.fontSize)
        if (px < f.minTextPx) {
          out.smallTotal++
          if (out.small.length < f.max) out.small.push({ node: h.describe(el), px })
        }
        const fg = h.parseColor(cs.color)
        const bg = backgroundOf(el)
        if (!fg || !bg || cs.textShadow !== 'none') continue
        const ratio = h.contrast(h.blend(fg, bg), bg)
        const required = px > f.largeTextPx ? f.minContrastLarge : f.minContrast
        if (ratio < required) {
          out.lowTotal++
          if (out.lowContrast.length < f.max)
            out.lowContrast.push({ node: h.describe(el), px, ratio, required })
        }
      }
      return out
    },
    figures,
  )

  const outcomes: OwnOutcome[] = []
  if (facts.smallTotal > 0)
    outcomes.push({
      ruleId: 'aa-min-text-size',
      needsReview: true,
      reviewReason: `有 ${facts.smallTotal} 处文字小于 ${minTextPx} px。适老化规范要求适老模式（及移动网页大字档）正文不小于 ${minTextPx} dp/pt，请在适老模式下复核；1 dp/pt ≈ 1 CSS px 为换算假设。`,
      nodes: facts.small.map((t) =>
        elementNode(t.node, `字号 ${Number(t.px.toFixed(1))} px，小于 ${minTextPx} px`),
      ),
      nodeCount: facts.smallTotal,
    })
  if (facts.lowTotal > 0)
    outcomes.push({
      ruleId: 'aa-ageing-contrast',
      needsReview: false,
      nodes: facts.lowContrast.map((t) =>
        elementNode(
          t.node,
          `文字与背景对比度 ${roundRatio(t.ratio ?? 0)}:1，低于 ${t.required}:1（字号 ${Number(t.px.toFixed(1))} px）`,
        ),
      ),
      nodeCount: facts.lowTotal,
    })
  return outcomes
}
