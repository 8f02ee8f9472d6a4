/**
 * Web rules that report the same defect. axe and the project's own checks overlap on purpose (an own check adds
 * what axe cannot see, e.g. the 适老化 contrast figures or a Refresh header), so one missing `lang` would fail two
 * rules and become two rectification items. Each group below is one defect: the rectification sync files every
 * member's findings under one item per portal (`web:portal:<id>:defect:<group id>`), which keeps every rule id
 * (the findings' own check ids), lists each element once and reads as one problem in a notice.
 *
 * A member is a whole rule, or the part of a rule whose finding detail matches `detail` (aa-html-conformance
 * reports many kinds of source errors; only its <marquee>/<blink>/duplicate-id lines are the same defect as
 * axe's rule). The patterns follow the messages of shared/web/html-conformance.ts; a unit test keeps them in step.
 *
 * `scope`: 'page' when the defect is the page's own (its language, its refresh), so a page counts once whatever
 * rules found it; 'element' when it belongs to elements, which then count once per page and element fingerprint.
 */

export interface OverlapMember {
  ruleId: string
  /** Only findings whose detail (description and the node's message) matches; absent = every finding. */
  detail?: RegExp
}

export interface RuleOverlap {
  /** Stable: part of the item's group key. */
  id: string
  title: string
  remedy: string
  scope: 'page' | 'element'
  members: readonly OverlapMember[]
}

export const ruleOverlaps: readonly RuleOverlap[] = [
  {
    id: 'page-language',
    title: '页面未正确声明语言',
    remedy:
      '在网页源码的 html 标签上用 lang 属性声明页面语言：中文页面写 lang="zh-CN"（或 zh、zh-Hans），不要写成 zh_CN、cn 或 chinese。',
    scope: 'page',
    members: [{ ruleId: 'html-has-lang' }, { ruleId: 'html-lang-valid' }, { ruleId: 'aa-html-lang' }],
  },
  {
    id: 'text-contrast',
    title: '文字与背景对比度不足',
    remedy:
      '加深文字颜色或调整背景颜色，使普通文字与背景的对比度不低于 4.5:1；大字（WCAG 以 18 磅或 14 磅粗体为界，适老化规范以 18 像素为界）不低于 3:1。',
    scope: 'element',
    members: [
      { ruleId: 'color-contrast' },
      { ruleId: 'color-contrast-enhanced' },
      { ruleId: 'aa-ageing-contrast' },
    ],
  },
  {
    id: 'timed-refresh',
    title: '页面定时刷新或跳转',
    remedy:
      '删除网页中的定时刷新和定时跳转（包括 meta 刷新标签、Refresh 响应头和脚本中的定时跳转）；需要跳转时由服务器直接重定向，或提供链接让用户点击前往。',
    scope: 'page',
    members: [
      { ruleId: 'meta-refresh' },
      { ruleId: 'meta-refresh-no-exceptions' },
      { ruleId: 'aa-timed-refresh' },
    ],
  },
  {
    id: 'autoplay-audio',
    title: '自动播放的声音无法停止',
    remedy:
      '不要自动播放有声音的音频或视频；确需自动播放时静音播放，或提供能用键盘操作的暂停、停止和音量控件。',
    scope: 'element',
    members: [{ ruleId: 'no-autoplay-audio' }, { ruleId: 'aa-autoplay-media' }],
  },
  {
    id: 'scrolling-text',
    title: '使用了滚动字幕（走马灯）',
    remedy: '删除滚动字幕元素，改用静态文字；确需滚动展示时提供暂停、停止按钮。',
    scope: 'element',
    members: [{ ruleId: 'marquee' }, { ruleId: 'aa-html-conformance', detail: /^<marquee> 已废弃/m }],
  },
  {
    id: 'blinking-text',
    title: '使用了闪烁文字',
    remedy: '删除闪烁文字元素；确需提示时使用静态的醒目样式。',
    scope: 'element',
    members: [{ ruleId: 'blink' }, { ruleId: 'aa-html-conformance', detail: /^<blink> 已废弃/m }],
  },
  {
    id: 'duplicate-id',
    title: '元素 id 重复',
    remedy: '为页面中每个元素设置唯一的 id，被标签或 aria 属性引用的 id 修改后同步修改引用处。',
    scope: 'element',
    members: [
      { ruleId: 'duplicate-id' },
      { ruleId: 'duplicate-id-active' },
      { ruleId: 'duplicate-id-aria' },
      { ruleId: 'aa-html-conformance', detail: /^id="[^"\n]*" 与第 \d+ 行的元素重复/m },
    ],
  },
]

const byId = new Map(ruleOverlaps.map((g) => [g.id, g]))

export function getRuleOverlap(id: string): RuleOverlap | undefined {
  return byId.get(id)
}

/** The group a web finding of `ruleId` with `detail` belongs to, or undefined when it stands alone. */
export function overlapOf(ruleId: string, detail: string): RuleOverlap | undefined {
  return ruleOverlaps.find((g) =>
    g.members.some((m) => m.ruleId === ruleId && (!m.detail || m.detail.test(detail))),
  )
}

/** Rules that are members only in part (their other findings stay items of their own). */
export function partialOverlapRules(): string[] {
  return [...new Set(ruleOverlaps.flatMap((g) => g.members.filter((m) => m.detail).map((m) => m.ruleId)))]
}

/** Changes whenever the table does: the sync re-files existing items once per version of the table. */
export const ruleOverlapsVersion = ruleOverlaps
  .map(
    (g) => `${g.id}=${g.members.map((m) => `${m.ruleId}${m.detail ? `~${m.detail.source}` : ''}`).join(',')}`,
  )
  .join(';')
