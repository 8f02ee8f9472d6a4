import type { Confidence } from './gbt37668-clauses'

/**
 * MIIT 适老化 (ageing-friendly) rules as data: annex 1 (websites) and annex 2 (apps) of 工信厅信管函〔2021〕67号.
 * `confidence` is that of the least certain part (the clause number where there is one, else the requirement).
 */

export type AgeingDoc = 'web' | 'app'

export interface AgeingRule {
  /** 'web-2.6.1', 'app-2.1', or a descriptive id when the reference gives no clause number. */
  id: string
  doc: AgeingDoc
  /** Clause number as reported, or null. */
  clause: string | null
  titleZh: string
  /** The figure(s) the rule sets, in words; null when it sets none. */
  figureZh: string | null
  confidence: Confidence
}

/** Full titles of the two MIIT annexes (工信厅信管函〔2021〕67号). */
export const ageingDocTitles: Readonly<Record<AgeingDoc, string>> = {
  web: '《互联网网站适老化通用设计规范》',
  app: '《移动互联网应用（APP）适老化通用设计规范》',
}

export const ageingRules: readonly AgeingRule[] = [
  // Annex 1 (websites). Clause numbers come from a third-party checklist.
  {
    id: 'web-1.2.3',
    doc: 'web',
    clause: '1.2.3',
    titleZh: '提供不依赖操作系统和浏览器的页面缩放与大字服务',
    figureZh: '移动网页至少一档大字号 ≥ 18 dp/pt',
    confidence: 'S1',
  },
  {
    id: 'web-1.4.3',
    doc: 'web',
    clause: '1.4.3',
    titleZh: '非文本验证码可放大，并至少有一种非视觉替代方式',
    figureZh: '放大 ≥ 2 倍',
    confidence: 'S1',
  },
  {
    id: 'web-1.4.4',
    doc: 'web',
    clause: '1.4.4',
    titleZh: '短时有效的验证码以语音提示时限并可延长',
    figureZh: '时限 ≤ 3 分钟；可延长至 ≥ 2 倍',
    confidence: 'S1',
  },
  {
    id: 'web-2.3',
    doc: 'web',
    clause: '2.3',
    titleZh: '媒体播放控件可用键盘操作',
    figureZh: null,
    confidence: 'S1',
  },
  {
    id: 'web-2.4.1',
    doc: 'web',
    clause: '2.4.1',
    titleZh: '适老页面不含广告内容与广告插件、不随机弹出广告',
    figureZh: null,
    confidence: 'S1',
  },
  {
    id: 'web-2.4.2',
    doc: 'web',
    clause: '2.4.2',
    titleZh: '不设诱导下载、诱导付款类按键',
    figureZh: null,
    confidence: 'S1',
  },
  {
    id: 'web-2.6.1',
    doc: 'web',
    clause: '2.6.1',
    titleZh: '具有法律或财务效力的提交可在时限内撤销或修改',
    figureZh: '10 分钟内可逆',
    confidence: 'S1',
  },
  {
    id: 'web-3.1',
    doc: 'web',
    clause: '3.1.1–3.1.4',
    titleZh: '用语通俗、名称图标沿用常见习惯、提示操作状态并可撤销上一步',
    figureZh: null,
    confidence: 'S1',
  },
  {
    id: 'web-4.1',
    doc: 'web',
    clause: '4.1',
    titleZh: '兼容主流操作系统、浏览器与辅助技术',
    figureZh: null,
    confidence: 'S1',
  },
  {
    id: 'web-4.2.1',
    doc: 'web',
    clause: '4.2.1',
    titleZh: '组件样式在各浏览器中保持一致',
    figureZh: null,
    confidence: 'S1',
  },
  {
    id: 'web-operation-modes',
    doc: 'web',
    clause: null,
    titleZh: '桌面网站至少提供超大鼠标指针和全键盘操作两种方式',
    figureZh: null,
    confidence: 'S2',
  },
  {
    id: 'web-focus-visible',
    doc: 'web',
    clause: null,
    titleZh: '焦点状态清晰可见',
    figureZh: null,
    confidence: 'S1',
  },
  {
    id: 'web-float-close',
    doc: 'web',
    clause: null,
    titleZh: '推广类浮窗随页面加载出现，并可永久关闭',
    figureZh: null,
    confidence: 'S1',
  },
  // Annex 2 (apps / H5 pages); clause numbers agree across three secondary sources.
  {
    id: 'app-1.1',
    doc: 'app',
    clause: '1.1',
    titleZh: '字号可调整',
    figureZh: '最大字号 ≥ 30 dp/pt；适老界面正文 ≥ 18 dp/pt',
    confidence: 'S2',
  },
  {
    id: 'app-1.2',
    doc: 'app',
    clause: '1.2',
    titleZh: '行间距与段间距',
    figureZh: '行距 ≥ 1.3 倍；段距 ≥ 1.3 倍行距',
    confidence: 'S2',
  },
  {
    id: 'app-1.3',
    doc: 'app',
    clause: '1.3',
    titleZh: '文字、文字图片、图标与背景的对比度',
    figureZh: '≥ 4.5:1；大于 18 dp/pt 的文字 ≥ 3:1',
    confidence: 'S2',
  },
  {
    id: 'app-1.4',
    doc: 'app',
    clause: '1.4',
    titleZh: '颜色不作为传达信息的唯一方式',
    figureZh: null,
    confidence: 'S2',
  },
  {
    id: 'app-1.5',
    doc: 'app',
    clause: '1.5',
    titleZh: '拼图、选图类验证码提供其他感官可感知的替代',
    figureZh: null,
    confidence: 'S2',
  },
  {
    id: 'app-2.1',
    doc: 'app',
    clause: '2.1',
    titleZh: '主要组件的可点击区域尺寸',
    figureZh: '适老界面 ≥ 60×60 dp/pt；其他页面 ≥ 44×44；独立适老版首页 ≥ 48×48',
    confidence: 'S2',
  },
  {
    id: 'app-2.2',
    doc: 'app',
    clause: '2.2',
    titleZh: '避免三指及以上手势，手势操作有反馈',
    figureZh: '3 指',
    confidence: 'S2',
  },
  {
    id: 'app-2.3',
    doc: 'app',
    clause: '2.3',
    titleZh: '非必要时限内，用户完成操作前界面不变化',
    figureZh: null,
    confidence: 'S2',
  },
  {
    id: 'app-2.4',
    doc: 'app',
    clause: '2.4',
    titleZh: '浮窗有易用的关闭按钮，只能位于左上、右上或底部居中',
    figureZh: '关闭按钮 ≥ 44×44 dp/pt',
    confidence: 'S2',
  },
  {
    id: 'app-3.1',
    doc: 'app',
    clause: '3.1',
    titleZh: '长辈版入口醒目，可通过搜索“长辈版”及亲情版、关爱版、关怀版找到',
    figureZh: null,
    confidence: 'S2',
  },
  {
    id: 'app-4.1',
    doc: 'app',
    clause: '4.1',
    titleZh: '不阻止或限制读屏等辅助技术',
    figureZh: null,
    confidence: 'S2',
  },
  {
    id: 'app-5.1.1',
    doc: 'app',
    clause: '5.1.1',
    titleZh: '适老界面不含广告内容与广告插件',
    figureZh: null,
    confidence: 'S2',
  },
  {
    id: 'app-5.1.2',
    doc: 'app',
    clause: '5.1.2',
    titleZh: '不设诱导下载、诱导付款类按键',
    figureZh: null,
    confidence: 'S2',
  },
  {
    id: 'app-5.2',
    doc: 'app',
    clause: '5.2',
    titleZh: '个人信息处理遵循最小必要原则',
    figureZh: null,
    confidence: 'S2',
  },
]

const ageingById = new Map(ageingRules.map((r) => [r.id, r]))

export function getAgeingRule(id: string): AgeingRule | undefined {
  return ageingById.get(id)
}

/** '《互联网网站适老化通用设计规范》2.6.1' — for report text. */
export function formatAgeingRef(id: string): string {
  const rule = ageingById.get(id)
  if (!rule) return id
  return rule.clause
    ? `${ageingDocTitles[rule.doc]}${rule.clause}`
    : `${ageingDocTitles[rule.doc]}（${rule.titleZh}）`
}
