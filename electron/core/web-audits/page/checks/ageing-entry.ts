/// <reference lib="dom" />
import { formatAgeingRef } from '../../../../../shared/web/ageing-rules'
import { ageingEntryRequiredBy } from '../../../../../shared/web/own-rules'
import { evaluateIn } from '../page-call'
import { pageNode, type CheckContext, type OwnOutcome } from './own-check'

/**
 * aa-ageing-entry: a link or button that opens an ageing-friendly / accessibility mode or toolbar
 * (适老化, 无障碍浏览, 长者模式, 关怀版 …). Absent → needs review: the entry may be an image without text or be
 * built later by a script.
 */

export const ENTRY_WORDS =
  /适老|無障礙|无障碍|长者|長者|长辈|長輩|关怀|關懷|关爱|老年|大字|读屏|讀屏|辅助浏览|輔助瀏覽|辅助工具|accessib|barrier.?free|elder/i

/** Entries are short labels; a long link text that mentions 无障碍 is a news headline, not an entry. */
export const ENTRY_MAX_CHARS = 16

export function isEntryLabel(label: string): boolean {
  const text = label.replace(/\s+/g, ' ').trim()
  return text.length > 0 && text.length <= ENTRY_MAX_CHARS && ENTRY_WORDS.test(text)
}

export async function checkAgeingEntry(ctx: CheckContext): Promise<OwnOutcome[]> {
  const facts = await evaluateIn(ctx.frame, ctx.timeoutMs, () => {
    const selector =
      'a, button, [role=button], [role=link], [onclick], input[type=button], input[type=submit], input[type=image], area'
    const labels: string[] = []
    for (const el of Array.from(document.querySelectorAll(selector)).slice(0, 5000)) {
      const imgAlts = Array.from(el.querySelectorAll('img[alt]')).map((i) => i.getAttribute('alt') ?? '')
      for (const label of [
        el.getAttribute('aria-label'),
        el.getAttribute('title'),
        el.getAttribute('alt'),
        (el as HTMLInputElement).value,
        el.textContent,
        ...imgAlts,
      ])
        if (label && label.trim()) labels.push(label.trim().slice(0, 100))
    }
    const outer = document.documentElement.outerHTML
    return { labels, openTag: outer.slice(0, Math.min(outer.indexOf('>') + 1 || 200, 300)) }
  })
  if (facts.labels.some(isEntryLabel)) return []
  const rules = ageingEntryRequiredBy.map(formatAgeingRef).join('；')
  const reason = `页面上未找到适老化 / 无障碍浏览模式的入口（如“无障碍浏览”“适老化”“长者模式”“关怀版”）。${rules} 要求提供此类服务；入口可能是无文字的图片或由脚本生成，请人工确认。`
  return [
    {
      ruleId: 'aa-ageing-entry',
      needsReview: true,
      reviewReason: reason,
      nodes: [pageNode('aa-ageing-entry', facts.openTag)],
    },
  ]
}
