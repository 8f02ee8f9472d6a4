/**
 * axe-core 4.14.1 rule metadata as data: one line per rule, taken from shared/reference/axe-rules.tsv (itself
 * generated from the installed npm package). Regenerate both after upgrading axe-core; the unit test
 * tests/unit/web/axe-rule-map.test.ts compares this table with the reference TSV and the installed package.
 *
 * Columns (whitespace separated):
 *   rule id | rule-level impact | flags | category (cat.* without prefix) | level tags | WCAG SCs ('-' = none)
 * Flags, one letter each or '-':  E = enabled flag true, D = runs in a default axe.run(),
 *   R = reviewOnFail (failures land in `incomplete`), Z = zh_CN locale has the rule's text.
 */

export type AxeImpact = 'critical' | 'serious' | 'moderate' | 'minor'

export interface AxeRuleMeta {
  id: string
  impact: AxeImpact
  enabled: boolean
  defaultRun: boolean
  reviewOnFail: boolean
  zhLocale: boolean
  category: string
  /** Level tags: 'wcag2a', 'wcag21aa', 'best-practice', 'experimental', 'deprecated', 'wcag2a-obsolete' … */
  levelTags: readonly string[]
  /** SC ids decoded from the wcagNNN tags; empty for best-practice rules. */
  wcag: readonly string[]
  bestPractice: boolean
}

/** axe-core version the table describes. */
export const axeRuleTableVersion = '4.14.1'

