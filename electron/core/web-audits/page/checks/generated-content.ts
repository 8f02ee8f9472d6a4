/// <reference lib="dom" />
import { evaluateIn } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { elementNode, type CheckContext, type OwnOutcome } from './own-check'

/**
 * aa-css-generated-content: meaningful text inserted with CSS ::before / ::after (WCAG failure technique F87). It
 * is lost when styles are off or replaced (high-contrast themes, reading modes) and often not announced.
 */

const ICON_FONT = /icon|awesome|glyph|material|symbol|dashicons|ionicons|feather|fontello|iconfont|\bfa\b/i

/** The text a computed `content` value inserts: its quoted strings with CSS escapes resolved. */
export function generatedText(content: string): string {
  const strings: string[] = []
  for (const m of content.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) {
    const raw = m[1] ?? m[2] ?? ''
    strings.push(
      raw.replace(/\\([0-9a-f]{1,6})\s?|\\(.)/gi, (_, hex: string | undefined, ch: string | undefined) =>
        hex ? String.fromCodePoint(parseInt(hex, 16)) : (ch ?? ''),
      ),
    )
  }
  return strings.join('')
}

/**
 * True when the inserted text carries words: letters or CJK left after removing whitespace, punctuation, symbols
 * (arrows, bullets, ×), digits and private-use characters (icon fonts); icon fonts themselves never count.
 */
export function isMeaningfulGenerated(text: string, fontFamily = ''): boolean {
  if (ICON_FONT.test(fontFamily)) return false
  const rest = text.replace(/[\s\p{P}\p{S}\p{N}\p{Co}\p{Cf}]/gu, '')
  return /\p{L}/u.test(rest)
}

interface PseudoFact {
  node: DescribedNode
  pseudo: string
  content: string
  fontFamily: string
}

export async function checkGeneratedContent(ctx: CheckContext): Promise<OwnOutcome[]> {
  const facts: PseudoFact[] = await evaluateIn(
    ctx.frame,
    ctx.timeoutMs,
    (h, max: number) => {
      const out: PseudoFact[] = []
      const elements = document.body ? Array.from(document.body.querySelectorAll('*')).slice(0, 8000) : []
      for (const el of elements) {
        for (const pseudo of ['::before', '::after']) {
          const cs = getComputedStyle(el, pseudo)
          let content = cs.content
          if (!content || content === 'none' || content === 'normal' || content === '""') continue
          if (cs.display === 'none' || cs.visibility === 'hidden') continue
          // attr(x) inserts the attribute's value: resolve it so the text can be judged.
          content = content.replace(/attr\(\s*([\w-]+)\s*\)/g, (_m, name: string) =>
            JSON.stringify(el.getAttribute(name) ?? ''),
          )
          if (!/["']/.test(content) || !h.visible(el)) continue
          out.push({ node: h.describe(el), pseudo, content, fontFamily: cs.fontFamily })
          if (out.length >= max) return out
        }
      }
      return out
    },
    500,
  )
  const failing = facts.filter((f) => isMeaningfulGenerated(generatedText(f.content), f.fontFamily))
  if (failing.length === 0) return []
  return [
    {
      ruleId: 'aa-css-generated-content',
      needsReview: false,
      nodes: failing.map((f) =>
        elementNode(f.node, `${f.pseudo} 用 CSS 插入了文字“${generatedText(f.content).trim().slice(0, 40)}”`),
      ),
    },
  ]
}
