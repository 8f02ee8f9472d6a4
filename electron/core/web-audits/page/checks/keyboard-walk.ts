import type { CDPSession, Page } from 'puppeteer-core'
import { evaluateIn, evaluatePlain } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { remaining, secondsText, withTimeout } from '../timing'
import {
  describeKeys,
  endWalk,
  readFocus,
  recordTabs,
  setupWalk,
  takeTabLog,
  type FocusStop,
} from './keyboard-page'
import { findCycle, unreachedKeys } from './keyboard-verdicts'
import { elementNode, type CheckContext, type OwnNode, type OwnOutcome } from './own-check'

/**
 * aa-keyboard-trap, aa-keyboard-reach and aa-focus-visible from one walk: press Tab from the top of the page
 * (a bounded number of times) with real key events, and read where focus lands after each press.
 *
 * On a page without frames the presses go out in batches (CDP Input.dispatchKeyEvent, not awaited one by one) and
 * the page records where focus is at each Tab keydown, i.e. where the previous press left it; one page call per
 * batch reads the log. That is the same sequence of focus stops as pressing and reading one at a time, for a
 * fraction of the round trips. Only focus moved later by a timer (not by the key's own handlers) may be seen one
 * press later. With frames (focus inside a frame is invisible to the top document's key events), or when the page
 * swallowed keydowns so the log does not account for every press, the walk goes one press at a time.
 */

const STEP_TIMEOUT_MS = 5_000
/** Presses per batch after the first (which covers every candidate once, plus leaving the page). */
const BATCH = 25

type WalkStep = 'continue' | 'complete' | 'cycle'

/** Sends `count` Tab presses without waiting for each (the renderer handles input events in order). */
async function pressTabs(cdp: CDPSession, count: number): Promise<void> {
  const key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 }
  const sent: Array<Promise<unknown>> = []
  for (let i = 0; i < count; i++) {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }))
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }))
  }
  await withTimeout(Promise.all(sent), STEP_TIMEOUT_MS + count * 20, 'Tab 键')
}

async function press(page: Page, key: 'Tab' | 'Escape', shift = false): Promise<void> {
  if (shift) await page.keyboard.down('Shift')
  await page.keyboard.press(key)
  if (shift) await page.keyboard.up('Shift')
}

/** One Tab press, its key down and up sent together (one round trip instead of two). */
async function pressTab(page: Page, cdp: CDPSession | null): Promise<void> {
  if (cdp) await pressTabs(cdp, 1)
  else await press(page, 'Tab')
}

/** After a cycle is found: can Shift+Tab or Esc (then Tab) take focus out of it? 'unknown' when out of time. */
async function escapes(
  ctx: CheckContext,
  cycle: ReadonlySet<string>,
  deadline: number,
): Promise<'yes' | 'no' | 'unknown'> {
  const left = (stop: FocusStop): boolean => stop.kind === 'out' || !cycle.has(stop.key)
  for (const key of ['Shift+Tab', 'Tab'] as const) {
    if (key === 'Tab') await press(ctx.page, 'Escape')
    for (let i = 0; i < cycle.size + 2; i++) {
      if (remaining(deadline) <= 0) return 'unknown'
      await press(ctx.page, 'Tab', key === 'Shift+Tab')
      if (left(await evaluatePlain(ctx.frame, STEP_TIMEOUT_MS, readFocus))) return 'yes'
    }
  }
  return 'no'
}

/** Why a walk ended before focus left the page or a cycle was found, for the needs-review text. */
function cutShortReason(pressed: number, maxPresses: number, budgetMs: number): string {
  return pressed >= maxPresses ? `已达到按键上限 ${maxPresses} 次` : `已达到时间上限 ${secondsText(budgetMs)}`
}

