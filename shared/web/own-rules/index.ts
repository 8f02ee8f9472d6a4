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
import { aaLinkNoTarget } from './aa-link-no-target'
import { aaLinkNonspecific } from './aa-link-nonspecific'
import { aaLinkAmbiguous } from './aa-link-ambiguous'
import { aaLinkAdjacentDuplicate } from './aa-link-adjacent-duplicate'
import { aaLinkNewWindow } from './aa-link-new-window'
import { aaLinkFileFormat } from './aa-link-file-format'
import { aaPlaceholderLabel } from './aa-placeholder-label'
import { aaFieldsetLegend } from './aa-fieldset-legend'
import { aaChoiceGroup } from './aa-choice-group'
import { aaImgAltFilename } from './aa-img-alt-filename'
import { aaImgAltTitle } from './aa-img-alt-title'
import { aaMotionNoPause } from './aa-motion-no-pause'
import { aaTableHeaders } from './aa-table-headers'
import { aaTableComplexHeaders } from './aa-table-complex-headers'
import { aaLayoutTableMarkup } from './aa-layout-table-markup'
import { aaNestedTable } from './aa-nested-table'
import { aaVisualHeading } from './aa-visual-heading'
import { aaLineSpacing } from './aa-line-spacing'
import { aaTextStyle } from './aa-text-style'
import { aaAccesskey } from './aa-accesskey'
import { aaHoverOnly } from './aa-hover-only'
import type { OwnRuleMeta } from './own-rule'

export { ageingFigures, wcagFigures } from './own-rule'
export type { OwnRuleMeta } from './own-rule'
export { ageingEntryRequiredBy } from './aa-ageing-entry'

/** Version of the own-rule set; store it with audit results next to axe's version. */
export const ownRulesVersion = '1.1.0'

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
  aaLinkNoTarget,
  aaLinkNonspecific,
  aaLinkAmbiguous,
  aaLinkAdjacentDuplicate,
  aaLinkNewWindow,
  aaLinkFileFormat,
  aaPlaceholderLabel,
  aaFieldsetLegend,
  aaChoiceGroup,
  aaImgAltFilename,
  aaImgAltTitle,
  aaMotionNoPause,
  aaTableHeaders,
  aaTableComplexHeaders,
  aaLayoutTableMarkup,
  aaNestedTable,
  aaVisualHeading,
  aaLineSpacing,
  aaTextStyle,
  aaAccesskey,
  aaHoverOnly,
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
  | 'aa-link-no-target'
  | 'aa-link-nonspecific'
  | 'aa-link-ambiguous'
  | 'aa-link-adjacent-duplicate'
  | 'aa-link-new-window'
  | 'aa-link-file-format'
  | 'aa-placeholder-label'
  | 'aa-fieldset-legend'
  | 'aa-choice-group'
  | 'aa-img-alt-filename'
  | 'aa-img-alt-title'
  | 'aa-motion-no-pause'
  | 'aa-table-headers'
  | 'aa-table-complex-headers'
  | 'aa-layout-table-markup'
  | 'aa-nested-table'
  | 'aa-visual-heading'
  | 'aa-line-spacing'
  | 'aa-text-style'
  | 'aa-accesskey'
  | 'aa-hover-only'

export const ownRuleIds: readonly OwnRuleId[] = ownRules.map((r) => r.id as OwnRuleId)

const byId = new Map(ownRules.map((r) => [r.id, r]))

export function getOwnRule(id: string): OwnRuleMeta | undefined {
  return byId.get(id)
}
