/// <reference lib="dom" />
import type * as Axe from 'axe-core'
import type { Page } from 'puppeteer-core'
import { pageOf, type AuditState } from './audit-state'
import { AxeFrames } from './axe-frames'
import { axeAssets } from './axe-source'
import { failureMessages, PageAuditError } from './failure'
import { remaining, secondsText, StepTimeoutError, withTimeout } from './timing'

/**
 * Runs axe over the page and its frames with a time budget per rule.
 *
 * First, one axe.run (with axe injected into every frame) for all selected rules, bounded by `ruleTimeoutMs`: on
 * a normal page that is all. Only if it overruns, axe.run is called once per group of rules:
 *  1. all selected rules except the known-expensive ones, in one call;
 *  2. each expensive rule (`isolatedRules`) in its own call, bounded by `ruleTimeoutMs`.
 * If the group itself overruns, its rules are re-run one by one, each under `ruleTimeoutMs`.
 * A rule that overruns is reported as needs-review ("规则执行超时（超过 N 秒）"), never dropped; the others report.
 * axe results are per rule, so the split gives the same violations and incomplete results as one axe.run.
 *
 * page.evaluate cannot be cancelled, so an overrun is abandoned with CDP Runtime.terminateExecution (which stops
 * the script running in the page) and axe is loaded afresh before the next call.
 *
 * (axe.runPartial / finishRun, which @axe-core/puppeteer uses, was measured about 4× slower on a link-heavy page:
 * it serializes a selector for every passing node.)
 */

type AxeWindow = Window & { axe: typeof Axe }

export interface RuleInfo {
  description: string
  help: string
  helpUrl: string
  tags: string[]
}

export interface RuleNotRun {
  ruleId: string
  reviewReason: string
}

export interface AxeRunOutcome {
  /** One axe result set per call (group, isolated rules, fallbacks). */
  results: Axe.AxeResults[]
  /** Rules that timed out or could not run. */
  notRun: RuleNotRun[]
  /** Localized metadata of every selected rule (for the not-run results). */
  rules: Record<string, RuleInfo>
  version: string
}

export const axeReasons = {
  ruleTimeout: (ms: number) => `规则执行超时（超过 ${secondsText(ms)}）`,
  budgetSpent: (ms: number) => `本页 axe 检测时限（${secondsText(ms)}）已用完，规则未执行`,
  failed: (detail: string) => `规则执行出错：${detail}`,
} as const

const RESULT_TYPES: Axe.resultGroups[] = ['violations', 'incomplete']
/** Leaves time after axe for the own checks and screenshots. */
const PAGE_RESERVE_MS = 10_000
const SETUP_TIMEOUT_MS = 20_000

type Attempt =
  { kind: 'ok'; results: Axe.AxeResults } | { kind: 'timeout' } | { kind: 'error'; error: unknown }

/** The rules a plain axe.run with these tags would run (axe's own ruleShouldRun), with localized metadata. */
function selectRules(
  frames: AxeFrames,
  page: Page,
  tags: string[],
): Promise<{ ids: string[]; rules: Record<string, RuleInfo> }> {
  return frames.call(
    page,
    SETUP_TIMEOUT_MS,
    (values: string[]) => {
      const axe = (window as unknown as AxeWindow).axe
      type RuleLike = { id: string }
      const audit = (axe as unknown as { _audit: { rules: RuleLike[] } })._audit
      const shouldRun = (
        axe.utils as unknown as { ruleShouldRun: (r: RuleLike, c: object, o: object) => boolean }
      ).ruleShouldRun
      const options = { runOnly: { type: 'tag', values } }
      const ids = audit.rules.filter((r) => shouldRun(r, { page: true }, options)).map((r) => r.id)
      const rules: Record<string, RuleInfo> = {}
      for (const r of axe.getRules())
        if (ids.includes(r.ruleId))
          rules[r.ruleId] = { description: r.description, help: r.help, helpUrl: r.helpUrl, tags: r.tags }
      return { ids, rules }
    },
    tags,
  )
}

