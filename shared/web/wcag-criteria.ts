/**
 * WCAG 2.0 / 2.1 / 2.2 success criteria as data, with the GB/T 37668-2019 clauses and the MIIT 适老化
 * rules that the team's reference notes (shared/reference/web-standards.md, Table 1 and §2) tie to them.
 *
 * Source quality, kept visible so reports do not overstate it:
 * - SC numbers, levels and versions: W3C WCAG 2.2 data (primary source).
 * - Chinese names: common working names, not the GB/T 37668 wording.
 * - GB/T 37668 clause numbers: reported by a single secondary source and not checked against the text;
 *   only three SCs have one. For every other pre-2.2 SC the clause is unknown ("unverified"), which is
 *   not the same as "GB/T 37668 has no such requirement". 2.2-only SCs postdate the 2019 standard.
 * - 适老化 links: only where the reference names the relation itself (ids from `ageingRules`).
 */

export type WcagLevel = 'A' | 'AA' | 'AAA'
export type WcagVersion = '2.0' | '2.1' | '2.2'
/** reported = a clause number exists (single source); unverified = clause unknown; postdates = WCAG 2.2 addition. */
export type GbClauseStatus = 'reported' | 'unverified' | 'postdates'

export interface WcagCriterion {
  /** '1.4.3' */
  id: string
  nameZh: string
  level: WcagLevel
  /** WCAG version that added the SC. */
  since: WcagVersion
  /** Only 4.1.1 (Parsing): removed in WCAG 2.2, still part of 2.0/2.1 and so of GB/T 37668-2019's basis. */
  removedIn: WcagVersion | null
  gbt37668: readonly string[]
  gbt37668Status: GbClauseStatus
  /** Ids into `ageingRules` (shared/web/ageing-rules.ts). */
  ageing: readonly string[]
}

// id | 中文名称 | level | since   (one SC per line; "2.0" = in 2.0, 2.1 and 2.2)
const CRITERIA = `
1.1.1|非文本内容|A|2.0
1.2.1|仅音频和仅视频（预录制）|A|2.0
1.2.2|字幕（预录制）|A|2.0
1.2.3|音频描述或媒体替代（预录制）|A|2.0
1.2.4|字幕（直播）|AA|2.0
1.2.5|音频描述（预录制）|AA|2.0
1.2.6|手语（预录制）|AAA|2.0
1.2.7|扩展音频描述（预录制）|AAA|2.0
1.2.8|媒体替代（预录制）|AAA|2.0
1.2.9|仅音频（直播）|AAA|2.0
1.3.1|信息和关系|A|2.0
1.3.2|有意义的顺序|A|2.0
1.3.3|感官特征|A|2.0
1.3.4|显示方向|AA|2.1
1.3.5|识别输入目的|AA|2.1
1.3.6|识别目的|AAA|2.1
1.4.1|颜色的使用|A|2.0
1.4.2|音频控制|A|2.0
1.4.3|对比度（最低）|AA|2.0
1.4.4|调整文本大小|AA|2.0
1.4.5|文本图像|AA|2.0
1.4.6|对比度（增强）|AAA|2.0
1.4.7|低或无背景音|AAA|2.0
1.4.8|视觉呈现|AAA|2.0
1.4.9|文本图像（无例外）|AAA|2.0
1.4.10|重排|AA|2.1
1.4.11|非文本对比度|AA|2.1
1.4.12|文本间距|AA|2.1
1.4.13|悬停或聚焦时的内容|AA|2.1
2.1.1|键盘|A|2.0
2.1.2|无键盘陷阱|A|2.0
2.1.3|键盘（无例外）|AAA|2.0
2.1.4|字符键快捷键|A|2.1
2.2.1|可调整的时限|A|2.0
2.2.2|暂停、停止、隐藏|A|2.0
2.2.3|无时限|AAA|2.0
2.2.4|中断|AAA|2.0
2.2.5|重新认证|AAA|2.0
2.2.6|超时|AAA|2.1
2.3.1|三次闪烁或低于阈值|A|2.0
2.3.2|三次闪烁|AAA|2.0
2.3.3|交互动画|AAA|2.1
2.4.1|绕过区块|A|2.0
2.4.2|页面标题|A|2.0
2.4.3|焦点顺序|A|2.0
2.4.4|链接目的（上下文中）|A|2.0
2.4.5|多种方式|AA|2.0
2.4.6|标题和标签|AA|2.0
2.4.7|焦点可见|AA|2.0
2.4.8|位置|AAA|2.0
2.4.9|链接目的（仅链接）|AAA|2.0
2.4.10|章节标题|AAA|2.0
2.4.11|焦点不被遮挡（最低）|AA|2.2
2.4.12|焦点不被遮挡（增强）|AAA|2.2
2.4.13|焦点外观|AAA|2.2
2.5.1|指针手势|A|2.1
2.5.2|指针取消|A|2.1
2.5.3|名称包含可见标签|A|2.1
2.5.4|动作触发|A|2.1
2.5.5|目标尺寸（增强）|AAA|2.1
2.5.6|并存的输入机制|AAA|2.1
2.5.7|拖动动作|AA|2.2
2.5.8|目标尺寸（最低）|AA|2.2
3.1.1|页面语言|A|2.0
3.1.2|部分内容的语言|AA|2.0
3.1.3|不常见词语|AAA|2.0
3.1.4|缩略语|AAA|2.0
3.1.5|阅读水平|AAA|2.0
3.1.6|发音|AAA|2.0
3.2.1|获得焦点时|A|2.0
3.2.2|输入时|A|2.0
3.2.3|一致的导航|AA|2.0
3.2.4|一致的标识|AA|2.0
3.2.5|应请求而变化|AAA|2.0
3.2.6|一致的帮助|A|2.2
3.3.1|错误识别|A|2.0
3.3.2|标签或说明|A|2.0
3.3.3|错误建议|AA|2.0
3.3.4|错误预防（法律、财务、数据）|AA|2.0
3.3.5|帮助|AAA|2.0
3.3.6|错误预防（全部）|AAA|2.0
3.3.7|冗余输入|A|2.2
3.3.8|无障碍身份验证（最低）|AA|2.2
3.3.9|无障碍身份验证（增强）|AAA|2.2
4.1.1|解析|A|2.0
4.1.2|名称、角色、值|A|2.0
4.1.3|状态消息|AA|2.1
`

