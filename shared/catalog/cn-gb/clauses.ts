import type { ClauseRef, CodeInfo, Confidence } from '../types'

export const GB55019 = 'GB 55019-2021'
export const GB50763 = 'GB 50763-2012'

export const cnCodes: readonly CodeInfo[] = [
  {
    code: GB55019,
    title: '建筑与市政工程无障碍通用规范',
    note: '全文强制性工程建设规范，2022-04-01 起实施；与其他标准不一致时以本规范为准',
  },
  {
    code: GB50763,
    title: '无障碍设计规范',
    note: '与 GB 55019 不矛盾的部分继续有效；此处引用的条款均为非强制性条文（应/宜）',
  },
]

type Extra = Partial<Pick<ClauseRef, 'item' | 'note' | 'supersededBy'>>

/** A GB 55019-2021 clause: every clause of that code is mandatory. */
export function gb55019(clause: string, confidence: Confidence, extra: Extra = {}): ClauseRef {
  return { code: GB55019, clause, mandatory: true, level: 'M', confidence, ...extra }
}

/** A GB 50763-2012 clause as used here: R (应/不应) or A (宜), never mandatory. */
export function gb50763(
  clause: string,
  level: 'R' | 'A',
  confidence: Confidence,
  extra: Extra = {},
): ClauseRef {
  return { code: GB50763, clause, mandatory: false, level, confidence, ...extra }
}

/** A GB 50763-2012 clause whose figure is replaced by a GB 55019-2021 clause: cited, not judged. */
export function gb50763Superseded(clause: string, by: string, note: string, item?: string): ClauseRef {
  return gb50763(clause, 'R', 'high', { supersededBy: `${GB55019} ${by}`, note, ...(item ? { item } : {}) })
}

/** A voluntary standard (GB/T, ISO): advisory only. */
export function voluntary(code: string, clause: string, confidence: Confidence, note?: string): ClauseRef {
  return { code, clause, mandatory: false, level: 'A', confidence, ...(note ? { note } : {}) }
}