export async function runAxe(s: AuditState): Promise<AxeRunOutcome> {
  const page = pageOf(s)
  const { tags, isolatedRules, axeTimeoutMs, ruleTimeoutMs, checkTimeoutMs } = s.options
  const frames = new AxeFrames(s)
  const axeDeadline = Math.min(Date.now() + axeTimeoutMs, s.deadline - PAGE_RESERVE_MS)

  await s.clock.time('  axe: inject', () =>
    frames.prepare(page, Math.min(checkTimeoutMs, remaining(axeDeadline))),
  )
  const { ids, rules } = await s.clock.time('  axe: select rules', () => selectRules(frames, page, tags))
  const isolated = isolatedRules.filter((id) => ids.includes(id))
  const grouped = ids.filter((id) => !isolated.includes(id))
  const outcome: AxeRunOutcome = { results: [], notRun: [], rules, version: axeAssets().version }

  const attempt = async (phase: string, options: Axe.RunOptions, deadline: number): Promise<Attempt> =>
    s.clock.time(phase, () => attemptRun(options, deadline))
  const attemptRun = async (options: Axe.RunOptions, deadline: number): Promise<Attempt> => {
    try {
      await frames.prepare(page, Math.min(checkTimeoutMs, remaining(deadline)))
      // Frames get the rest of the budget; a frame that does not answer is marked by axe (frame-tested).
      const run = {
        ...options,
        resultTypes: RESULT_TYPES,
        frameWaitTime: Math.max(1_000, remaining(deadline)),
      }
      const results = await frames.call(
        page,
        remaining(deadline),
        (o: Axe.RunOptions) => (window as unknown as AxeWindow).axe.run(document, o),
        run,
      )
      return { kind: 'ok', results }
    } catch (error) {
      if (!(error instanceof StepTimeoutError)) return { kind: 'error', error }
      // Abandon the run still going in the page, then start over with a fresh axe.
      if (s.cdp)
        await withTimeout(s.cdp.send('Runtime.terminateExecution'), 5_000, '中止脚本').catch(() => {})
      frames.reset()
      return { kind: 'timeout' }
    }
  }

  const single = async (ruleId: string): Promise<void> => {
    const left = remaining(axeDeadline)
    if (left < 500) {
      outcome.notRun.push({ ruleId, reviewReason: axeReasons.budgetSpent(axeTimeoutMs) })
      return
    }
    const budget = Math.min(ruleTimeoutMs, left)
    const r = await attempt(
      `  axe: rule ${ruleId}`,
      { runOnly: { type: 'rule', values: [ruleId] } },
      Date.now() + budget,
    )
    if (r.kind === 'ok') outcome.results.push(r.results)
    else if (r.kind === 'timeout')
      outcome.notRun.push({
        ruleId,
        reviewReason:
          budget < ruleTimeoutMs
            ? axeReasons.budgetSpent(axeTimeoutMs)
            : axeReasons.ruleTimeout(ruleTimeoutMs),
      })
    else
      outcome.notRun.push({
        ruleId,
        reviewReason: axeReasons.failed(String((r.error as Error)?.message ?? r.error)),
      })
  }

  if (grouped.length > 0 && isolated.length > 0) {
    // Optimistic first: one axe.run for every rule (one flattened tree, one setup) under one rule's budget. Only a
    // page where that overruns pays for the split below; its results are then exactly what the split would give.
    const allDeadline = Math.min(axeDeadline, Date.now() + ruleTimeoutMs)
    const r = await attempt('  axe: all rules', { runOnly: { type: 'tag', values: tags } }, allDeadline)
    if (r.kind === 'ok') {
      outcome.results.push(r.results)
      frames.noteUnansweredFrames(outcome.results, page.url())
      return outcome
    }
  }
  if (grouped.length > 0) {
    // The group gets half the budget, so that after an overrun its rules can still run one by one.
    const groupDeadline = Math.min(axeDeadline, Date.now() + Math.max(ruleTimeoutMs, axeTimeoutMs / 2))
    const disabled = Object.fromEntries(isolated.map((id) => [id, { enabled: false }]))
    const r = await attempt(
      '  axe: grouped rules',
      { runOnly: { type: 'tag', values: tags }, rules: disabled },
      groupDeadline,
    )
    if (r.kind === 'ok') outcome.results.push(r.results)
    else if (r.kind === 'error') throw r.error
    else for (const id of grouped) await single(id)
  }
  for (const id of isolated) await single(id)
  if (outcome.results.length === 0 && outcome.notRun.length > 0 && remaining(axeDeadline) === 0)
    throw new PageAuditError('audit-timeout', failureMessages.axeTimeout(axeTimeoutMs))
  frames.noteUnansweredFrames(outcome.results, page.url())
  return outcome
}
