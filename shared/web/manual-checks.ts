import { axeRules } from './axe-rule-map'
import { refsForCriteria, type ClauseRefs } from './clause-refs'
import { getCriterion, type WcagLevel } from './wcag-criteria'

/**
 * Guided manual checks: what a reviewer must judge because axe cannot (or can only partly).
 * One check per WCAG 2.x A/AA success criterion (2.2 additions included), plus GB/T 37668 and 适老化 items
 * without a WCAG counterpart. The axe rules and the coverage of each SC are derived from the axe rule table,
 * so they follow an axe upgrade automatically.
 */

/** partial = a default-run rule tests part of the SC; opt-in = only disabled/experimental/deprecated rules; none = no rule. */
export type AxeCoverage = 'partial' | 'opt-in' | 'none'

export interface ManualCheck {
  /** 'wcag-1.4.10', 'gb-3.3.2.2', 'ageing-captcha' */
  id: string
  /** WCAG SC, or null for items outside WCAG. */
  criterion: string | null
  titleZh: string
  level: WcagLevel | null
  coverage: AxeCoverage
  axeRules: string[]
  promptZh: string
  refs: ClauseRefs
}

// SC | 人工检查提示
const WCAG_PROMPTS = `
1.1.1|axe 只能确认替代文本存在。请逐类核对：新闻配图、图标按钮、图片链接的 alt 是否说明其内容或去向；装饰图是否为空 alt；统计图、流程图是否另附文字说明。
1.2.1|打开每个纯音频、纯视频文件，确认提供了文字稿或内容相当的替代材料。
1.2.2|播放预录制视频，确认有字幕且与语音同步、内容准确（硬字幕也算）。axe 在没有字幕轨时只会标为“需复核”。
1.2.3|视频中只靠画面表达的信息（字幕条、图表、人物动作）是否有音频描述或完整的文字替代。
1.2.4|新闻发布会、政务直播等直播内容是否提供实时字幕。
1.2.5|预录制视频是否有音频描述，或画面信息已经在原声解说中讲清楚。
1.3.1|axe 只查列表、表格和 ARIA 结构。请对照页面外观，确认看起来是标题、列表、数据表表头、表单分组的内容，都用了对应的语义标记（h1–h6、th 与 scope、fieldset 与 legend）。
1.3.2|用读屏软件或禁用样式后按源码顺序阅读，确认顺序与视觉阅读顺序一致，留意多栏布局、浮动区块和飘窗。
1.3.3|操作说明是否只依赖形状、位置、颜色或声音（例如“请点击右边的绿色按钮”）。
1.3.4|在手机上横竖屏切换，内容是否被锁定在某一方向（axe 的 css-orientation-lock 为实验规则，默认不运行）。
1.3.5|收集本人信息的字段（姓名、手机号、地址、证件号等）是否设置了正确的 autocomplete 值；axe 只检查取值是否合法。
1.4.1|必填项、出错状态、图表图例、当前选中项是否只用颜色区分；axe 只检查正文中的链接。
1.4.2|自动播放且超过 3 秒的声音，能否暂停、停止或单独调节音量。
1.4.3|axe 已计算普通文字对比度（4.5:1，大字 3:1）。背景图、渐变、半透明叠加、伪元素背景处会标为“需复核”，需人工取色；图片中的文字也要人工检查。
1.4.4|把浏览器缩放到 200%，检查文字、导航菜单、表单有无被截断或重叠，功能是否仍可用；axe 只检查是否禁止了缩放。
1.4.5|是否把本可用文字呈现的内容做成了图片，如标题图、通知公告截图、扫描版文件。
1.4.10|将视口宽度设为 320 CSS 像素（相当于 1280 宽度下放大 400%），确认不需要横向和纵向同时滚动，内容和功能没有丢失。
1.4.11|控件边框、焦点框、图标按钮以及图表中的关键图形，与相邻颜色的对比度是否不低于 3:1。
1.4.12|注入样式：行高 1.5 倍字号、段落间距 2 倍字号、字间距 0.12 倍、词间距 0.16 倍，检查有无截断或重叠；axe 只检查内联 !important 间距。
1.4.13|鼠标悬停或键盘聚焦时弹出的提示层：能否不移动指针就关闭（如按 Esc），指针能否移到提示层上，用户离开前是否一直显示。
2.1.1|只用键盘（Tab、Shift+Tab、回车、空格、方向键）走一遍导航菜单、轮播图、弹窗、下拉框、站内检索，以及无障碍工具条本身。
2.1.2|焦点进入嵌入播放器、地图、弹窗、iframe 后，能否只用键盘离开。
2.1.4|页面是否定义了单个字符的快捷键；如有，能否关闭、改键，或只在相应组件获得焦点时生效。
2.2.1|登录会话超时、倒计时、自动跳转能否关闭、调整或延长；axe 只检查 meta 自动刷新。
2.2.2|轮播图、滚动公告、飘窗动画等持续超过 5 秒的移动内容，能否暂停、停止或隐藏；axe 只检查 blink、marquee 标签。
2.3.1|页面上是否有每秒闪烁超过 3 次的内容（动画横幅、GIF 图）。
2.4.1|是否有“跳到主要内容”链接，或可用的地标区域与标题结构；bypass 规则失败时只会进入“需复核”。
2.4.2|页面标题是否说明本页主题，而不是全站使用同一个标题；axe 只检查标题是否存在。
2.4.3|Tab 键顺序是否符合阅读和操作逻辑；弹窗打开后焦点是否进入弹窗，关闭后是否回到触发按钮。
2.4.4|“更多”“详细”“点击这里”等链接，结合所在段落、列表项或表格行能否判断去向；axe 只检查链接有无名称。
2.4.5|除导航菜单外，是否还提供站内搜索、网站地图等至少一种查找页面的方式。
2.4.6|标题和表单标签是否说明主题或用途，避免“标题1”“请输入”之类的文字。
2.4.7|用键盘移动焦点时，当前焦点位置是否清晰可见（留意 outline:none 等样式）。
2.4.11|获得焦点的元素是否被固定顶栏、飘窗或悬浮工具条完全挡住。
2.5.1|依赖多指或滑动路径的功能（滑动切换、双指缩放地图）是否有单点操作的替代方式。
2.5.2|单指操作是否在按下时就立即触发、无法在松开前取消。
2.5.3|带可见文字的按钮和链接，其可访问名称是否包含这段可见文字；axe 只能发现部分情况。
2.5.4|通过摇动、倾斜设备触发的功能，是否有界面控件可替代，并可关闭动作触发。
2.5.7|滑块验证码、拖动排序、拖动上传等拖动操作，是否有单击即可完成的替代方式。
2.5.8|axe 的 target-size 默认不运行（需按 wcag22aa 标签启用）；请人工核对小图标、分页按钮、关闭按钮的点击区域是否至少 24×24 CSS 像素或间距足够。
3.1.1|html 元素是否声明了页面语言，中文页面应为 zh-CN 或 zh；axe 可自动判断大部分情况。
3.1.2|英文版入口、外文引文、少数民族文字等段落是否标注了相应的 lang；axe 只检查 lang 取值是否合法。
3.2.1|元素获得焦点时是否会自动弹窗、跳转或提交。
3.2.2|改变下拉框、单选按钮的选择时，是否在没有提示的情况下直接跳转或提交（常见于“部门网站”“友情链接”下拉框）。
3.2.3|各页面共有的导航，其相对顺序是否保持一致。
3.2.4|搜索、打印、关闭、分享等功能相同的组件，在各页面的名称和图标是否一致。
3.2.6|联系方式、在线咨询等帮助入口，在各页面中的相对位置是否一致。
3.3.1|表单提交出错时，是否用文字指出出错的字段和原因，而不只是把输入框标红。
3.3.2|控件是否有可见的标签和格式说明（证件号、日期、附件格式等）；axe 的 label、select-name 等规则只检查控件有无名称。
3.3.3|出错时是否给出修改建议（会危及安全或目的的除外）。
3.3.4|涉及法律承诺、缴费或提交个人数据的操作，能否撤销、复核或在提交前确认；适老化网站规范另要求 10 分钟内可逆。
3.3.7|同一流程中已填写过的信息是否自动带入或可直接选择，而不要求重复填写。
3.3.8|登录或验证是否要求识别扭曲字符、记忆密码、完成拼图等认知测试且没有替代方式；与适老化规范的验证码要求一并检查。
4.1.1|axe 的 duplicate-id 类规则已弃用、默认不运行，WCAG 2.2 也已删除本条；按 GB/T 37668-2019 及 WCAG 2.0/2.1 出结论时，请参考本工具的 HTML 源码一致性检查结果。
4.1.2|用读屏软件确认标签页、折叠菜单、树形目录、开关等自定义控件的展开、选中等状态能被正确播报；axe 只检查名称、角色和 ARIA 用法。
4.1.3|检索结果数量、提交成功、加载完成、出错等提示，在焦点不移动的情况下能否被读屏播报（role=status、role=alert、aria-live）。
`

