/// <reference lib="dom" />
import { wcagFigures } from '../../../../../shared/web/own-rules'
import { evaluateIn } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { sleep, withTimeout } from '../timing'
import { elementNode, type CheckContext, type OwnOutcome } from './own-check'

/**
 * aa-reflow (WCAG 1.4.10): at a 320 CSS px wide viewport (1280 px at 400 % zoom) text must not need horizontal
 * scrolling. Runs last: it changes the layout. Content inside its own horizontal scroller (data tables, maps) is
 * allowed by the SC and skipped.
 */

interface Offender {
  node: DescribedNode
  overflowPx: number
  hasText: boolean
}

interface ReflowFacts {
  scrollWidth: number
  clientWidth: number
  offenders: Offender[]
}

/** Does the page listen for window resizes (addEventListener or onresize)? Unknown counts as yes. */
async function hasResizeHandlers(ctx: CheckContext): Promise<boolean> {
  const cdp = ctx.state.cdp
  if (!cdp) return true
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' })
    if (!result.objectId) return true
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId }).catch(() => {})
    if (listeners.some((l) => l.type === 'resize')) return true
    const { result: on } = await cdp.send('Runtime.evaluate', {
      expression: 'typeof window.onresize === "function"',
      returnByValue: true,
    })
    return on.value !== false
  } catch {
    return true
  }
}

export async function checkReflow(ctx: CheckContext): Promise<OwnOutcome[]> {
  const { reflowWidthPx, reflowTolerancePx } = wcagFigures
  const viewport = ctx.state.options.viewport
  const resizeHandlers = await withTimeout(hasResizeHandlers(ctx), 2_000, '读取事件监听').catch(() => true)
  // The viewport is left at 320 px afterwards: nothing after this step reads the layout, and the context is closed.
  await ctx.page.setViewport({ width: reflowWidthPx, height: viewport.height })
  // Media queries, resize handlers and resize observers: two frames for layout; a little more for debounced
  // resize handlers, on pages that have any.
  await withTimeout(
    ctx.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))'),
    2_000,
    '等待重新布局',
  ).catch(() => {})
  if (resizeHandlers) await sleep(100)
  const facts: ReflowFacts = await evaluateIn(
    ctx.frame,
    ctx.timeoutMs,
    (h, tolerance: number) => {
      const root = document.scrollingElement ?? document.documentElement
      const clientWidth = root.clientWidth
      const result: ReflowFacts = { scrollWidth: root.scrollWidth, clientWidth, offenders: [] }
      if (result.scrollWidth <= clientWidth + tolerance || !document.body) return result
      const limit = clientWidth + tolerance
      const overflows = (el: Element): boolean => el.getBoundingClientRect().right > limit
      // Content that scrolls inside its own box, is clipped by an ancestor, or is fixed does not widen the page.
      const contained = (el: Element): boolean => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const cs = getComputedStyle(p)
          if (cs.overflowX !== 'visible' || cs.position === 'fixed') return true
        }
        return getComputedStyle(el).position === 'fixed'
      }
      const candidates = [document.body, ...Array.from(document.body.querySelectorAll('*')).slice(0, 10000)]
      const outermost = candidates.filter(
        (el) =>
          overflows(el) &&
          !(
            el.parentElement &&
            el.parentElement !== document.documentElement &&
            overflows(el.parentElement)
          ) &&
          !contained(el) &&
          h.visible(el),
      )
      result.offenders = outermost
        .map((el) => ({
          node: h.describe(el),
          overflowPx: Math.round(el.getBoundingClientRect().right - clientWidth),
          hasText:
            /[\p{L}\p{N}]/u.test((el as HTMLElement).innerText ?? '') &&
            !/^(img|video|canvas|svg|iframe|table|map|object|embed)$/.test(el.localName),
        }))
        .sort((a, b) => b.overflowPx - a.overflowPx)
        .slice(0, 5)
      return result
    },
    reflowTolerancePx,
  )
  if (facts.scrollWidth <= facts.clientWidth + reflowTolerancePx) return []
  const summary = (o: Offender): string =>
    `视口宽 ${reflowWidthPx} px 时，该元素超出视口 ${o.overflowPx} px，页面宽 ${facts.scrollWidth} px，需要横向滚动`
  const text = facts.offenders.filter((o) => o.hasText)
  if (text.length > 0)
    return [
      { ruleId: 'aa-reflow', needsReview: false, nodes: text.map((o) => elementNode(o.node, summary(o))) },
    ]
  return [
    {
      ruleId: 'aa-reflow',
      needsReview: true,
      reviewReason: `视口宽 ${reflowWidthPx} px 时页面宽 ${facts.scrollWidth} px，出现横向滚动，但超出的是图片、视频、表格等二维内容或无法定位的元素，请人工确认是否属于允许的例外。`,
      nodes: facts.offenders.map((o) => elementNode(o.node, summary(o))),
    },
  ]
}
