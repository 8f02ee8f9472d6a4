import crypto from 'node:crypto'
import type { ParsedInputOf } from '../../../shared/api/contract'
import { ApiError, type FieldError } from '../../../shared/api/errors'
import { findIndicator } from '../../../shared/domain/plan-indicators'
import type { PlanIndicator, PlanPeriod } from '../../../shared/domain/plan-periods'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { inTransaction, isUniqueViolation } from '../db/transaction'

/** Plan periods and their indicators (table owner: plan_periods, plan_indicators). */

interface PlanRow {
  id: number
  short_name: string
  name: string
  start_year: number
  end_year: number
  published: number
  version: number
  updated_at: string
}

interface PlanIndicatorRow {
  plan_id: number
  indicator_id: string
  target_text: string | null
  target_value: number | null
  basis: string | null
  title: string | null
  unit: string | null
  definition: string | null
}

function toIndicator(row: PlanIndicatorRow): PlanIndicator | null {
  const builtIn = findIndicator(row.indicator_id)
  const common = { target: row.target_text, targetValue: row.target_value, basis: row.basis }
  if (builtIn) {
    const { id, title, unit, kind, definition } = builtIn
    return { indicatorId: id, builtIn: true, title, unit, kind, definition, ...common }
  }
  // An indicator the team added is recorded yearly; one without its name (never written so) is skipped.
  if (row.title === null || row.unit === null) return null
  return {
    indicatorId: row.indicator_id,
    builtIn: false,
    title: row.title,
    unit: row.unit,
    kind: 'manual',
    definition: row.definition ?? '按年度填报；规划期内各年度之和与规划目标比较。',
    ...common,
  }
}

/** Every plan period, oldest first, with its indicators in their order. */
export function listPlans(db: Db): PlanPeriod[] {
  const plans = db.prepare('SELECT * FROM plan_periods ORDER BY start_year, id').all() as PlanRow[]
  const indicators = db
    .prepare('SELECT * FROM plan_indicators ORDER BY plan_id, position, indicator_id')
    .all() as PlanIndicatorRow[]
  return plans.map((p) => ({
    id: p.id,
    shortName: p.short_name,
    name: p.name,
    startYear: p.start_year,
    endYear: p.end_year,
    published: p.published === 1,
    version: p.version,
    updatedAt: p.updated_at,
    indicators: indicators
      .filter((i) => i.plan_id === p.id)
      .map(toIndicator)
      .filter((i): i is PlanIndicator => i !== null),
  }))
}

/** The id of an indicator the team adds: the same name and unit in a later plan is the same indicator (same yearly figures). */
export function customIndicatorId(title: string, unit: string): string {
  return `custom-${crypto.createHash('sha256').update(`${title}\u0000${unit}`).digest('hex').slice(0, 12)}`
}

function refuse(message: string, fields: FieldError[]): never {
  throw new ApiError('VALIDATION', message, fields)
}

/** Creates or updates a plan period with its indicators (the whole list, in order). */
export function savePlan(ctx: CoreContext, input: ParsedInputOf<'plans:save'>): PlanPeriod {
  const now = ctx.now().toISOString()
  const db = ctx.db
  const id = inTransaction(db, () => {
    if (input.id !== undefined) {
      const current = db.prepare('SELECT version FROM plan_periods WHERE id = ?').pluck().get(input.id) as
        number | undefined
      if (current === undefined) throw new ApiError('NOT_FOUND', `规划期（编号 ${input.id}）不存在`)
      if (input.version !== undefined && input.version !== current) {
        throw new ApiError('CONFLICT', '该规划期已在其他窗口中被修改，本次未保存。请重新打开后再修改。')
      }
    }
    const overlapping = db
      .prepare(
        `SELECT short_name, start_year, end_year FROM plan_periods
          WHERE id IS NOT ? AND start_year <= ? AND end_year >= ? LIMIT 1`,
      )
      .get(input.id ?? null, input.endYear, input.startYear) as
      { short_name: string; start_year: number; end_year: number } | undefined
    if (overlapping) {
      const message = `年度与“${overlapping.short_name}”规划期（${overlapping.start_year}–${overlapping.end_year}）重叠`
      refuse(message, [{ path: 'startYear', message: `起始年度：${message}` }])
    }
    const rows = input.indicators.map((indicator, index) => {
      const at = (field: string, message: string): FieldError => ({
        path: `indicators.${index}.${field}`,
        message,
      })
      if (indicator.indicatorId && findIndicator(indicator.indicatorId)) {
        return { ...indicator, indicatorId: indicator.indicatorId, title: null, unit: null, definition: null }
      }
      const problems: FieldError[] = []
      if (!indicator.title) problems.push(at('title', '指标名称：请填写新增指标的名称'))
      if (!indicator.unit) problems.push(at('unit', '计量单位：请填写新增指标的计量单位，如 户、人次'))
      if (problems.length > 0) refuse(`第 ${index + 1} 项指标缺少名称或计量单位`, problems)
      const title = indicator.title!
      const unit = indicator.unit!
      return { ...indicator, indicatorId: customIndicatorId(title, unit), title, unit }
    })
    const seen = new Set<string>()
    rows.forEach((row, index) => {
      if (seen.has(row.indicatorId)) {
        refuse(`第 ${index + 1} 项指标与前面的指标重复`, [
          { path: `indicators.${index}.title`, message: '指标名称：与前面的指标重复' },
        ])
      }
      seen.add(row.indicatorId)
    })
    let planId = input.id
    try {
      if (planId === undefined) {
        planId = Number(
          db
            .prepare(
              `INSERT INTO plan_periods (short_name, name, start_year, end_year, published, updated_at)
               VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(input.shortName, input.name, input.startYear, input.endYear, input.published ? 1 : 0, now)
            .lastInsertRowid,
        )
      } else {
        db.prepare(
          `UPDATE plan_periods SET short_name = ?, name = ?, start_year = ?, end_year = ?, published = ?,
             version = version + 1, updated_at = ? WHERE id = ?`,
        ).run(
          input.shortName,
          input.name,
          input.startYear,
          input.endYear,
          input.published ? 1 : 0,
          now,
          planId,
        )
      }
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      refuse(`已有简称为“${input.shortName}”的规划期`, [
        { path: 'shortName', message: `规划简称：已有简称为“${input.shortName}”的规划期` },
      ])
    }
    // Indicators kept are updated in place (keeping their global ids, so another installation sees the same
    // records changed, not new ones); those taken out of the plan are deleted.
    const kept = new Set(rows.map((row) => row.indicatorId))
    const current = db
      .prepare('SELECT indicator_id FROM plan_indicators WHERE plan_id = ?')
      .pluck()
      .all(planId)
    const remove = db.prepare('DELETE FROM plan_indicators WHERE plan_id = ? AND indicator_id = ?')
    for (const indicatorId of current as string[]) if (!kept.has(indicatorId)) remove.run(planId, indicatorId)
    const insert = db.prepare(
      `INSERT INTO plan_indicators (plan_id, indicator_id, position, target_text, target_value, basis, title, unit,
         definition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (plan_id, indicator_id) DO UPDATE SET position = excluded.position,
         target_text = excluded.target_text, target_value = excluded.target_value, basis = excluded.basis,
         title = excluded.title, unit = excluded.unit, definition = excluded.definition`,
    )
    rows.forEach((row, index) =>
      insert.run(
        planId,
        row.indicatorId,
        index + 1,
        row.target,
        row.targetValue,
        row.basis,
        row.title,
        row.unit,
        row.definition,
      ),
    )
    return planId!
  })
  return listPlans(db).find((p) => p.id === id)!
}