function coverageOf(criterion: string): { coverage: AxeCoverage; rules: string[] } {
  const rules = Object.values(axeRules).filter((r) => r.wcag.includes(criterion))
  const coverage: AxeCoverage = rules.some((r) => r.defaultRun)
    ? 'partial'
    : rules.length > 0
      ? 'opt-in'
      : 'none'
  return { coverage, rules: rules.map((r) => r.id) }
}

function wcagChecks(): ManualCheck[] {
  return WCAG_PROMPTS.trim()
    .split('\n')
    .map((line) => {
      const [criterion = '', promptZh = ''] = line.split('|')
      const sc = getCriterion(criterion)
      if (!sc || !promptZh) throw new Error(`manual-checks: bad row "${line}"`)
      const { coverage, rules } = coverageOf(criterion)
      return {
        id: `wcag-${criterion}`,
        criterion,
        titleZh: sc.nameZh,
        level: sc.level,
        coverage,
        axeRules: rules,
        promptZh,
        refs: refsForCriteria([criterion]),
      }
    })
}

function extra(
  id: string,
  titleZh: string,
  promptZh: string,
  refs: { gbt37668?: string[]; ageing?: string[] },
): ManualCheck {
  return {
    id,
    criterion: null,
    titleZh,
    level: null,
    coverage: 'none',
    axeRules: [],
    promptZh,
    refs: refsForCriteria([], { ...refs, level: null }),
  }
}

