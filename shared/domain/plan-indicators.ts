import type { PlanRef } from './plan-periods'

/**
 * The built-in indicators the team reports on: what each counts and how. Which plan period reports them and with
 * what target is data (shared/domain/plan-periods.ts; seeded by migration 0009-plan-periods from the district's 十四五 plan —
 * 乌达区“十四五”残疾人事业发展规划, 专栏1 No. 11 困难重度残疾人家庭无障碍改造数 ≥362 户 (约束性) and the 无障碍 tasks of
 * 四（五）3–4 and 专栏6 — and edited in 设置 when the next plan is published).
 *
 * 'manual' indicators are figures the team records per year (indicator_entries); 'derived' ones are counted from
 * the app's own rectification and audit data, so they only say what the app has seen.
 */

export interface IndicatorDefinition {
  id: string
  title: string
  unit: string
  kind: 'manual' | 'derived'
  definition: string
}

/**
 * A recorded indicator's yearly entries against a plan period: `within` count toward the plan's target, `after`
 * (the team keeps recording once the plan has ended) are shown beside it but never added to it. Years before the
 * plan belong to an earlier plan and are left out.
 */
export function splitPlanEntries<E extends { year: number }>(
  entries: readonly E[],
  plan: Pick<PlanRef, 'startYear' | 'endYear'>,
): { within: E[]; after: E[] } {
  return {
    within: entries.filter((e) => e.year >= plan.startYear && e.year <= plan.endYear),
    after: entries.filter((e) => e.year > plan.endYear),
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
    definition:
      '按年度填报完成户数；规划期内、截至统计日所在年度的各年度之和与规划目标比较，达到即达标。规划期结束以后填报的年度单独列出，不计入该规划的目标。',
  },
  {
    id: publicFacilitiesId,
    title: '公共服务设施无障碍问题整改完成',
    unit: '处',
    kind: 'derived',
    definition:
      '有现场整改项的公共服务场所（不含居住社区、道路路口和“其他”类场所）中，截至统计日全部整改项均已核验通过的场所数；已撤销的误报不计。',
  },
  {
    id: itemsVerifiedId,
    title: '本期整改项核验通过',
    unit: '项',
    kind: 'derived',
    definition: '核验日期在统计期间内的整改项数（现场与网站合计，重复项合并后只计一次）。',
  },
  {
    id: portalsPassingId,
    title: '政府门户网站无障碍检测达标',
    unit: '个',
    kind: 'derived',
    definition:
      '已完成过检测的门户网站中，截至统计日最近一次完成的检测至少检测了一个页面、且没有“严重（critical）”和“较重（serious）”级别违规的网站数。目标为“全部达标”时，全部达标即完成。',
  },
  {
    id: audibleSignalsId,
    title: '过街音响提示装置问题整改核验',
    unit: '项',
    kind: 'derived',
    definition:
      '“过街音响提示装置”类整改项中，截至统计日已核验通过的项数（总数为截至统计日发现的此类整改项，不含撤销的误报）。',
  },
]

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return indicatorCatalog.find((d) => d.id === id)
}
