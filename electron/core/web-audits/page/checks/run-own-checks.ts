import type { AuditRuleResult } from '../../../../../shared/web/audit-result'
import type { OwnRuleId } from '../../../../../shared/web/own-rules'
import { pageOf, type AuditState } from '../audit-state'
import { secondsText, StepTimeoutError } from '../timing'
import { checkAgeingEntry } from './ageing-entry'
import { checkAgeingText } from './ageing-text'
import { checkAutoplayMedia } from './autoplay-media'
import { checkGeneratedContent } from './generated-content'
import { conformanceOutcome } from './html-conformance-check'
import { checkHtmlLang } from './html-lang'
import { checkKeyboard } from './keyboard-walk'
import { toOwnResult, type CheckContext, type OwnOutcome } from './own-check'
import { checkReflow } from './reflow'
import { checkTimedRefresh } from './timed-refresh'

/**
 * Runs the project's own checks in phases, as the pipeline needs them: document checks (read-only), the keyboard
 * walk (moves focus), reflow (changes the viewport), and timed refresh (watches the whole audit). A check that fails or times out
 * becomes a needs-review result for its rules, never a silent gap.
 */

interface Check {
  rules: readonly OwnRuleId[]
  run: (ctx: CheckContext) => Promise<OwnOutcome[]>
}

const documentChecks: readonly Check[] = [
  { rules: ['aa-html-lang'], run: checkHtmlLang },
  { rules: ['aa-html-conformance'], run: async (ctx) => conformanceOutcome(ctx.state.source, ctx.maxNodes) },
  { rules: ['aa-ageing-entry'], run: checkAgeingEntry },
  { rules: ['aa-min-text-size', 'aa-ageing-contrast'], run: checkAgeingText },
  { rules: ['aa-css-generated-content'], run: checkGeneratedContent },
  { rules: ['aa-autoplay-media'], run: checkAutoplayMedia },
]

/** Last, so that a page's own timed redirect has had the whole audit to show itself. */
const refreshCheck: Check = { rules: ['aa-timed-refresh'], run: checkTimedRefresh }

const keyboardCheck: Check = {
  rules: ['aa-keyboard-trap', 'aa-keyboard-reach', 'aa-focus-visible'],
  run: (ctx) => checkKeyboard(ctx, ctx.state.options.maxTabPresses),
}

const layoutCheck: Check = { rules: ['aa-reflow'], run: checkReflow }

function contextOf(s: AuditState): CheckContext {
  const page = pageOf(s)
  return {
    state: s,
    page,
    frame: page.mainFrame(),
    timeoutMs: s.options.checkTimeoutMs,
    maxNodes: s.options.maxNodesPerRule,
  }
}

async function runChecks(s: AuditState, checks: readonly Check[]): Promise<AuditRuleResult[]> {
  const enabled = new Set<string>(s.options.ownRules)
  const results: AuditRuleResult[] = []
  for (const check of checks) {
    const rules = check.rules.filter((r) => enabled.has(r))
    if (rules.length === 0) continue
    if (s.abortError) throw s.abortError
    let outcomes: OwnOutcome[]
    try {
      outcomes = await s.clock.time(`  check ${check.rules.join('+')}`, () => check.run(contextOf(s)))
    } catch (err) {
      if (s.abortError) throw s.abortError
      const why =
        err instanceof StepTimeoutError
          ? `检查执行超时（超过 ${secondsText(err.ms)}）`
          : `检查执行出错：${err instanceof Error ? err.message : String(err)}`
      outcomes = rules.map((ruleId) => ({
        ruleId,
        needsReview: true,
        reviewReason: `${why}，请人工检查。`,
        nodes: [],
      }))
    }
    for (const o of outcomes)
      if (enabled.has(o.ruleId)) results.push(toOwnResult(o, s.options.maxNodesPerRule))
  }
  return results
}

export const runDocumentChecks = (s: AuditState): Promise<AuditRuleResult[]> => runChecks(s, documentChecks)

export function runKeyboardChecks(s: AuditState): Promise<AuditRuleResult[]> {
  return s.options.maxTabPresses > 0 ? runChecks(s, [keyboardCheck]) : Promise.resolve([])
}

export const runLayoutChecks = (s: AuditState): Promise<AuditRuleResult[]> => runChecks(s, [layoutCheck])

export const runRefreshCheck = (s: AuditState): Promise<AuditRuleResult[]> => runChecks(s, [refreshCheck])
