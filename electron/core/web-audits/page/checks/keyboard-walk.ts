import type { CDPSession, Page } from 'puppeteer-core'
import { evaluateIn, evaluatePlain } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { remaining, withTimeout } from '../timing'
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

/** After a cycle is found: can Shift+Tab or Esc (then Tab) take focus out of it? */
async function escapes(ctx: CheckContext, cycle: ReadonlySet<string>): Promise<boolean> {
  const left = (stop: FocusStop): boolean => stop.kind === 'out' || !cycle.has(stop.key)
  for (let i = 0; i < cycle.size + 2; i++) {
    await press(ctx.page, 'Tab', true)
    if (left(await evaluatePlain(ctx.frame, STEP_TIMEOUT_MS, readFocus))) return true
  }
  await press(ctx.page, 'Escape')
  for (let i = 0; i < cycle.size + 2; i++) {
    await press(ctx.page, 'Tab')
    if (left(await evaluatePlain(ctx.frame, STEP_TIMEOUT_MS, readFocus))) return true
  }
  return false
}

export async function checkKeyboard(ctx: CheckContext, maxPresses: number): Promise<OwnOutcome[]> {
  const { page, frame, state } = ctx
  const deadline = Math.min(state.deadline - 5_000, Date.now() + Math.max(ctx.timeoutMs, maxPresses * 100))
  state.phase = 'interactive'
  await page.bringToFront()
  const setup = await evaluateIn(frame, ctx.timeoutMs, setupWalk, ctx.maxNodes)
  const stops: FocusStop[] = []
  const described = new Map<string, DescribedNode>()
  let complete = false
  let cycle = null as string[] | null
  /** Takes the focus stop after one press; says whether the walk is over. */
  const take = (stop: FocusStop): WalkStep => {
    if (stop.node) described.set(stop.key, stop.node)
    if (stop.kind === 'out') {
      complete = true
      return 'complete'
    }
    stops.push(stop)
    cycle = findCycle(stops.map((s) => s.key))
    return cycle ? 'cycle' : 'continue'
  }
  try {
    let pressed = 0
    if (setup.batchable && state.cdp) {
      const cdp = state.cdp
      await evaluatePlain(frame, STEP_TIMEOUT_MS, recordTabs, true)
      let step: WalkStep = 'continue'
      let batch = Math.min(maxPresses, setup.candidates.length + 2)
      while (step === 'continue' && pressed < maxPresses && remaining(deadline) > 1_000) {
        const count = Math.min(batch, maxPresses - pressed)
        await state.clock.time('  keyboard: batched presses', () => pressTabs(cdp, count))
        const log = await evaluatePlain(frame, STEP_TIMEOUT_MS, takeTabLog)
        const afterEach = [...log.stops, log.current]
        // Every press must show up once as a keydown (also the one that brings focus back from the browser UI).
        if (log.keydowns !== count) break
        for (const stop of afterEach.slice(0, count)) {
          step = take(stop)
          pressed++
          if (step !== 'continue') break
        }
        batch = BATCH
      }
      await evaluatePlain(frame, STEP_TIMEOUT_MS, recordTabs, false)
      if (step === 'continue' && pressed < maxPresses && remaining(deadline) > 1_000) {
        // The log could not be trusted: walk again from the top, one press at a time.
        await evaluateIn(frame, STEP_TIMEOUT_MS, endWalk).catch(() => {})
        Object.assign(setup, await evaluateIn(frame, ctx.timeoutMs, setupWalk, ctx.maxNodes))
        stops.length = 0
        described.clear()
        pressed = 0
      } else pressed = maxPresses
    }
    for (; pressed < maxPresses && remaining(deadline) > 1_000; pressed++) {
      await state.clock.time('  keyboard: single presses', () => pressTab(page, state.cdp))
      if (take(await evaluatePlain(frame, STEP_TIMEOUT_MS, readFocus)) !== 'continue') break
    }
    const outcomes: OwnOutcome[] = []
    const nodeOf = (key: string, summary: string): OwnNode[] => {
      const d = described.get(key)
      return d ? [elementNode(d, summary)] : []
    }

    if (cycle && setup.candidates.length > cycle.length && !(await escapes(ctx, new Set(cycle)))) {
      const inDialog = stops.some((s) => cycle?.includes(s.key) && s.inDialog)
      const summary = `焦点在这 ${cycle.length} 个元素之间循环，按 Tab、Shift+Tab 和 Esc 都无法移出`
      outcomes.push({
        ruleId: 'aa-keyboard-trap',
        needsReview: inDialog,
        ...(inDialog
          ? {
              reviewReason:
                '焦点被限制在对话框内：若对话框可用键盘关闭（如其中的关闭按钮），则不算键盘陷阱，请人工确认。',
            }
          : {}),
        nodes: cycle.flatMap((k) => nodeOf(k, summary)),
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
      const found = nodes.filter((d): d is DescribedNode => d !== null)
      reach.push(...found.map((d) => elementNode(d, '按 Tab 键走完整个页面也没有到达该元素')))
      reachTotal += found.length
    }
    if (reach.length > 0)
      outcomes.push({ ruleId: 'aa-keyboard-reach', needsReview: false, nodes: reach, nodeCount: reachTotal })

    const invisible = [
      ...new Set(stops.filter((s) => s.kind === 'el' && s.changed === false).map((s) => s.key)),
    ]
    if (invisible.length > 0)
      outcomes.push({
        ruleId: 'aa-focus-visible',
        needsReview: false,
        nodes: invisible.flatMap((k) =>
          nodeOf(k, '获得键盘焦点时外观没有任何变化（无焦点框、边框、阴影或颜色变化）'),
        ),
        nodeCount: invisible.length,
      })
    return outcomes
  } finally {
    await evaluateIn(frame, STEP_TIMEOUT_MS, endWalk).catch(() => {})
    state.phase = 'passive'
  }
}
