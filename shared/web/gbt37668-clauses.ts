/**
 * GB/T 37668-2019 clauses as data (the MIIT 适老化 rules are in ageing-rules.ts).
 *
 * Confidence follows the reference notes: S1 = one secondary source, S2 = two or more agree. Nothing here was
 * read in the official texts, so a report should cite these numbers with that caveat (see `sourceNote`).
 */

export type Confidence = 'S1' | 'S2'
export type GbLevel = '一级' | '二级' | '三级'

export interface GbClause {
  /** '3.2.1.3' */
  id: string
  titleZh: string
  level: GbLevel
  /** Set when sources disagree on the level. */
  levelNoteZh: string | null
  /** WCAG SCs the clause corresponds to; empty when it has no WCAG counterpart. */
  wcag: readonly string[]
  confidence: Confidence
}

export const gbt37668Clauses: readonly GbClause[] = [
  {
    id: '3.2.1.3',
    titleZh: '非文本控件：作为非文本内容的控件或输入项具有说明其用途的名称',
    level: '一级',
    levelNoteZh: null,
    wcag: ['1.1.1'],
    confidence: 'S1',
  },
  {
    id: '3.2.1.4',
    titleZh: '非文本内容：纯装饰内容能被辅助技术忽略',
    level: '二级',
    levelNoteZh: 'WCAG 将 1.1.1 整体列为 A 级，此处等级不同',
    wcag: ['1.1.1'],
    confidence: 'S1',
  },
  {
    id: '3.2.4.2',
    titleZh: '临时/自动隐藏控件：定时淡出或消失的控件需提供替代反馈',
    level: '三级',
    levelNoteZh: null,
    wcag: [],
    confidence: 'S1',
  },
  {
    id: '3.3.2.2',
    titleZh: '组件聚焦关联性：含义相同的部分共用一个焦点',
    level: '三级',
    levelNoteZh: '同一来源的代码注释写作一级，等级待核实',
    wcag: [],
    confidence: 'S1',
  },
  { id: '3.3.3.6', titleZh: '焦点顺序', level: '一级', levelNoteZh: null, wcag: ['2.4.3'], confidence: 'S1' },
  {
    id: '3.3.4.2',
    titleZh: '语音输入：文本输入项提供语音输入方式',
    level: '三级',
    levelNoteZh: null,
    wcag: [],
    confidence: 'S1',
  },
  {
    id: '3.5.1.2',
    titleZh: '功能性组件功能：局部刷新后新增的组件仍可正常使用',
    level: '一级',
    levelNoteZh: null,
    wcag: [],
    confidence: 'S1',
  },
]

const gbById = new Map(gbt37668Clauses.map((c) => [c.id, c]))

export function getGbClause(id: string): GbClause | undefined {
  return gbById.get(id)
}

/** Caveat to print with any GB/T 37668 clause number or 适老化 clause number in a report. */
export const sourceNote =
  'GB/T 37668-2019 条款号及适老化规范条款号来自二手资料，尚未与标准原文核对；未列条款号的项目表示条款号未核实，并非标准无此要求。'
