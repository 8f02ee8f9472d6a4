import type { Page } from 'puppeteer-core'
import { evaluateIn } from '../page/page-call'
import type { DescribedNode } from '../page/page-helpers'
import { remaining } from '../page/timing'
import { describeKeys, endWalk, readFocus, setupWalk, type FocusStop } from './keyboard-page'
import { findCycle, unreachedKeys } from './keyboard-verdicts'
import { elementNode, type CheckContext, type OwnNode, type OwnOutcome } from './own-check'

/**
 * aa-keyboard-trap, aa-keyboard-reach and aa-focus-visible from one walk: press Tab from the top of the page
 * (a bounded number of times) with real key events, and read where focus lands after each press.
 */

const STEP_TIMEOUT_MS = 5_000

async function press(page: Page, key: 'Tab' | 'Escape', shift = false): Promise<void> {
  if (shift) await page.keyboard.down('Shift')
  await page.keyboard.press(key)
  if (shift) await page.keyboard.up('Shift')
}

/** After a cycle is found: can Shift+Tab or Esc (then Tab) take focus out of it? */
async function escapes(ctx: CheckContext, cycle: ReadonlySet<string>): Promise<boolean> {
  const left = (stop: FocusStop): boolean => stop.kind === 'out' || !cycle.has(stop.key)
  for (let i = 0; i < cycle.size + 2; i++) {
    await press(ctx.page, 'Tab', true)
    if (left(await evaluateIn(ctx.frame, STEP_TIMEOUT_MS, readFocus))) return true
  }
  await press(ctx.page, 'Escape')
  for (let i = 0; i < cycle.size + 2; i++) {
    await press(ctx.page, 'Tab')
    if (left(await evaluateIn(ctx.frame, STEP_TIMEOUT_MS, readFocus))) return true
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
  let cycle: string[] | null = null
  try {
    for (let i = 0; i < maxPresses && remaining(deadline) > 1_000; i++) {
      await press(page, 'Tab')
      const stop = await evaluateIn(frame, STEP_TIMEOUT_MS, readFocus)
      if (stop.node) described.set(stop.key, stop.node)
      if (stop.kind === 'out') {
        complete = true
        break
      }
      stops.push(stop)
      cycle = findCycle(stops.map((s) => s.key))
      if (cycle) break
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
