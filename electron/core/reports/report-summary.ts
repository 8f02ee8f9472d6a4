import { formatClause } from '../../../shared/domain/notice-document'
import type { PortalScorePoint, ReportRow, ReportSummary } from '../../../shared/domain/rectification'
import { categoryLabel } from '../../../shared/domain/rectification-categories'
import type { CoreContext } from '../context'
import { countItems } from './report-counts'
import { dayOf, inRange, localDayOf, monthsOf, type DayRange } from './report-dates'
import { loadReportItems, type ReportItem } from './report-items'
import { computeIndicators, reportPlan } from './indicators'

export interface ReportQuery {
  from: string
  to: string
  unitId?: number | undefined
}

export const noUnitLabel = '未指定责任单位'
export const noClauseLabel = '未注明条款'

function hasAnyCount(row: ReportRow): boolean {
  return (
    row.found + row.notified + row.claimed + row.verified + row.overdue + row.dropped > 0 ||
    row.medianDaysToFix !== null
  )
}

/** Rows of a breakdown: one per group that has anything to report, most found first. */
function breakdown(
  groups: Map<string, { label: string; items: ReportItem[] }>,
  range: DayRange,
  today: string,
): ReportRow[] {
  return [...groups.entries()]
    .map(([key, g]) => ({ key, label: g.label, ...countItems(g.items, range, today) }))
    .filter(hasAnyCount)
    .sort((a, b) => b.found - a.found || b.verified - a.verified || a.label.localeCompare(b.label, 'zh-CN'))
}

function groupBy(
  items: readonly ReportItem[],
  keysOf: (item: ReportItem) => Array<{ key: string; label: string }>,
): Map<string, { label: string; items: ReportItem[] }> {
  const groups = new Map<string, { label: string; items: ReportItem[] }>()
  for (const item of items) {
    for (const { key, label } of keysOf(item)) {
      const group = groups.get(key) ?? { label, items: [] }
      group.items.push(item)
      groups.set(key, group)
    }
  }
  return groups
}

function portalScores(
  ctx: CoreContext,
  range: DayRange,
  unitId: number | null,
): ReportSummary['portalScores'] {
  const rows = ctx.db
    .prepare(
      `SELECT r.id, r.portal_id, p.name AS portal_name, r.score, COALESCE(r.finished_at, r.created_at) AS at
         FROM audit_runs r JOIN portals p ON p.id = r.portal_id
        WHERE r.status = 'completed' AND (@unitId IS NULL OR p.unit_id = @unitId)
        ORDER BY p.name, at, r.id`,
    )
    .all({ unitId }) as Array<{
    id: number
    portal_id: number
    portal_name: string
    score: number | null
    at: string
  }>
  const byPortal = new Map<number, { portalId: number; portalName: string; points: PortalScorePoint[] }>()
  for (const row of rows) {
    const date = dayOf(row.at)
    if (!inRange(date, range)) continue
    const entry = byPortal.get(row.portal_id) ?? {
      portalId: row.portal_id,
      portalName: row.portal_name,
      points: [],
    }
    entry.points.push({ runId: row.id, date, score: row.score })
    byPortal.set(row.portal_id, entry)
  }
  return [...byPortal.values()]
}

/**
 * The summary report of a period (calendar days, inclusive), optionally of one responsible unit. The counts are
 * defined in report-counts.ts; the indicators are the district's and ignore the unit filter.
 */
export function reportSummary(ctx: CoreContext, query: ReportQuery): ReportSummary {
  const range: DayRange = { from: query.from, to: query.to }
  const unitId = query.unitId ?? null
  const today = localDayOf(ctx.now())
  const asOf = range.to < today ? range.to : today
  const allItems = loadReportItems(ctx.db, null)
  const plan = reportPlan(ctx.db, asOf)
  const items = unitId === null ? allItems : allItems.filter((i) => i.unitId === unitId)
  const totals = countItems(items, range, today)

  const byUnit = breakdown(
    groupBy(items, (i) => [
      { key: i.unitId === null ? 'none' : String(i.unitId), label: i.unitName ?? noUnitLabel },
    ]),
    range,
    today,
  )
  const byCategory = breakdown(
    groupBy(items, (i) => [{ key: i.category, label: categoryLabel(i.category) }]),
    range,
    today,
  )
  const byClause = breakdown(
    groupBy(items, (i) =>
      i.clauses.length === 0
        ? [{ key: 'none', label: noClauseLabel }]
        : i.clauses.map((c) => ({ key: `${c.code}|${c.clause}`, label: formatClause(c) })),
    ),
    range,
    today,
  )
  const byMonth = monthsOf(range).map((month) => ({
    key: month.key,
    label: month.label,
    ...countItems(items, month, today),
  }))

  return {
    from: range.from,
    to: range.to,
    unitId,
    asOf,
    totals,
    byUnit,
    byCategory,
    byClause,
    byMonth,
    portalScores: portalScores(ctx, range, unitId),
    indicators: computeIndicators(ctx, plan, {
      items: allItems,
      asOf,
      verifiedInPeriod: unitId === null ? totals.verified : countItems(allItems, range, today).verified,
    }),
    plan: plan && {
      id: plan.id,
      shortName: plan.shortName,
      name: plan.name,
      startYear: plan.startYear,
      endYear: plan.endYear,
      published: plan.published,
    },
  }
}

/**
 * The indicators of the plan holding `asOf` (today by default; the year a figure was recorded for, after a save),
 * with "verified in the period" over that plan period up to `asOf`.
 */
export function indicatorsAsOf(ctx: CoreContext, asOf = localDayOf(ctx.now())): ReportSummary['indicators'] {
  const today = localDayOf(ctx.now())
  const items = loadReportItems(ctx.db, null)
  const plan = reportPlan(ctx.db, asOf)
  const sincePlanStart: DayRange = { from: `${plan?.startYear ?? asOf.slice(0, 4)}-01-01`, to: asOf }
  return computeIndicators(ctx, plan, {
    items,
    asOf,
    verifiedInPeriod: countItems(items, sincePlanStart, today).verified,
  })
}
