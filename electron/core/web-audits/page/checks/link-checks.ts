/// <reference lib="dom" />
import { evaluateIn } from '../page-call'
import type { PageHelpers } from '../page-helpers'
import { flagsToOutcomes, MARKS_PROPERTY, type Flag } from './marked-nodes'
import type { CheckContext, OwnOutcome } from './own-check'
import {
  adjacentDuplicates,
  ambiguousLinks,
  fileFormatUnstated,
  hasNoTarget,
  isNonspecific,
  opensNewWindowUnannounced,
  sharedHeadings,
  type LinkFacts,
} from './link-verdicts'

/**
 * The link rules: aa-link-no-target, aa-link-nonspecific, aa-link-ambiguous, aa-link-adjacent-duplicate,
 * aa-link-new-window, aa-link-file-format. One page call gathers compact facts of every link (link-verdicts.ts
 * decides); a second call describes the flagged ones. The same facts list the page's linked documents.
 */

export const MAX_LINKS = 3000

export interface PageLink extends LinkFacts {
  /** Rendered and not hidden from assistive technology. */
  visible: boolean
}

const MARK_KEY = 'links'

/** Page side: facts of every a[href] / area[href] (self-contained, see page-call.ts). */
export function gatherLinks(_h: PageHelpers, prop: string, key: string, max: number): PageLink[] {
  const w = window as unknown as Record<string, Record<string, Element[]> | undefined>
  if (!w[prop]) Object.defineProperty(w, prop, { value: {}, enumerable: false })
  const marks = w[prop] as Record<string, Element[]>
  const els = Array.from(document.querySelectorAll('a[href], area[href]')).slice(0, max)
  marks[key] = els
  const squash = (t: string | null | undefined): string => (t ?? '').replace(/\s+/g, ' ').trim()
  const textWithAlt = (el: Element): string => {
    const text = (el as HTMLElement).innerText ?? el.textContent ?? ''
    const alts = Array.from(el.querySelectorAll('img[alt], [role=img][aria-label]')).map(
      (i) => i.getAttribute('alt') ?? i.getAttribute('aria-label') ?? '',
    )
    return squash(`${text} ${alts.join(' ')}`)
  }
  const byIds = (ids: string | null): string =>
    squash(
      (ids ?? '')
        .split(/\s+/)
        .map((id) => {
          const target = id ? document.getElementById(id) : null
          return target ? textWithAlt(target) : ''
        })
        .join(' '),
    )
  // Section headings only: the page's h1 names the whole page, not the block a "更多" link leads on from.
  const isHeading = (n: Element): boolean =>
    /^h[2-6]$/.test(n.localName) ||
    (n.getAttribute('role') === 'heading' && n.getAttribute('aria-level') !== '1')
  // WCAG H80: the heading of the link's own block, i.e. found before the link or its parent without crossing
  // other links (a previous block with links is another section).
  const headingBefore = (el: Element): string => {
    let node: Element | null = el
    for (let depth = 0; node && node !== document.body && depth < 2; depth++, node = node.parentElement) {
      let sib = node.previousElementSibling
      for (let n = 0; sib && n < 8; n++, sib = sib.previousElementSibling) {
        const heading = isHeading(sib)
          ? sib
          : Array.from(sib.querySelectorAll('h2,h3,h4,h5,h6,[role=heading]')).filter(isHeading).pop()
        if (heading) return squash((heading as HTMLElement).innerText ?? heading.textContent).slice(0, 100)
        if (sib.matches('a[href]') || sib.querySelector('a[href]')) break
      }
    }
    return ''
  }
  const focusable = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]'
  let previous: Element | null = null
  return els.map((el, i) => {
    const anchor = el as HTMLAnchorElement
    const rendered =
      el.localName === 'area' ||
      (typeof (el as HTMLElement).checkVisibility === 'function'
        ? (el as HTMLElement).checkVisibility({ visibilityProperty: true })
        : el.getClientRects().length > 0)
    const visible = rendered && !el.closest('[aria-hidden="true"], [inert]')
    const name =
      byIds(el.getAttribute('aria-labelledby')) ||
      squash(el.getAttribute('aria-label')) ||
      (el.localName === 'area' ? squash(el.getAttribute('alt')) : textWithAlt(el)) ||
      squash(el.getAttribute('title'))
    // The link's paragraph, list item or cell; for a cell the whole row, which table navigation reads with it.
    const cell = el.closest('p, li, td, th, dd, dt, caption, figcaption')
    const container = cell && /^t[dh]$/.test(cell.localName) ? (cell.closest('tr') ?? cell) : cell
    const own = (anchor.innerText ?? '').trim()
    const context = container
      ? squash(((container as HTMLElement).innerText ?? '').replace(own, ' ')).slice(0, 200)
      : ''
    let adjacent = false
    if (visible && previous && el.localName === 'a' && !previous.contains(el) && !el.contains(previous)) {
      const range = document.createRange()
      range.setStartAfter(previous)
      range.setEndBefore(el)
      if (!range.collapsed && range.toString().trim() === '')
        adjacent = range.cloneContents().querySelector(focusable) === null
      else if (range.collapsed) adjacent = true
    }
    if (visible && el.localName === 'a') previous = el
    const onclick = el.getAttribute('onclick') ?? ''
    const role = (el.getAttribute('role') ?? '').trim().toLowerCase()
    const href = anchor.href
    return {
      i,
      visible,
      name: name.slice(0, 200),
      href: el.getAttribute('href') ?? '',
      url: typeof href === 'string' && /^https?:/i.test(href) ? href : '',
      target: el.getAttribute('target') ?? (/window\.open\s*\(/.test(onclick) ? '_blank' : ''),
      role: role === 'link' ? '' : role,
      title: squash(el.getAttribute('title')).slice(0, 200),
      described: byIds(el.getAttribute('aria-describedby')).slice(0, 200),
      context,
      heading: headingBefore(el),
      adjacentToPrevious: adjacent,
    }
  })
}

