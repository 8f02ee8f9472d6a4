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
import { checkForms } from './form-checks'
import { checkImages } from './image-checks'
import { checkKeys } from './key-checks'
import { checkLinks } from './link-checks'
import { checkMotionEnd, checkMotionStart } from './motion-check'
import { checkTables } from './table-checks'
import { checkText } from './text-checks'
import { keepPageLinks } from './page-links'
import { detectOverlays } from './page-extras'
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
  // Motion is watched from the first document check to the last one before anything moves focus.
  { rules: ['aa-motion-no-pause'], run: checkMotionStart },
  { rules: ['aa-html-lang'], run: checkHtmlLang },
  { rules: ['aa-html-conformance'], run: async (ctx) => conformanceOutcome(ctx.state.source, ctx.maxNodes) },
  { rules: ['aa-ageing-entry'], run: checkAgeingEntry },
  { rules: ['aa-min-text-size', 'aa-ageing-contrast'], run: checkAgeingText },
  { rules: ['aa-css-generated-content'], run: checkGeneratedContent },
  { rules: ['aa-autoplay-media'], run: checkAutoplayMedia },
  {
    rules: [
      'aa-link-no-target',
      'aa-link-nonspecific',
      'aa-link-ambiguous',
      'aa-link-adjacent-duplicate',
      'aa-link-new-window',
      'aa-link-file-format',
    ],
    run: async (ctx) => {
      const { outcomes, links } = await checkLinks(ctx)
      keepPageLinks(ctx.state, links)
      return outcomes
    },
  },
  { rules: ['aa-placeholder-label', 'aa-fieldset-legend', 'aa-choice-group'], run: checkForms },
  { rules: ['aa-img-alt-filename', 'aa-img-alt-title'], run: checkImages },
  {
    rules: ['aa-table-headers', 'aa-table-complex-headers', 'aa-layout-table-markup', 'aa-nested-table'],
    run: checkTables,
  },
  { rules: ['aa-visual-heading', 'aa-line-spacing', 'aa-text-style'], run: checkText },
  { rules: ['aa-motion-no-pause'], run: checkMotionEnd },
  // Focuses menu triggers: after the motion watch.
  { rules: ['aa-accesskey', 'aa-hover-only'], run: checkKeys },
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

/** The document checks; before them, overlays are noted (information for the page result, never a rule). */
export async function runDocumentChecks(s: AuditState): Promise<AuditRuleResult[]> {
  await s.clock.time('  overlays', () => detectOverlays(contextOf(s))).catch(() => undefined)
  return runChecks(s, documentChecks)
}

export function runKeyboardChecks(s: AuditState): Promise<AuditRuleResult[]> {
  return s.options.maxTabPresses > 0 ? runChecks(s, [keyboardCheck]) : Promise.resolve([])
}

export const runLayoutChecks = (s: AuditState): Promise<AuditRuleResult[]> => runChecks(s, [layoutCheck])

export const runRefreshCheck = (s: AuditState): Promise<AuditRuleResult[]> => runChecks(s, [refreshCheck])
