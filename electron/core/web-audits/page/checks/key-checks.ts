/// <reference lib="dom" />
import { evaluateIn } from '../page-call'
import type { PageHelpers } from '../page-helpers'
import { flagsToOutcomes, MARKS_PROPERTY, type Flag } from './marked-nodes'
import type { CheckContext, OwnOutcome } from './own-check'

/**
 * aa-accesskey (shortcut keys that cannot work) and aa-hover-only (menus and content that only the mouse can open,
 * WCAG 2.1.1). A CSS :hover rule that reveals links or buttons is tested by focusing the element it hangs on: the
 * rule is reported only when focus (as a keyboard user gives it) leaves the revealed part hidden, so menus that
 * scripts open on focus are not reported.
 */

export interface AccesskeyFacts {
  i: number
  value: string
  hidden: boolean
  disabled: boolean
}

export interface HoverFacts {
  i: number
  /** The :hover selector that reveals it. */
  selector: string
  /** Links / buttons inside the hidden part. */
  controls: number
  /** Focusing its trigger revealed it (keyboard users can open it). */
  opensOnFocus: boolean
}

export interface MouseOnlyFacts {
  i: number
  handlers: string
}

export interface KeyFacts {
  accesskeys: AccesskeyFacts[]
  hover: HoverFacts[]
  mouseOnly: MouseOnlyFacts[]
  /** Style sheets whose rules could not be read (other origins). */
  unreadableSheets: number
}

const MARK_KEY = 'keys'

export function gatherKeys(_h: PageHelpers, prop: string, key: string): KeyFacts {
  const w = window as unknown as Record<string, Record<string, Element[]> | undefined>
  if (!w[prop]) Object.defineProperty(w, prop, { value: {}, enumerable: false })
  const marked: Element[] = []
  ;(w[prop] as Record<string, Element[]>)[key] = marked
  const out: KeyFacts = { accesskeys: [], hover: [], mouseOnly: [], unreadableSheets: 0 }
  const shown = (el: Element): boolean =>
    typeof (el as HTMLElement).checkVisibility === 'function'
      ? (el as HTMLElement).checkVisibility({ visibilityProperty: true, opacityProperty: true })
      : el.getClientRects().length > 0
  for (const el of Array.from(document.querySelectorAll('[accesskey]')).slice(0, 200))
    out.accesskeys.push({
      i: marked.push(el) - 1,
      value: el.getAttribute('accesskey') ?? '',
      hidden: !shown(el) && el.localName !== 'area',
      disabled: (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true',
    })

  // :hover rules that reveal something (display, visibility, opacity, height) in a descendant of the hovered element.
  const reveals = (style: CSSStyleDeclaration): boolean =>
    (style.display !== '' && style.display !== 'none') ||
    style.visibility === 'visible' ||
    style.opacity === '1' ||
    (style.maxHeight !== '' && style.maxHeight !== '0' && style.maxHeight !== '0px') ||
    (style.height !== '' && style.height !== '0' && style.height !== '0px')
  const hoverSelectors: string[] = []
  const focusKeys = new Set<string>()
  const norm = (sel: string): string =>
    sel
      .replace(/\s+/g, ' ')
      .replace(/\s*([>+~])\s*/g, '$1')
      .trim()
  const visit = (rules: CSSRuleList): void => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) {
        for (const sel of rule.selectorText.split(',')) {
          if (/:(focus-within|focus-visible|focus)\b/.test(sel))
            focusKeys.add(norm(sel.replace(/:(focus-within|focus-visible|focus)\b/g, ':hover')))
          else if (/:hover\b/.test(sel) && /:hover[^,]*?[\s>+~]\s*[^\s>+~]/.test(sel) && reveals(rule.style))
            hoverSelectors.push(sel.trim())
        }
      } else if (rule instanceof CSSMediaRule) {
        if (window.matchMedia(rule.conditionText).matches) visit(rule.cssRules)
      } else if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules)
    }
  }
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      visit(sheet.cssRules)
    } catch {
      out.unreadableSheets++
    }
  }
  const focusable =
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])'
  const tested = new Set<Element>()
  for (const sel of hoverSelectors.slice(0, 50)) {
    if (focusKeys.has(norm(sel))) continue
    const at = sel.search(/:hover\b/)
    const triggerSel = sel.slice(0, at).replace(/:hover\b/g, '') || '*'
    const targetSel = sel.replace(/:hover\b/g, '')
    let targets: Element[]
    try {
      targets = Array.from(document.querySelectorAll(targetSel)).slice(0, 20)
    } catch {
      continue
    }
    for (const target of targets) {
      if (tested.has(target) || out.hover.length >= 30) continue
      const controls = target.querySelectorAll('a[href], button').length
      if (controls === 0 || shown(target)) continue
      let trigger: Element | null = null
      try {
        for (let p = target.parentElement; p && !trigger; p = p.parentElement)
          if (p.matches(triggerSel)) trigger = p
      } catch {
        trigger = null
      }
      if (!trigger || !shown(trigger)) continue
      tested.add(target)
      // Focus what a keyboard user would land on first: the trigger itself or its first focusable descendant.
      const first = (
        trigger.matches(focusable) ? trigger : trigger.querySelector(focusable)
      ) as HTMLElement | null
      let opensOnFocus = false
      if (first && first !== document.activeElement) {
        const before = document.activeElement as HTMLElement | null
        first.focus({ preventScroll: true })
        opensOnFocus = shown(target)
        first.blur()
        before?.focus?.({ preventScroll: true })
      }
      out.hover.push({ i: marked.push(target) - 1, selector: sel.slice(0, 120), controls, opensOnFocus })
    }
  }
  for (const el of Array.from(document.querySelectorAll('[onmouseover], [onmouseenter]')).slice(0, 100)) {
    if (!shown(el) || el.matches('[onfocus], [onfocusin], [onclick], [onkeydown], [onkeyup]')) continue
    if (el.querySelector('[onfocus], [onfocusin]')) continue
    out.mouseOnly.push({
      i: marked.push(el) - 1,
      handlers: ['onmouseover', 'onmouseenter'].filter((a) => el.hasAttribute(a)).join('、'),
    })
  }
  return out
}