const EXTRA_CHECKS: readonly ManualCheck[] = [
  extra(
    'gb-3.3.2.2',
    '组件聚焦关联性',
    '用 Tab 键和读屏走一遍页面，统计指向同一目标的重复焦点（如图标链接和文字链接各占一个焦点）。',
    {
      gbt37668: ['3.3.2.2'],
    },
  ),
  extra(
    'gb-3.2.4.2',
    '临时/自动隐藏控件',
    '触发提示条、消息框等会自动消失的内容，确认其能被读屏播报（aria-live），且停留时间足够阅读和操作。',
    {
      gbt37668: ['3.2.4.2'],
    },
  ),
  extra('gb-3.3.4.2', '语音输入', '文本输入框是否提供语音输入方式（三级要求）。', { gbt37668: ['3.3.4.2'] }),
  extra(
    'gb-3.5.1.2',
    '功能性组件功能',
    '展开菜单、切换标签页、点击“加载更多”、执行检索后，对新出现的内容重新运行 axe 并用键盘操作一遍。',
    {
      gbt37668: ['3.5.1.2'],
    },
  ),
  extra(
    'ageing-toolbar',
    '适老化/无障碍工具条',
    '查找“无障碍”“适老化”“长者版”“关怀版”“大字版”等入口，逐项试用大字、高对比度、页面缩放、语音朗读、大鼠标指针，确认其不依赖操作系统和浏览器设置；工具条是否存在与 axe 结论分开记录。',
    {
      ageing: ['web-1.2.3', 'web-operation-modes'],
    },
  ),
  extra(
    'ageing-mobile-font',
    '移动端大字号',
    '在手机视口开启长者模式，检查正文字号是否至少有一档不小于 18 dp/pt（按 1 dp/pt ≈ 1 CSS 像素估算，属工作假设）。',
    {
      ageing: ['web-1.2.3', 'app-1.1'],
    },
  ),
  extra(
    'ageing-captcha',
    '验证码',
    '图形、拼图、滑块类验证码能否放大到 2 倍以上，并且另有语音等非视觉方式；3 分钟内失效的验证码是否语音提示时限并可延长到 2 倍以上。',
    {
      ageing: ['web-1.4.3', 'web-1.4.4', 'app-1.5'],
    },
  ),
  extra(
    'ageing-ads',
    '广告、诱导按键与浮窗',
    '适老页面是否有广告或广告插件、随机弹出的广告；是否有“立即下载”“领取”等诱导下载或付款的按键；浮窗是否随页面加载出现，并有带名称、可用键盘操作的关闭按钮。',
    {
      ageing: ['web-2.4.1', 'web-2.4.2', 'web-float-close', 'app-2.4'],
    },
  ),
  extra(
    'ageing-reversible',
    '重要操作可逆',
    '在办事流程中提交具有法律或财务效力的内容后，确认 10 分钟内可以撤销或修改后重新提交（限时抢购类除外）。',
    {
      ageing: ['web-2.6.1'],
    },
  ),
  extra(
    'ageing-plain-language',
    '通俗易懂',
    '页面用语是否避免专业术语和网络用语，名称与图标是否沿用常见习惯，是否提示操作状态并可撤销上一步。',
    {
      ageing: ['web-3.1'],
    },
  ),
  extra(
    'ageing-h5-thresholds',
    'H5 页面适老化指标',
    '审查 H5/APP 页面时：行距不小于 1.3 倍、段距不小于 1.3 倍行距；适老界面主要组件点击区域不小于 60×60（其他页面 44×44）；浮窗关闭按钮位于左上、右上或底部居中且不小于 44×44。',
    {
      ageing: ['app-1.2', 'app-2.1', 'app-2.4'],
    },
  ),
]