const AXE_RULES = `
accesskeys                           serious   ED-Z  keyboard                 best-practice               -
area-alt                             critical  ED-Z  text-alternatives        wcag2a                      2.4.4,4.1.2
aria-allowed-attr                    critical  ED-Z  aria                     wcag2a                      4.1.2
aria-allowed-role                    minor     ED-Z  aria                     best-practice               -
aria-braille-equivalent              serious   EDRZ  aria                     wcag2a                      4.1.2
aria-command-name                    serious   ED-Z  aria                     wcag2a                      4.1.2
aria-conditional-attr                serious   ED-Z  aria                     wcag2a                      4.1.2
aria-deprecated-role                 minor     ED-Z  aria                     wcag2a                      4.1.2
aria-dialog-name                     serious   ED-Z  aria                     best-practice               -
aria-hidden-body                     critical  ED-Z  aria                     wcag2a                      1.3.1,4.1.2
aria-hidden-focus                    serious   ED-Z  name-role-value          wcag2a                      4.1.2
aria-input-field-name                serious   ED-Z  aria                     wcag2a                      4.1.2
aria-meter-name                      serious   ED-Z  aria                     wcag2a                      1.1.1
aria-progressbar-name                serious   ED-Z  aria                     wcag2a                      1.1.1
aria-prohibited-attr                 serious   ED-Z  aria                     wcag2a                      4.1.2
aria-required-attr                   critical  ED-Z  aria                     wcag2a                      4.1.2
aria-required-children               critical  ED-Z  aria                     wcag2a                      1.3.1
aria-required-parent                 critical  ED-Z  aria                     wcag2a                      1.3.1
aria-roledescription                 serious   ---Z  aria                     wcag2a,deprecated           4.1.2
aria-roles                           critical  ED-Z  aria                     wcag2a                      4.1.2
aria-tab-name                        serious   ED--  aria                     wcag2a                      4.1.2
aria-text                            serious   ED-Z  aria                     best-practice               -
aria-toggle-field-name               serious   ED-Z  aria                     wcag2a                      4.1.2
aria-tooltip-name                    serious   ED-Z  aria                     wcag2a                      4.1.2
aria-treeitem-name                   serious   ED-Z  aria                     best-practice               -
aria-valid-attr                      critical  ED-Z  aria                     wcag2a                      4.1.2
aria-valid-attr-value                critical  ED-Z  aria                     wcag2a                      4.1.2
audio-caption                        critical  ---Z  time-and-media           wcag2a,deprecated           1.2.1
autocomplete-valid                   serious   ED-Z  forms                    wcag21aa                    1.3.5
avoid-inline-spacing                 serious   ED-Z  structure                wcag21aa                    1.4.12
blink                                serious   ED-Z  time-and-media           wcag2a                      2.2.2
button-name                          critical  ED-Z  name-role-value          wcag2a                      4.1.2
bypass                               serious   EDRZ  keyboard                 wcag2a                      2.4.1
color-contrast                       serious   ED-Z  color                    wcag2aa                     1.4.3
color-contrast-enhanced              serious   ---Z  color                    wcag2aaa                    1.4.6
css-orientation-lock                 serious   E--Z  structure                wcag21aa,experimental       1.3.4
definition-list                      serious   ED-Z  structure                wcag2a                      1.3.1
dlitem                               serious   ED-Z  structure                wcag2a                      1.3.1
document-title                       serious   ED-Z  text-alternatives        wcag2a                      2.4.2
duplicate-id                         minor     ---Z  parsing                  wcag2a-obsolete,deprecated  4.1.1
duplicate-id-active                  serious   ---Z  parsing                  wcag2a-obsolete,deprecated  4.1.1
duplicate-id-aria                    critical  EDRZ  parsing                  wcag2a                      4.1.2
empty-heading                        minor     ED-Z  name-role-value          best-practice               -
empty-table-header                   minor     ED-Z  name-role-value          best-practice               -
focus-order-semantics                minor     E--Z  keyboard                 best-practice,experimental  -
form-field-multiple-labels           moderate  ED-Z  forms                    wcag2a                      3.3.2
frame-focusable-content              serious   ED-Z  keyboard                 wcag2a                      2.1.1
frame-tested                         critical  ED-Z  structure                best-practice               -
frame-title                          serious   ED-Z  text-alternatives        wcag2a                      4.1.2
frame-title-unique                   serious   EDRZ  text-alternatives        wcag2a                      4.1.2
heading-order                        moderate  ED-Z  semantics                best-practice               -
hidden-content                       minor     E--Z  structure                best-practice,experimental  -
html-has-lang                        serious   ED-Z  language                 wcag2a                      3.1.1
html-lang-valid                      serious   ED-Z  language                 wcag2a                      3.1.1
html-xml-lang-mismatch               moderate  ED-Z  language                 wcag2a                      3.1.1
identical-links-same-purpose         minor     ---Z  semantics                wcag2aaa                    2.4.9
image-alt                            critical  ED-Z  text-alternatives        wcag2a                      1.1.1
image-redundant-alt                  minor     ED-Z  text-alternatives        best-practice               -
input-button-name                    critical  ED-Z  name-role-value          wcag2a                      4.1.2
input-image-alt                      critical  ED-Z  text-alternatives        wcag2a                      1.1.1,4.1.2
label                                critical  ED-Z  forms                    wcag2a                      4.1.2
label-content-name-mismatch          serious   ED-Z  semantics                wcag21a                     2.5.3
label-title-only                     serious   ED-Z  forms                    best-practice               -
landmark-banner-is-top-level         moderate  ED-Z  semantics                best-practice               -
landmark-complementary-is-top-level  moderate  ---Z  semantics                best-practice,deprecated    -
landmark-contentinfo-is-top-level    moderate  ED-Z  semantics                best-practice               -
landmark-main-is-top-level           moderate  ED-Z  semantics                best-practice               -
landmark-no-duplicate-banner         moderate  ED-Z  semantics                best-practice               -
landmark-no-duplicate-contentinfo    moderate  ED-Z  semantics                best-practice               -
landmark-no-duplicate-main           moderate  ED-Z  semantics                best-practice               -
landmark-one-main                    moderate  ED-Z  semantics                best-practice               -
landmark-unique                      moderate  ED-Z  semantics                best-practice               -
link-in-text-block                   serious   ED-Z  color                    wcag2a                      1.4.1
link-name                            serious   ED-Z  name-role-value          wcag2a                      2.4.4,4.1.2
list                                 serious   ED-Z  structure                wcag2a                      1.3.1
listitem                             serious   ED-Z  structure                wcag2a                      1.3.1
marquee                              serious   ED-Z  parsing                  wcag2a                      2.2.2
meta-refresh                         critical  ED-Z  time-and-media           wcag2a                      2.2.1
meta-refresh-no-exceptions           minor     ---Z  time-and-media           wcag2aaa                    2.2.4,3.2.5
meta-viewport                        moderate  ED-Z  sensory-and-visual-cues  wcag2aa                     1.4.4
meta-viewport-large                  minor     ED-Z  sensory-and-visual-cues  best-practice               -
nested-interactive                   serious   ED-Z  keyboard                 wcag2a                      4.1.2
no-autoplay-audio                    moderate  EDRZ  time-and-media           wcag2a                      1.4.2
object-alt                           serious   ED-Z  text-alternatives        wcag2a                      1.1.1
p-as-heading                         serious   E--Z  semantics                wcag2a,experimental         1.3.1
page-has-heading-one                 moderate  ED-Z  semantics                best-practice               -
presentation-role-conflict           minor     ED-Z  aria                     best-practice               -
region                               moderate  ED-Z  keyboard                 best-practice               -
role-img-alt                         serious   ED-Z  text-alternatives        wcag2a                      1.1.1
scope-attr-valid                     moderate  ED-Z  tables                   best-practice               -
scrollable-region-focusable          serious   ED-Z  keyboard                 wcag2a                      2.1.1,2.1.3
select-name                          critical  ED-Z  forms                    wcag2a                      4.1.2
server-side-image-map                minor     ED-Z  text-alternatives        wcag2a                      2.1.1
skip-link                            moderate  ED-Z  keyboard                 best-practice               -
summary-name                         serious   ED--  name-role-value          wcag2a                      4.1.2
svg-img-alt                          serious   ED-Z  text-alternatives        wcag2a                      1.1.1
tabindex                             serious   ED-Z  keyboard                 best-practice               -
table-duplicate-name                 minor     ED-Z  tables                   best-practice               -
table-fake-caption                   serious   E--Z  tables                   experimental,wcag2a         1.3.1
target-size                          serious   ---Z  sensory-and-visual-cues  wcag22aa                    2.5.8
td-has-header                        critical  E--Z  tables                   experimental,wcag2a         1.3.1
td-headers-attr                      serious   ED-Z  tables                   wcag2a                      1.3.1
th-has-data-cells                    serious   ED-Z  tables                   wcag2a                      1.3.1
valid-lang                           serious   ED-Z  language                 wcag2aa                     3.1.2
video-caption                        critical  ED-Z  text-alternatives        wcag2a                      1.2.2
`

