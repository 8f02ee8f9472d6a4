/**
 * The plan indicators the team reports on, and the plan period they belong to — the one place both are written
 * (the reports compute from it; the screen's 规划期 preset reads it). Source: 乌达区“十四五”残疾人保障和发展规划 — 专栏1 主要指标 (No. 11,
 * 困难重度残疾人家庭无障碍改造数 ≥362 户, 约束性) and the 无障碍 tasks of 四（五）3–4 and 专栏6 (public facilities,
 * 政府门户网站 to meet the accessible-website standard in full, 过街音响提示装置 at signalised crossings).
 *
 * 'manual' indicators are figures the team records per year (indicator_entries); 'derived' ones are counted from
 * the app's own rectification and audit data, so they only say what the app has seen.
 */

export interface IndicatorDefinition {
  id: string
  title: string
  unit: string
  kind: 'manual' | 'derived'
  /** The plan's target for the plan period (targets are set for the period, not per year). */
  target: string | null
  targetValue: number | null
  definition: string
}

/** 乌达区“十四五”残疾人保障和发展规划: 2021–2025. A manual figure counts toward a target only in these years. */
export const planPeriod = { title: '“十四五”规划期', startYear: 2021, endYear: 2025 } as const

/** The plan period as calendar days (the 规划期 report period). */
export function planPeriodDays(): { from: string; to: string } {
  return { from: `${planPeriod.startYear}-01-01`, to: `${planPeriod.endYear}-12-31` }
}

/**
 * A manual indicator's yearly entries split at the plan's end: `within` count toward the target, `after` (the
 * team keeps recording once the plan has ended) are shown beside it but never added to it.
 */
export function splitPlanEntries<E extends { year: number }>(
  entries: readonly E[],
): { within: E[]; after: E[] } {
  return {
    within: entries.filter((e) => e.year >= planPeriod.startYear && e.year <= planPeriod.endYear),
    after: entries.filter((e) => e.year > planPeriod.endYear),
  }
}

export const householdModificationsId = 'home-modifications'
export const publicFacilitiesId = 'public-facilities-rectified'
export const itemsVerifiedId = 'items-verified'
export const portalsPassingId = 'portals-passing'
export const audibleSignalsId = 'audible-signals-rectified'

export const indicatorCatalog: readonly IndicatorDefinition[] = [
  {
    id: householdModificationsId,
    title: '困难重度残疾人家庭无障碍改造数',
    unit: '户',
    kind: 'manual',
    target: '≥362',
    targetValue: 362,
    definition: `规划专栏1第11项（约束性）。按年度填报完成户数；规划期（${planPeriod.startYear}–${planPeriod.endYear} 年）内、截至统计日所在年度的各年度之和与目标 362 户比较，达到即达标。${planPeriod.endYear} 年以后填报的年度单独列出，不计入规划目标。`,
  },
  {
    id: publicFacilitiesId,
    title: '公共服务设施无障碍问题整改完成',
    unit: '处',
    kind: 'derived',
    target: null,
    targetValue: null,
    definition:
      '有现场整改项的公共服务场所（不含居住社区、道路路口和“其他”类场所）中，截至统计日全部整改项均已核验通过的场所数；已撤销的误报不计。',
  },
  {
    id: itemsVerifiedId,
    title: '本期整改项核验通过',
    unit: '项',
    kind: 'derived',
    target: null,
    targetValue: null,
    definition: '核验日期在统计期间内的整改项数（现场与网站合计，重复项合并后只计一次）。',
  },
  {
    id: portalsPassingId,
    title: '政府门户网站无障碍检测达标',
    unit: '个',
    kind: 'derived',
    target: '全部达标',
    targetValue: null,
    definition:
      '已完成过检测的门户网站中，截至统计日最近一次完成的检测至少检测了一个页面、且没有“严重（critical）”和“较重（serious）”级别违规的网站数。规划要求政府门户网站全面达到无障碍网站设计标准，全部达标即完成。',
  },
  {
    id: audibleSignalsId,
    title: '过街音响提示装置问题整改核验',
    unit: '项',
    kind: 'derived',
    target: null,
    targetValue: null,
    definition:
      '“过街音响提示装置”类整改项中，截至统计日已核验通过的项数（总数为截至统计日发现的此类整改项，不含撤销的误报）。',
  },
]

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return indicatorCatalog.find((d) => d.id === id)
}