/** All guided manual checks: WCAG A/AA criteria in SC order, then GB/T 37668-only and 适老化 items. */
export const manualChecks: readonly ManualCheck[] = Object.freeze([...wcagChecks(), ...EXTRA_CHECKS])

export function manualChecksFor(coverage: readonly AxeCoverage[]): ManualCheck[] {
  return manualChecks.filter((c) => coverage.includes(c.coverage))
}

/**
 * Groups for the checklist screen. The data supports the four WCAG principles best: every WCAG check names its
 * SC, whose first digit is its principle; GB/T 37668 follows the same four principles (可感知性 / 可操作性 /
 * 可理解性 / 兼容性, the policy wording for "Robust"); and the team's reports score by them. GB-only checks join a
 * principle by their clause's section (3.2 → 1 … 3.5 → 4; the reference infers this layout, and each of the four
 * GB-only checks fits its principle by topic too). 适老化 checks cite rules from several principles at once and are
 * done in the portal's elder mode, so they form a group of their own.
 */
export type ManualCheckGroupId = 'perceivable' | 'operable' | 'understandable' | 'robust' | 'ageing'

export interface ManualCheckGroup {
  id: ManualCheckGroupId
  titleZh: string
  /** WCAG principle number ('1'…'4'); null for the 适老化 group. */
  wcagPrinciple: string | null
  /** GB/T 37668-2019 chapter 3 section of the same principle (inferred, see above); null for 适老化. */
  gbSection: string | null
}

/** Screen order: the principles in WCAG order, then the 适老化 items. */
export const manualCheckGroups: readonly ManualCheckGroup[] = Object.freeze([
  { id: 'perceivable', titleZh: '可感知性', wcagPrinciple: '1', gbSection: '3.2' },
  { id: 'operable', titleZh: '可操作性', wcagPrinciple: '2', gbSection: '3.3' },
  { id: 'understandable', titleZh: '可理解性', wcagPrinciple: '3', gbSection: '3.4' },
  { id: 'robust', titleZh: '兼容性', wcagPrinciple: '4', gbSection: '3.5' },
  { id: 'ageing', titleZh: '适老化', wcagPrinciple: null, gbSection: null },
])

/** What grouping needs of a check; fits both `ManualCheck` and the API's checklist item (criterion '' = none). */
export interface GroupableCheck {
  criterion: string | null
  refs: { gbt37668: readonly string[] }
}

/** The group a check belongs to: by WCAG principle, else by GB/T 37668 section, else 适老化. */
export function manualCheckGroupOf(check: GroupableCheck): ManualCheckGroupId {
  const principle = check.criterion ? check.criterion.split('.')[0] : undefined
  const byPrinciple = manualCheckGroups.find((g) => g.wcagPrinciple !== null && g.wcagPrinciple === principle)
  if (byPrinciple) return byPrinciple.id
  const bySection = manualCheckGroups.find(
    (g) => g.gbSection !== null && check.refs.gbt37668.some((c) => c.startsWith(`${g.gbSection}.`)),
  )
  return bySection?.id ?? 'ageing'
}

/** Checks in screen order, grouped; items keep their order within a group and empty groups are left out. */
export function groupManualChecks<T extends GroupableCheck>(
  checks: readonly T[],
): Array<{ group: ManualCheckGroup; items: T[] }> {
  return manualCheckGroups
    .map((group) => ({ group, items: checks.filter((c) => manualCheckGroupOf(c) === group.id) }))
    .filter((g) => g.items.length > 0)
}

export interface ManualProgress {
  total: number
  answered: number
  failed: number
}

/** Progress over saved answers only: a choice the inspector has not saved yet does not count. */
export function manualProgress(answers: ReadonlyArray<{ status: string | null }>): ManualProgress {
  return {
    total: answers.length,
    answered: answers.filter((a) => a.status !== null).length,
    failed: answers.filter((a) => a.status === 'fail').length,
  }
}

/**
 * A fail becomes a finding and then a line of a rectification notice, which the responsible unit must be able to
 * act on: the generic prompt says what to check, only the inspector's note says what was found where.
 */
export function manualAnswerNeedsNote(status: string, note: string | null | undefined): boolean {
  return status === 'fail' && !note?.trim()
}
