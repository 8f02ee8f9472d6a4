import { z } from './zod-setup'
import { idSchema, optionalText, requiredText } from './common'

/**
 * The district's Five-Year plans for disability affairs as data: each plan period (十四五 2021–2025, 十五五
 * 2026–2030, …) with the indicators the team reports on and the plan's targets for them. The team edits them in
 * 设置 → 规划与指标 when a plan is published; until then a plan's targets read 待发布 (nothing is invented).
 * The indicators themselves — what is counted and how — are shared/domain/plan-indicators.ts (built in) or added by
 * the team (recorded yearly, with their own name, unit and definition).
 */

export interface PlanRef {
  id: number
  /** 十四五 */
  shortName: string
  /** The plan document's title (e.g. 乌达区“十四五”残疾人事业发展规划). */
  name: string
  startYear: number
  endYear: number
  /** The plan is published and its targets are entered; before that every target reads 待发布. */
  published: boolean
}

export interface PlanIndicator {
  indicatorId: string
  /** Built in (shared/domain/plan-indicators.ts) or added by the team. */
  builtIn: boolean
  title: string
  unit: string
  kind: 'manual' | 'derived'
  /** The plan's target as printed (≥362, 全部达标); null when the plan sets none (or is not published yet). */
  target: string | null
  /** The number a recorded (or counted) value is compared with; null when the target is not a number. */
  targetValue: number | null
  /** Where the plan states it (专栏1第11项（约束性）). */
  basis: string | null
  definition: string
}

export interface PlanPeriod extends PlanRef {
  indicators: PlanIndicator[]
  version: number
  updatedAt: string
}

/** The words for a target that the plan has not given (yet). */
export const targetPendingText = '待发布'

/** “十四五”规划期 2021–2025 */
export function planLabel(plan: Pick<PlanRef, 'shortName' | 'startYear' | 'endYear'>): string {
  return `“${plan.shortName}”规划期 ${plan.startYear}–${plan.endYear}`
}

/** The plan period as calendar days (a report period preset). */
export function planDays(plan: Pick<PlanRef, 'startYear' | 'endYear'>): { from: string; to: string } {
  return { from: `${plan.startYear}-01-01`, to: `${plan.endYear}-12-31` }
}

/**
 * The plan a report as of `year` is measured against: the one whose years hold it; else the latest that began
 * before it (a year after every plan); else the first (a year before every plan). null when there is no plan.
 */
export function planForYear<P extends PlanRef>(plans: readonly P[], year: number): P | null {
  const sorted = [...plans].sort((a, b) => a.startYear - b.startYear)
  return (
    sorted.find((p) => p.startYear <= year && year <= p.endYear) ??
    [...sorted].reverse().find((p) => p.startYear <= year) ??
    sorted[0] ??
    null
  )
}

const year = z.number({ error: '请填写年度' }).int('须为整数').min(2000, '年度不正确').max(2100, '年度不正确')

export const planIndicatorInputSchema = z.object({
  /** Absent: an indicator the team adds now. */
  indicatorId: z.string().trim().min(1).max(40).optional(),
  title: optionalText(60),
  unit: optionalText(10),
  definition: optionalText(500),
  target: optionalText(40),
  targetValue: z
    .number({ error: '目标数值须为数字' })
    .int('目标数值须为整数')
    .min(0, '目标数值不能为负数')
    .max(1_000_000_000, '目标数值过大')
    .nullish()
    .transform((v) => v ?? null),
  basis: optionalText(200),
})

export const planSaveSchema = z
  .object({
    /** Absent: a new plan period. */
    id: idSchema.optional(),
    /** The version the form was loaded from (a change saved meanwhile is refused). */
    version: z.number().int().positive().optional(),
    shortName: requiredText(20, '请填写规划简称，如 十五五'),
    name: requiredText(100, '请填写规划名称'),
    startYear: year,
    endYear: year,
    published: z.boolean({ error: '请指明规划是否已发布' }),
    indicators: z.array(planIndicatorInputSchema).max(40, '一个规划期最多 40 项指标'),
  })
  .refine((p) => p.endYear >= p.startYear, { path: ['endYear'], message: '结束年度不能早于起始年度' })
  .refine((p) => p.endYear - p.startYear <= 9, { path: ['endYear'], message: '一个规划期最长 10 年' })

export const planFieldLabels: Record<string, string> = {
  id: '规划',
  version: '版本',
  shortName: '规划简称',
  name: '规划名称',
  startYear: '起始年度',
  endYear: '结束年度',
  published: '是否已发布',
  indicators: '指标',
  indicatorId: '指标',
  title: '指标名称',
  unit: '计量单位',
  definition: '统计口径',
  target: '目标',
  targetValue: '目标数值',
  basis: '规划依据',
}