/** GB/T 37668-2019 clauses reported for an SC (single secondary source; see gbt37668-clauses.ts for titles and levels). */
const GB_CLAUSES: Readonly<Record<string, readonly string[]>> = {
  '1.1.1': ['3.2.1.3', '3.2.1.4'],
  '2.4.3': ['3.3.3.6'],
}

/** 适老化 rules the reference itself relates to an SC. */
const AGEING_LINKS: Readonly<Record<string, readonly string[]>> = {
  '1.4.3': ['app-1.3'], // APP spec gives the same 4.5:1 / 3:1 figures; web annex has no ratio of its own
  '2.1.1': ['web-operation-modes'], // desktop sites must offer full keyboard operation
  '2.4.7': ['web-focus-visible'],
  '2.5.8': ['app-2.1'], // 44×44 / 60×60 targets vs the 24 px WCAG minimum
  '3.3.4': ['web-2.6.1'], // legal/financial submissions reversible within 10 min
  '3.3.8': ['web-1.4.3'], // CAPTCHA: magnification and a non-visual alternative
  '4.1.2': ['web-4.1', 'web-4.2.1'], // compatibility with assistive technology
}

function parseCriteria(text: string): WcagCriterion[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [id, nameZh, level, since] = line.split('|') as [string, string, WcagLevel, WcagVersion]
      const gb = GB_CLAUSES[id] ?? []
      const status: GbClauseStatus = gb.length > 0 ? 'reported' : since === '2.2' ? 'postdates' : 'unverified'
      return {
        id,
        nameZh,
        level,
        since,
        removedIn: id === '4.1.1' ? '2.2' : null,
        gbt37668: gb,
        gbt37668Status: status,
        ageing: AGEING_LINKS[id] ?? [],
      }
    })
}

/** All 87 success criteria of WCAG 2.0, 2.1 and 2.2, in document order. */
export const wcagCriteria: readonly WcagCriterion[] = Object.freeze(parseCriteria(CRITERIA))

const byId = new Map(wcagCriteria.map((c) => [c.id, c]))

export function getCriterion(id: string): WcagCriterion | undefined {
  return byId.get(id)
}

/** Compares SC ids numerically ('1.4.10' after '1.4.9'). */
export function compareCriterionIds(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