/**
 * An accesskey that cannot work: empty, or a token longer than one character (HTML: space-separated single
 * characters). Keys on hidden or disabled elements are not reported: a responsive copy or a control disabled for
 * the moment may carry them on purpose.
 */
export function accesskeyProblem(a: AccesskeyFacts): string | null {
  const keys = a.value.trim().split(/\s+/)
  if (!a.value.trim() || keys.some((k) => [...k].length !== 1))
    return `accesskey="${a.value.slice(0, 20)}" 不是单个字符，浏览器不会把它当作快捷键`
  return null
}

export function keyFlags(facts: KeyFacts): { fail: Flag[]; review: Flag[] } {
  const fail: Flag[] = []
  const review: Flag[] = []
  for (const a of facts.accesskeys) {
    const problem = accesskeyProblem(a)
    if (problem) fail.push({ ruleId: 'aa-accesskey', i: a.i, summary: problem })
  }
  for (const h of facts.hover)
    if (!h.opensOnFocus)
      fail.push({
        ruleId: 'aa-hover-only',
        i: h.i,
        summary: `这部分内容（含 ${h.controls} 个链接或按钮）只在鼠标悬停时显示（样式 ${h.selector}），键盘聚焦时仍然隐藏`,
      })
  for (const m of facts.mouseOnly)
    review.push({
      ruleId: 'aa-hover-only',
      i: m.i,
      summary: `元素只绑定了鼠标悬停事件（${m.handlers}），没有对应的键盘或焦点事件`,
    })
  return { fail, review }
}

export async function checkKeys(ctx: CheckContext): Promise<OwnOutcome[]> {
  const facts = await evaluateIn(ctx.frame, ctx.timeoutMs, gatherKeys, MARKS_PROPERTY, MARK_KEY)
  const { fail, review } = keyFlags(facts)
  return [
    ...(await flagsToOutcomes(ctx, MARK_KEY, fail)),
    ...(await flagsToOutcomes(ctx, MARK_KEY, review, new Set(['aa-hover-only']), {
      'aa-hover-only':
        '这些元素用 onmouseover / onmouseenter 实现效果；请只用键盘操作一遍，确认悬停时出现的内容或功能也能用键盘打开和使用。',
    })),
  ]
}
