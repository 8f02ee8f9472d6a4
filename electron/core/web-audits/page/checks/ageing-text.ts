/// <reference lib="dom" />
import { ageingFigures } from '../../../../../shared/web/own-rules'
import { evaluateIn } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { elementNode, type CheckContext, type OwnOutcome } from './own-check'

/**
 * aa-min-text-size and aa-ageing-contrast: one walk over the visible text, reading computed styles.
 * Contrast is computed only against solid backgrounds (semi-transparent layers are composited); text over
 * background images or gradients is left to axe's color-contrast, which marks it for review.
 *
 * The contrast check applies WCAG 1.4.3's exceptions as axe's color-contrast does, so it never reports text axe
 * would leave alone: text of disabled controls and their labels (incidental), text that is not visible (hidden,
 * transparent, moved off the page, clipped away), and text that is not human language (icon fonts, emoji and
 * private-use symbols only). A failing element is checked once more against what is really painted under it
 * (elementsFromPoint): another element or an image beneath it makes the background unknown, and it is skipped.
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
      // Labels of disabled controls (for=, wrapping, aria-labelledby): incidental text, as for axe.
      const disabledLabels = new Set<Element>()
      for (const c of Array.from(document.querySelectorAll(':disabled, [aria-disabled="true"]')).slice(
        0,
        2000,
      )) {
        for (const l of Array.from((c as HTMLInputElement).labels ?? [])) disabledLabels.add(l)
        for (const id of (c.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
          const l = id ? document.getElementById(id) : null
          if (l) disabledLabels.add(l)
        }
      }
      const incidental = (el: Element): boolean =>
        !!el.closest(':disabled, [aria-disabled="true"], [inert]') ||
        Array.from(disabledLabels).some((l) => l.contains(el))
      const iconFont =
        /icon|awesome|glyph|material|symbol|dashicons|ionicons|feather|fontello|iconfont|\bfa\b/i
      const humanText = (t: string): boolean =>
        /[\p{L}\p{N}]/u.test(t.replace(/[\p{Co}\p{Extended_Pictographic}]/gu, ''))
      const painted = (text: Node, el: Element): boolean => {
        const range = document.createRange()
        range.selectNodeContents(text)
        const rect = Array.from(range.getClientRects()).find((r) => r.width > 0 && r.height > 0)
        if (!rect) return false
        const x = rect.left + rect.width / 2
        const y = rect.top + rect.height / 2
        // Moved off the page (text-indent: -9999px …) or scrolled out of the document.
        if (rect.right + window.scrollX <= 0 || rect.bottom + window.scrollY <= 0) return false
        if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return true // not on screen: trust the DOM
        const stack = document.elementsFromPoint(x, y)
        const at = stack.findIndex((e) => e === el || el.contains(e))
        if (at < 0) return false // covered, or clipped away
        for (const below of stack.slice(at + 1)) {
          if (below.contains(el)) continue // an ancestor: its background is in the computed one
          if (/^(img|video|canvas|svg|picture|iframe|object|embed)$/.test(below.localName)) return false
          const bcs = getComputedStyle(below)
          const bgc = h.parseColor(bcs.backgroundColor)
          if (bcs.backgroundImage !== 'none' || (bgc !== null && bgc[3] > 0)) return false
        }
        return true
      }
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
        if (!fg || fg[3] === 0 || iconFont.test(cs.fontFamily) || !humanText(el.textContent ?? '')) continue
        const bg = backgroundOf(el)
        if (!bg || cs.textShadow !== 'none' || incidental(el)) continue
        const ratio = h.contrast(h.blend(fg, bg), bg)
        const required = px > f.largeTextPx ? f.minContrastLarge : f.minContrast
        if (ratio < required && painted(n, el)) {
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