const IMPACTS: readonly string[] = ['critical', 'serious', 'moderate', 'minor']

function parseRules(text: string): Record<string, AxeRuleMeta> {
  const out: Record<string, AxeRuleMeta> = {}
  for (const line of text.trim().split('\n')) {
    const [id = '', impact = '', flags = '', category = '', levelTags = '', wcag = '-'] = line
      .trim()
      .split(/\s+/)
    if (!IMPACTS.includes(impact) || flags.length !== 4) throw new Error(`axe-rule-map: bad row "${line}"`)
    const tags = levelTags.split(',')
    out[id] = {
      id,
      impact: impact as AxeImpact,
      enabled: flags[0] === 'E',
      defaultRun: flags[1] === 'D',
      reviewOnFail: flags[2] === 'R',
      zhLocale: flags[3] === 'Z',
      category,
      levelTags: tags,
      wcag: wcag === '-' ? [] : wcag.split(','),
      bestPractice: tags.includes('best-practice'),
    }
  }
  return out
}

/** Every axe rule of the version above, keyed by rule id. */
export const axeRules: Readonly<Record<string, AxeRuleMeta>> = Object.freeze(parseRules(AXE_RULES))

export const axeRuleIds: readonly string[] = Object.keys(axeRules)

export function getAxeRule(ruleId: string): AxeRuleMeta | undefined {
  return Object.prototype.hasOwnProperty.call(axeRules, ruleId) ? axeRules[ruleId] : undefined
}
