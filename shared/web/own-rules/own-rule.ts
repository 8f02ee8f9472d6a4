import type { AxeImpactLevel } from '../audit-result'
import type { ClauseRefs } from '../clause-refs'

/**
 * Metadata of one of the project's own web checks (beyond axe-core): the same shape of record axe keeps per rule,
 * so reports treat both alike. Pure data (no Node built-ins), importable by the renderer.
 * User-facing text lives here only; the check function in electron/core/web-audits/page/checks/ returns facts and verdicts.
 */
export interface OwnRuleMeta {
  /** Always prefixed "aa-" so it never collides with an axe rule id. */
  id: string
  /** zh-CN: what the rule checks (AuditRuleResult.description). */
  description: string
  /** zh-CN: what is required / how to fix (AuditRuleResult.help). */
  help: string
  impact: AxeImpactLevel
  refs: ClauseRefs
  /** zh-CN: how the check decides and what it cannot see — for the report's method notes. */
  method: string
}

/**
 * Figures of the MIIT 适老化 rules used by the own checks (shared/reference/web-standards.md §2.2–2.4).
 * dp/pt are treated as CSS px: a working assumption the specs do not state (marked [U] in the reference).
 */
export const ageingFigures = {
  /** Elder-mode main text and mobile large-font size: ≥ 18 dp/pt (web annex 1.2.3, APP annex 1.1). */
  minTextPx: 18,
  /** Text vs background contrast (APP annex 1.3): ≥ 4.5:1 … */
  minContrast: 4.5,
  /** … and ≥ 3:1 for text larger than 18 dp/pt. */
  minContrastLarge: 3,
  largeTextPx: 18,
} as const

/** WCAG figures used by the own checks (the SC texts). */
export const wcagFigures = {
  /** 1.4.10 Reflow: content usable at 320 CSS px width without horizontal scrolling. */
  reflowWidthPx: 320,
  /** Scrollbar / rounding allowance before horizontal overflow counts. */
  reflowTolerancePx: 4,
  /** 1.4.2 Audio Control: audio that plays automatically for more than 3 s. */
  autoplayMaxSeconds: 3,
  /** 2.2.1 exception: a time limit longer than 20 hours. */
  refreshExemptSeconds: 72_000,
} as const
