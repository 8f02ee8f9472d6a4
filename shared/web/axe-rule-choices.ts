import { axeRules, type AxeRuleMeta } from './axe-rule-map'

/**
 * Which axe rules the pipeline runs, and how their failures are reported: one documented choice per rule.
 *
 * axe's default run leaves out disabled, experimental and deprecated rules, and so misses requirements the team
 * audits against: WCAG AAA criteria the 适老化 work asks about (enhanced contrast), orientation lock, tables
 * without headers, duplicate ids (WCAG 2.0/2.1 4.1.1, the basis of GB/T 37668-2019) and more. The pipeline runs
 * every rule that tests a WCAG, GB/T 37668 or 适老化 requirement, plus axe's best practices as before:
 *
 * - 'violation': a failure is reported as axe reports it (the default for every rule not listed below);
 * - 'review':    a failure is reported as needs-review, with `reasonZh` (user-facing): the rule is a heuristic
 *                axe itself keeps experimental, or tests an AAA criterion or a criterion WCAG 2.2 dropped;
 * - 'off':       not run; `whyOff` says why (developer documentation, README).
 */

export type AxeRuleChoice = 'violation' | 'review' | 'off'

export interface AxeChoiceRecord {
  choice: AxeRuleChoice
  /** zh-CN review reason shown with the finding ('review' only). */
  reasonZh?: string
  /** Why a rule is not run ('off' only). */
  whyOff?: string
}

const choices: Readonly<Record<string, AxeChoiceRecord>> = {
  'aria-roledescription': {
    choice: 'review',
    reasonZh:
      'aria-roledescription 只应用在有明确角色的元素上；请用读屏软件确认该元素的角色描述能被正确播报。',
  },
  'audio-caption': {
    choice: 'review',
    reasonZh: '请确认纯音频内容（录音、广播）提供了文字稿或字幕。',
  },
  'color-contrast-enhanced': {
    choice: 'review',
    reasonZh:
      '文字未达到 WCAG AAA 级的增强对比度（普通文字 7:1，大字 4.5:1）。该要求高于一般要求，列出供适老化改造参考，请判断是否需要整改。',
  },
  'duplicate-id': {
    choice: 'review',
    reasonZh:
      '页面中有重复的 id。WCAG 2.2 已删除“解析”一条，但 GB/T 37668-2019 所依据的 WCAG 2.0/2.1 仍有此要求；重复的 id 会使标签和 aria 引用指向错误的元素，请确认后改为唯一的 id。',
  },
  'duplicate-id-active': {
    choice: 'review',
    reasonZh:
      '可聚焦元素的 id 在页面中重复。WCAG 2.2 已删除“解析”一条，但 GB/T 37668-2019 所依据的 WCAG 2.0/2.1 仍有此要求；请确认后改为唯一的 id。',
  },
  'focus-order-semantics': {
    choice: 'review',
    reasonZh:
      '元素可用 Tab 键聚焦，却没有表明用途的角色。若它是可操作的控件，请改用按钮、链接等元素或补充 role；若只是为了让可滚动区域能用键盘滚动，可忽略。',
  },
  'identical-links-same-purpose': {
    choice: 'review',
    reasonZh: '名称相同的链接指向不同的地址，请确认它们的用途是否相同（WCAG AAA 级要求）。',
  },
  'meta-refresh-no-exceptions': {
    choice: 'review',
    reasonZh: '页面设置了定时刷新或跳转。WCAG AAA 级不允许任何定时刷新，请确认用户能否关闭或控制。',
  },
  'p-as-heading': {
    choice: 'review',
    reasonZh: '段落的样式像标题（加粗、斜体或字号较大），请确认它是否应改用标题元素 h1–h6。',
  },
  'td-has-header': {
    choice: 'review',
    reasonZh: '较大表格的数据单元格没有对应的表头。请确认该表格是否为数据表：是数据表时请用 th 标明表头。',
  },
  'hidden-content': {
    choice: 'off',
    whyOff: 'review-item: it only lists content hidden at load time for manual review; no requirement fails.',
  },
  'landmark-complementary-is-top-level': {
    choice: 'off',
    whyOff: 'deprecated best practice with no WCAG, GB/T 37668 or 适老化 requirement behind it.',
  },
}

/** The choice for a rule: listed, else 'violation'. */
export function axeRuleChoice(ruleId: string): AxeChoiceRecord {
  return choices[ruleId] ?? { choice: 'violation' }
}

/** Tags whose rules the pipeline asks axe for: every WCAG level and version, best practice, experimental, deprecated. */
export const axeRunTags: readonly string[] = [
  'wcag2a',
  'wcag2aa',
  'wcag2aaa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'wcag2a-obsolete',
  'best-practice',
  'experimental',
  'deprecated',
]

/** axe `rules` run option turning the 'off' rules off (it wins over the tags). */
export function axeOffRuleOptions(): Record<string, { enabled: false }> {
  return Object.fromEntries(
    Object.entries(choices)
      .filter(([, c]) => c.choice === 'off')
      .map(([id]) => [id, { enabled: false as const }]),
  )
}

/** Every rule of the axe table with its choice (for the README and the tests). */
export function axeChoiceTable(): Array<AxeRuleMeta & AxeChoiceRecord> {
  return Object.values(axeRules).map((r) => ({ ...r, ...axeRuleChoice(r.id) }))
}
