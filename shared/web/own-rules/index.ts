import { aaAgeingContrast } from './aa-ageing-contrast'
import { aaAgeingEntry } from './aa-ageing-entry'
import { aaAutoplayMedia } from './aa-autoplay-media'
import { aaCssGeneratedContent } from './aa-css-generated-content'
import { aaFocusVisible } from './aa-focus-visible'
import { aaHtmlConformance } from './aa-html-conformance'
import { aaHtmlLang } from './aa-html-lang'
import { aaKeyboardReach } from './aa-keyboard-reach'
import { aaKeyboardTrap } from './aa-keyboard-trap'
import { aaMinTextSize } from './aa-min-text-size'
import { aaReflow } from './aa-reflow'
import { aaTimedRefresh } from './aa-timed-refresh'
import type { OwnRuleMeta } from './own-rule'

export { ageingFigures, wcagFigures } from './own-rule'
export type { OwnRuleMeta } from './own-rule'
export { ageingEntryRequiredBy } from './aa-ageing-entry'

/** Version of the own-rule set; store it with audit results next to axe's version. */
export const ownRulesVersion = '1.0.0'

/** All own web checks, in report order. */
export const ownRules: readonly OwnRuleMeta[] = [
  aaHtmlLang,
  aaHtmlConformance,
  aaAgeingEntry,
  aaMinTextSize,
  aaAgeingContrast,
  aaCssGeneratedContent,
  aaAutoplayMedia,
  aaTimedRefresh,
  aaKeyboardReach,
  aaKeyboardTrap,
  aaFocusVisible,
  aaReflow,
]

export type OwnRuleId =
  | 'aa-html-lang'
  | 'aa-html-conformance'
  | 'aa-ageing-entry'
  | 'aa-min-text-size'
  | 'aa-ageing-contrast'
  | 'aa-css-generated-content'
  | 'aa-autoplay-media'
  | 'aa-timed-refresh'
  | 'aa-keyboard-reach'
  | 'aa-keyboard-trap'
  | 'aa-focus-visible'
  | 'aa-reflow'

export const ownRuleIds: readonly OwnRuleId[] = ownRules.map((r) => r.id as OwnRuleId)

const byId = new Map(ownRules.map((r) => [r.id, r]))

export function getOwnRule(id: string): OwnRuleMeta | undefined {
  return byId.get(id)
}
