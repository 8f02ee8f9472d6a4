import { getAxeRule, type AxeImpact } from './axe-rule-map'
import { impactLabels } from '../format/index'
import { levelFromAxeTag, lowestLevel, refsForCriteria, scFromAxeTag, type ClauseRefs } from './clause-refs'

/**
 * Standards mapping for axe findings: WCAG 2.x SC ↔ GB/T 37668-2019 clause ↔ MIIT 适老化 rule, and axe impact →
 * the project's severity. The data lives in wcag-criteria.ts, gbt37668-clauses.ts, ageing-rules.ts, axe-rule-map.ts and manual-checks.ts;
 * this module holds the logic and re-exports what callers need.
 */

export { wcagCriteria, getCriterion, compareCriterionIds } from './wcag-criteria'
export type { WcagCriterion, WcagLevel, WcagVersion, GbClauseStatus } from './wcag-criteria'
export { gbt37668Clauses, getGbClause, sourceNote } from './gbt37668-clauses'
export type { GbClause, GbLevel, Confidence } from './gbt37668-clauses'
export { ageingRules, ageingDocTitles, getAgeingRule, formatAgeingRef } from './ageing-rules'
export type { AgeingRule, AgeingDoc } from './ageing-rules'
export { axeRules, axeRuleIds, axeRuleTableVersion, getAxeRule } from './axe-rule-map'
export type { AxeImpact, AxeRuleMeta } from './axe-rule-map'
export { refsForCriteria, scFromAxeTag, levelFromAxeTag } from './clause-refs'
export type { ClauseRefs } from './clause-refs'
export { manualChecks, manualChecksFor } from './manual-checks'
export type { ManualCheck, AxeCoverage } from './manual-checks'

/** Version of the mapping data (criteria, clauses, axe table, manual checks); store it with audit results. */
export const webStandardsMappingVersion = '1.0.0'

export type AxeRuleMapping = ClauseRefs

/**
 * Maps an axe rule to WCAG SCs, GB/T 37668 clauses, level and 适老化 rules.
 *
 * - WCAG SCs come from the `wcagNNN` tags passed in (as found on an axe result, so a newer axe or a custom rule
 *   maps correctly); when no tags are given, or they carry no SC tag, the rule table (axe 4.14.1) is used.
 * - Level: from the level tag (`wcag2a`, `wcag21aa`, `wcag2a-obsolete` …), else the strictest level of the SCs.
 * - Best-practice rules (tag `best-practice`, or so marked in the table) have no WCAG SC: empty lists, level null.
 * - Unknown rules without tags map to empty lists and level null; the function never throws.
 */
export function mapAxeRule(ruleId: string, tags?: readonly string[] | null): AxeRuleMapping {
  const meta = getAxeRule(ruleId)
  const given = tags ?? []
  let criteria = given.map(scFromAxeTag).filter((sc) => sc !== null)
  let levelTagLevels = given.map(levelFromAxeTag)
  if (criteria.length === 0 && meta) {
    criteria = [...meta.wcag]
    if (levelTagLevels.every((l) => l === null)) levelTagLevels = meta.levelTags.map(levelFromAxeTag)
  }
  const bestPractice = given.includes('best-practice') || (given.length === 0 && meta?.bestPractice === true)
  if (bestPractice && criteria.length === 0) return { wcag: [], gbt37668: [], level: null, ageing: [] }
  const refs = refsForCriteria(criteria)
  const tagLevel = lowestLevel(levelTagLevels)
  return { ...refs, level: refs.wcag.length > 0 ? (tagLevel ?? refs.level) : null }
}

/** True for axe best-practice rules (advice, not a WCAG / GB/T 37668 requirement). */
export function isBestPracticeRule(ruleId: string, tags?: readonly string[] | null): boolean {
  if (tags && tags.length > 0) return tags.includes('best-practice')
  return getAxeRule(ruleId)?.bestPractice ?? false
}

/** The project's severities for rectification items. */
export type Severity = 'critical' | 'major' | 'minor'

/**
 * axe impact → severity. critical blocks access (critical); serious prevents access to basic features (major);
 * moderate (difficulty, usually not blocking) and minor (nuisance) both become minor.
 */
export const impactSeverity: Readonly<Record<AxeImpact, Severity>> = {
  critical: 'critical',
  serious: 'major',
  moderate: 'minor',
  minor: 'minor',
}

/** zh-CN labels for axe impacts (a working proposal, not taken from any standard): shared/format, one scale. */
export const impactLabelsZh: Readonly<Record<AxeImpact, string>> = impactLabels

export function isAxeImpact(value: unknown): value is AxeImpact {
  return value === 'critical' || value === 'serious' || value === 'moderate' || value === 'minor'
}

/**
 * Severity of an axe result. axe gives `impact: null` on some incomplete results; then the rule's own impact
 * from the table is used, else `fallback`.
 */
export function impactToSeverity(
  impact: string | null | undefined,
  ruleId?: string,
  fallback: Severity = 'minor',
): Severity {
  if (isAxeImpact(impact)) return impactSeverity[impact]
  const ruleImpact = ruleId ? getAxeRule(ruleId)?.impact : undefined
  return ruleImpact ? impactSeverity[ruleImpact] : fallback
}