export async function checkKeyboard(ctx: CheckContext, maxPresses: number): Promise<OwnOutcome[]> {
  const { page, frame, state } = ctx
  const budgetMs = state.options.keyboardBudgetMs
  const deadline = Math.min(state.deadline - 5_000, Date.now() + budgetMs)
  state.phase = 'interactive'
  await page.bringToFront()
  const setup = await evaluateIn(frame, ctx.timeoutMs, setupWalk, ctx.maxNodes)
  const stops: FocusStop[] = []
  let complete = false
  let cycle = null as string[] | null
  let pressed = 0
  /** Takes the focus stop after one press; says whether the walk is over. */
  const take = (stop: FocusStop): WalkStep => {
    if (stop.kind === 'out') {
      complete = true
      return 'complete'
    }
    stops.push(stop)
    cycle = findCycle(stops.map((s) => s.key))
    return cycle ? 'cycle' : 'continue'
  }
  try {
    if (setup.batchable && state.cdp) {
      const cdp = state.cdp
      await evaluatePlain(frame, STEP_TIMEOUT_MS, recordTabs, true)
      let step: WalkStep = 'continue'
      let batch = Math.min(maxPresses, setup.candidates.length + 2)
      let trusted = true
      while (step === 'continue' && pressed < maxPresses && remaining(deadline) > 1_000) {
        const count = Math.min(batch, maxPresses - pressed)
        await state.clock.time('  keyboard: batched presses', () => pressTabs(cdp, count))
        const log = await evaluatePlain(frame, STEP_TIMEOUT_MS, takeTabLog)
        const afterEach = [...log.stops, log.current]
        // Every press must show up once as a keydown (also the one that brings focus back from the browser UI).
        if (log.keydowns !== count) {
          trusted = false
          break
        }
        for (const stop of afterEach.slice(0, count)) {
          step = take(stop)
          pressed++
          if (step !== 'continue') break
        }
        batch = BATCH
      }
      await evaluatePlain(frame, STEP_TIMEOUT_MS, recordTabs, false)
      if (!trusted && remaining(deadline) > 1_000) {
        // The log could not be trusted: walk again from the top, one press at a time.
        await evaluateIn(frame, STEP_TIMEOUT_MS, endWalk).catch(() => {})
        Object.assign(setup, await evaluateIn(frame, ctx.timeoutMs, setupWalk, ctx.maxNodes))
        stops.length = 0
        pressed = 0
      }
    }
    if (!complete && !cycle)
      for (; pressed < maxPresses && remaining(deadline) > 1_000;) {
        await state.clock.time('  keyboard: single presses', () => pressTab(page, state.cdp))
        pressed++
        if (take(await evaluatePlain(frame, STEP_TIMEOUT_MS, readFocus)) !== 'continue') break
      }
    const outcomes: OwnOutcome[] = []
    // Elements are described once the walk is over, only those a finding names.
    const invisible = [
      ...new Set(stops.filter((s) => s.kind === 'el' && s.changed === false).map((s) => s.key)),
    ]
    const escape =
      cycle && setup.candidates.length > cycle.length ? await escapes(ctx, new Set(cycle), deadline) : 'yes'
    const trapped = escape !== 'yes'
    const named = [...new Set([...(trapped && cycle ? cycle : []), ...invisible.slice(0, ctx.maxNodes)])]
    const found = named.length > 0 ? await evaluateIn(frame, ctx.timeoutMs, describeKeys, named) : []
    const described = new Map(named.map((k, i) => [k, found[i] ?? null]))
    const nodeOf = (key: string, summary: string): OwnNode[] => {
      const d = described.get(key)
      return d ? [elementNode(d, summary)] : []
    }

    if (trapped && cycle) {
      const loop: string[] = cycle
      const inDialog = stops.some((s) => loop.includes(s.key) && s.inDialog)
      const unknown = escape === 'unknown'
      const summary = unknown
        ? `焦点在这 ${loop.length} 个元素之间循环`
        : `焦点在这 ${loop.length} 个元素之间循环，按 Tab、Shift+Tab 和 Esc 都无法移出`
      const reviewReason = unknown
        ? `焦点在 ${loop.length} 个元素之间循环，键盘检查时间（${secondsText(budgetMs)}）用完，未能确认能否用 Shift+Tab 或 Esc 移出，请人工检查。`
        : inDialog
          ? '焦点被限制在对话框内：若对话框可用键盘关闭（如其中的关闭按钮），则不算键盘陷阱，请人工确认。'
          : null
      outcomes.push({
        ruleId: 'aa-keyboard-trap',
        needsReview: reviewReason !== null,
        ...(reviewReason ? { reviewReason } : {}),
        nodes: loop.flatMap((k) => nodeOf(k, summary)),
      })
    }

    const reach: OwnNode[] = setup.mouseOnly.map((d) => elementNode(d, '可用鼠标点击，但无法用 Tab 键聚焦'))
    let reachTotal = setup.mouseOnlyTotal
    if (complete) {
      const missing = unreachedKeys(
        setup.candidates,
        stops.map((s) => s.key),
      )
      const nodes = await evaluateIn(frame, ctx.timeoutMs, describeKeys, missing.slice(0, ctx.maxNodes))
      const unreached = nodes.filter((d): d is DescribedNode => d !== null)
      reach.push(...unreached.map((d) => elementNode(d, '按 Tab 键走完整个页面也没有到达该元素')))
      reachTotal += unreached.length
    }
    if (reach.length > 0)
      outcomes.push({ ruleId: 'aa-keyboard-reach', needsReview: false, nodes: reach, nodeCount: reachTotal })

    if (invisible.length > 0)
      outcomes.push({
        ruleId: 'aa-focus-visible',
        needsReview: false,
        nodes: invisible.flatMap((k) =>
          nodeOf(k, '获得键盘焦点时外观没有任何变化（无焦点框、边框、阴影或颜色变化）'),
        ),
        nodeCount: invisible.length,
      })

    if (!complete && !cycle) {
      // Cut short: what was not reached is not judged, and says so instead of passing.
      const reached = new Set(stops.map((s) => s.key)).size
      const why = `Tab 键遍历未走完整个页面（${cutShortReason(pressed, maxPresses, budgetMs)}：已按 ${pressed} 次，到达 ${reached} 个元素，页面约有 ${setup.candidates.length} 个可聚焦元素）`
      const review: Record<'aa-keyboard-trap' | 'aa-keyboard-reach' | 'aa-focus-visible', string> = {
        'aa-keyboard-trap': `${why}，未到达的部分是否有焦点陷阱未检查，请人工检查。`,
        'aa-keyboard-reach': `${why}，其余元素能否用键盘到达未检查，请人工检查。`,
        'aa-focus-visible': `${why}，未到达的元素获得焦点时是否可见未检查，请人工检查。`,
      }
      for (const [ruleId, reviewReason] of Object.entries(review) as Array<[keyof typeof review, string]>)
        if (!outcomes.some((o) => o.ruleId === ruleId))
          outcomes.push({ ruleId, needsReview: true, reviewReason, nodes: [] })
    }
    return outcomes
  } finally {
    await evaluateIn(frame, STEP_TIMEOUT_MS, endWalk).catch(() => {})
    state.phase = 'passive'
  }
}
