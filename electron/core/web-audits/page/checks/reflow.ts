/// <reference lib="dom" />
import { wcagFigures } from '../../../../../shared/web/own-rules'
import { evaluateIn, evaluatePlain } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { remaining, secondsText, StepTimeoutError, withTimeout } from '../timing'
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

/** Debounced resize handlers are waited for this long at most (they usually fire within 100–300 ms). */
const RESIZE_TIMERS_MS = 1_000
const WATCH = '__accessAuditResizeTimers'

/**
 * Page side: from now on, timers (setTimeout, requestAnimationFrame) of up to RESIZE_TIMERS_MS that the page
 * schedules — e.g. a debounced resize handler — are tracked, and so are the timers those schedule in turn.
 */
export function watchTimers(key: string, maxMs: number): void {
  const w = window as unknown as Record<string, unknown> & Window
  if (w[key]) return
  const pending = new Set<number>()
  const origTimeout = w.setTimeout
  const origFrame = w.requestAnimationFrame
  let wake: () => void = () => {}
  const fired = (id: number): void => {
    pending.delete(id)
    if (pending.size === 0) wake()
  }
  const state = {
    pending,
    origTimeout,
    origFrame,
    restore: () => {
      w.setTimeout = origTimeout
      w.requestAnimationFrame = origFrame
    },
    idle: () =>
      new Promise<void>((resolve) => {
        wake = resolve
        if (pending.size === 0) resolve()
      }),
  }
  w.setTimeout = function (handler: unknown, delay?: number, ...rest: unknown[]): number {
    if (typeof handler !== 'function' || Number(delay) > maxMs)
      return origTimeout.call(w, handler as TimerHandler, delay, ...rest)
    const id: number = origTimeout.call(
      w,
      (...a: unknown[]) => {
        try {
          ;(handler as (...x: unknown[]) => void)(...a)
        } finally {
          fired(id)
        }
      },
      delay,
      ...rest,
    )
    pending.add(id)
    return id
  } as typeof w.setTimeout
  w.requestAnimationFrame = function (cb: FrameRequestCallback): number {
    const id: number = origFrame.call(w, (t: number) => {
      try {
        cb(t)
      } finally {
        fired(-id)
      }
    })
    pending.add(-id)
    return id
  }
  Object.defineProperty(w, key, { value: state, configurable: true })
}

/** Page side: resolves once the tracked timers have all fired (or after maxMs), and stops tracking. */
export function timersDone(key: string, maxMs: number): Promise<number> {
  const w = window as unknown as Record<string, unknown>
  const state = w[key] as
    | {
        pending: Set<number>
        origTimeout: typeof setTimeout
        origFrame: typeof requestAnimationFrame
        restore: () => void
        idle: () => Promise<void>
      }
    | undefined
  if (!state) return Promise.resolve(0)
  // Two frames let layout, media queries and resize observers run even when nothing was scheduled (the page's
  // own originals: these are not the page's timers).
  const frame = (then: () => void): number => state.origFrame.call(window, () => then())
  const frames = new Promise<void>((r) => frame(() => frame(r)))
  const bounded = new Promise<void>((r) => state.origTimeout.call(window, r, maxMs))
  return Promise.race([frames.then(() => state.idle()), bounded]).then(() => {
    state.restore()
    delete w[key]
    return state.pending.size
  })
}

export async function checkReflow(ctx: CheckContext): Promise<OwnOutcome[]> {
  const { state } = ctx
  const budgetMs = state.options.reflowBudgetMs
  const deadline = Math.min(Date.now() + budgetMs, state.deadline - 5_000)
  try {
    return await reflowOutcomes(ctx, deadline)
  } catch (error) {
    if (!(error instanceof StepTimeoutError)) throw error
    // Abandon the page-side scan that overran, so the steps after this one get the page back.
    if (state.cdp)
      await withTimeout(state.cdp.send('Runtime.terminateExecution'), 5_000, '中止脚本').catch(() => {})
    return [
      {
        ruleId: 'aa-reflow',
        needsReview: true,
        reviewReason: `320 px 宽度下的重排检查在 ${secondsText(budgetMs)}内未完成（页面过大或脚本占用），未能判断是否需要横向滚动，请人工检查。`,
        nodes: [],
      },
    ]
  }
}

async function reflowOutcomes(ctx: CheckContext, deadline: number): Promise<OwnOutcome[]> {
  const { reflowWidthPx, reflowTolerancePx } = wcagFigures
  const viewport = ctx.state.options.viewport
  const left = (): number => Math.max(1, remaining(deadline))
  const resizeHandlers = await withTimeout(
    hasResizeHandlers(ctx),
    Math.min(2_000, left()),
    '读取事件监听',
  ).catch(() => true)
  // Resize handlers often debounce with a timer: those timers are watched, and waited for, instead of guessing.
  if (resizeHandlers)
    await evaluatePlain(ctx.frame, left(), watchTimers, WATCH, RESIZE_TIMERS_MS).catch(() => {})
  // The viewport is left at 320 px afterwards: nothing after this step reads the layout (the tab is reset).
  await withTimeout(
    ctx.page.setViewport({ width: reflowWidthPx, height: viewport.height }),
    left(),
    '改变视口',
  )
  ctx.state.tab?.viewportChanged()
  // Media queries, resize handlers and resize observers: two frames for layout, and the handlers' timers.
  await withTimeout(
    resizeHandlers
      ? evaluatePlain(ctx.frame, left(), timersDone, WATCH, RESIZE_TIMERS_MS)
      : ctx.page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))'),
    Math.min(2_000, left()),
    '等待重新布局',
  ).catch(() => {})
  const facts: ReflowFacts = await evaluateIn(
    ctx.frame,
    left(),
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