/** The facts, kept for the documents list (one page call serves both). */
export async function readLinks(ctx: CheckContext): Promise<PageLink[]> {
  return evaluateIn(ctx.frame, ctx.timeoutMs, gatherLinks, MARKS_PROPERTY, MARK_KEY, MAX_LINKS)
}

/** What the link rules flag among the visible links (pure). */
export function linkFlags(all: readonly PageLink[]): Flag[] {
  const links = all.filter((l) => l.visible)
  const shared = sharedHeadings(links)
  const flags: Flag[] = []
  const quote = (text: string): string => `“${text.length > 30 ? `${text.slice(0, 30)}…` : text}”`
  for (const l of links) {
    if (hasNoTarget(l))
      flags.push({
        ruleId: 'aa-link-no-target',
        i: l.i,
        summary: `链接${l.name ? quote(l.name) : ''}的地址为 ${l.href.trim() ? quote(l.href.trim().slice(0, 40)) : '空'}，不指向任何页面`,
      })
    else if (isNonspecific(l, shared))
      flags.push({
        ruleId: 'aa-link-nonspecific',
        i: l.i,
        summary: `链接文字${quote(l.name)}看不出去向，且所在位置没有说明去向的上下文`,
      })
    if (!hasNoTarget(l) && opensNewWindowUnannounced(l))
      flags.push({
        ruleId: 'aa-link-new-window',
        i: l.i,
        summary: `链接${l.name ? quote(l.name) : ''}在新窗口打开，但没有事先告知`,
      })
    const ext = fileFormatUnstated(l)
    if (ext)
      flags.push({
        ruleId: 'aa-link-file-format',
        i: l.i,
        summary: `链接${l.name ? quote(l.name) : ''}指向 ${ext.toUpperCase()} 文件，但没有说明文件格式`,
      })
  }
  for (const { link, previous } of adjacentDuplicates(links))
    flags.push({
      ruleId: 'aa-link-adjacent-duplicate',
      i: link.i,
      summary: `与前一个链接${previous.name ? quote(previous.name) : ''}相邻且指向同一地址，键盘和读屏用户要经过两次`,
    })
  for (const group of ambiguousLinks(links))
    for (const l of group.links)
      flags.push({
        ruleId: 'aa-link-ambiguous',
        i: l.i,
        summary: `页面上有多个名为${quote(group.name)}的链接指向不同地址，无法区分`,
      })
  return flags
}

export async function checkLinks(ctx: CheckContext): Promise<{ outcomes: OwnOutcome[]; links: PageLink[] }> {
  const links = await readLinks(ctx)
  const outcomes = await flagsToOutcomes(ctx, MARK_KEY, linkFlags(links), new Set(['aa-link-no-target']), {
    'aa-link-no-target':
      '链接没有真实地址，可能由脚本实现跳转或操作；请确认它实际的作用：是操作的应改为按钮，是跳转的应写明地址。',
  })
  return { outcomes, links }
}
