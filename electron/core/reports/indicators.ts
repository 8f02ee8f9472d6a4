import type { IndicatorView } from '../../../shared/domain/rectification'
import type { RectificationCategoryId } from '../../../shared/domain/rectification-categories'
import { ApiError } from '../../../shared/api/errors'
import type { PortalSummary } from '../web-audits/runs/run-summary'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { dayOf } from './report-dates'
import { statusAt, type ReportItem } from './report-items'
import {
  audibleSignalsId,
  itemsVerifiedId,
  portalsPassingId,
  publicFacilitiesId,
  splitPlanEntries,
} from '../../../shared/domain/plan-indicators'
import {
  planForYear,
  type PlanIndicator,
  type PlanPeriod,
  type PlanRef,
} from '../../../shared/domain/plan-periods'
import { listPlans } from './plans-service'

/** Place types that are not public service facilities in the plan's sense (专栏6 item 2). */
const notPublicFacility = new Set(['residential-community', 'road-crossing', 'other'])

export interface IndicatorInputs {
  /** All items of the district (indicators are the district's, whatever unit the report is filtered to). */
  items: readonly ReportItem[]
  /** The day state-like indicators are evaluated at. */
  asOf: string
  /** Items verified in the report's period. */
  verifiedInPeriod: number
}

function planRef(plan: PlanPeriod): PlanRef {
  const { id, shortName, name, startYear, endYear, published } = plan
  return { id, shortName, name, startYear, endYear, published }
}

/** Met when the value reaches a numeric target; null when the plan gives none (or is not published yet). */
function metByValue(def: PlanIndicator, value: number): boolean | null {
  return def.targetValue === null ? null : value >= def.targetValue
}

function view(
  plan: PlanPeriod,
  def: PlanIndicator,
  value: number,
  outOf: number | null,
  met: boolean | null,
  entries: IndicatorView['entries'] = [],
): IndicatorView {
  return {
    plan: planRef(plan),
    targetPending: !plan.published && def.target === null,
    basis: def.basis,
    id: def.indicatorId,
    title: def.title,
    unit: def.unit,
    target: def.target,
    targetValue: def.targetValue,
    value,
    outOf,
    definition: def.definition,
    kind: def.kind,
    entries,
    met,
  }
}

/**
 * A recorded indicator as of `asOf`: the entries of the plan's years and later up to asOf's year (a report of 2022
 * knows nothing of 2026; an earlier plan's years belong to that plan), and as its value the sum of those within the
 * plan period — the target is the plan period's. Entries of years after the plan stay in `entries` and are shown
 * apart (splitPlanEntries), never added to the value.
 */
function manualIndicator(db: Db, plan: PlanPeriod, def: PlanIndicator, asOf: string): IndicatorView {
  const asOfYear = Number(asOf.slice(0, 4))
  const entries = db
    .prepare(
      `SELECT year, value, note FROM indicator_entries
        WHERE indicator_id = ? AND year >= ? AND year <= ? ORDER BY year`,
    )
    .all(def.indicatorId, plan.startYear, asOfYear) as Array<{
    year: number
    value: number
    note: string | null
  }>
  const value = splitPlanEntries(entries, plan).within.reduce((sum, e) => sum + e.value, 0)
  return view(plan, def, value, null, metByValue(def, value), entries)
}

/** Places (public facilities) with site items found by `asOf`, and those whose every such item is verified. */
function publicFacilities(items: readonly ReportItem[], asOf: string): { rectified: number; total: number } {
  const allVerified = new Map<number, boolean>()
  for (const item of items) {
    if (item.source !== 'site' || item.placeId === null || item.status === 'dropped') continue
    if (item.placeType !== null && notPublicFacility.has(item.placeType)) continue
    const status = statusAt(item, asOf)
    if (status === null) continue
    allVerified.set(item.placeId, (allVerified.get(item.placeId) ?? true) && status === 'verified')
  }
  return { rectified: [...allVerified.values()].filter(Boolean).length, total: allVerified.size }
}

interface LatestRunRow {
  portal_id: number
  score: number | null
  summary_json: string | null
}

/**
 * Portals passing: of the portals (archived ones excluded) with a completed run finished by `asOf`, those whose
 * latest such run audited at least one page and has no violation of impact critical or serious.
 */
export function portalsPassing(db: Db, asOf: string): { passing: number; total: number } {
  const rows = db
    .prepare(
      `SELECT r.portal_id, r.score, r.summary_json, r.finished_at, r.created_at
         FROM audit_runs r JOIN portals p ON p.id = r.portal_id
        WHERE r.status = 'completed' AND p.archived = 0
        ORDER BY r.portal_id, COALESCE(r.finished_at, r.created_at), r.id`,
    )
    .all() as Array<LatestRunRow & { finished_at: string | null; created_at: string }>
  const latest = new Map<number, LatestRunRow>()
  for (const row of rows) {
    if (dayOf(row.finished_at ?? row.created_at) > asOf) continue
    latest.set(row.portal_id, row)
  }
  let passing = 0
  for (const run of latest.values()) if (runPasses(run)) passing++
  return { passing, total: latest.size }
}

function runPasses(run: LatestRunRow): boolean {
  if (run.score === null || run.summary_json === null) return false
  try {
    const summary = JSON.parse(run.summary_json) as Partial<PortalSummary>
    const byImpact = summary.byImpact
    if (!byImpact || (summary.pages?.audited ?? 0) === 0) return false
    return byImpact.critical.instances === 0 && byImpact.serious.instances === 0
  } catch {
    return false
  }
}

/** Report items carry category ids (loadReportItems turns an older row's label into its id). */
function isAudibleSignal(category: string): boolean {
  return category === ('audible-signal' satisfies RectificationCategoryId)
}

/** The plan period a report as of `asOf` is measured against (see planForYear). */
export function reportPlan(db: Db, asOf: string): PlanPeriod | null {
  return planForYear(listPlans(db), Number(asOf.slice(0, 4)))
}

/** Every indicator of the plan, in its order. */
export function computeIndicators(
  ctx: CoreContext,
  plan: PlanPeriod | null,
  inputs: IndicatorInputs,
): IndicatorView[] {
  if (plan === null) return []
  return plan.indicators.map((def) => {
    if (def.kind === 'manual') return manualIndicator(ctx.db, plan, def, inputs.asOf)
    switch (def.indicatorId) {
      case publicFacilitiesId: {
        const { rectified, total } = publicFacilities(inputs.items, inputs.asOf)
        return view(plan, def, rectified, total, metByValue(def, rectified))
      }
      case itemsVerifiedId:
        return view(plan, def, inputs.verifiedInPeriod, null, metByValue(def, inputs.verifiedInPeriod))
      case portalsPassingId: {
        const { passing, total } = portalsPassing(ctx.db, inputs.asOf)
        // A target of "全部达标" (no number): met when every portal passes; a number: at least that many.
        const met =
          def.targetValue !== null
            ? passing >= def.targetValue
            : def.target === null || total === 0
              ? null
              : passing === total
        return view(plan, def, passing, total, met)
      }
      case audibleSignalsId: {
        let verified = 0
        let total = 0
        for (const item of inputs.items) {
          if (!isAudibleSignal(item.category) || item.status === 'dropped') continue
          const status = statusAt(item, inputs.asOf)
          if (status === null) continue
          total++
          if (status === 'verified') verified++
        }
        return view(plan, def, verified, total, metByValue(def, verified))
      }
      default:
        throw new Error(`indicator ${def.indicatorId} has no computation`)
    }
  })
}

export interface IndicatorRecordInput {
  indicatorId: string
  year: number
  value: number
  note?: string | null | undefined
}

/**
 * Records (or corrects) one year's figure of a recorded indicator (built in, or added by the team to a plan): an
 * upsert in a transaction, so a failed save leaves the previous figure. The year must lie between the first plan's
 * first year and the current year (years after a plan's end are accepted: the team keeps recording, and the reports
 * list them apart from that plan's target).
 */
export function recordIndicatorEntry(ctx: CoreContext, input: IndicatorRecordInput): void {
  const plans = listPlans(ctx.db)
  const def = plans.flatMap((p) => p.indicators).find((i) => i.indicatorId === input.indicatorId)
  if (!def) throw new ApiError('NOT_FOUND', `指标“${input.indicatorId.slice(0, 40)}”不存在`)
  if (def.kind !== 'manual') {
    throw new ApiError('VALIDATION', `“${def.title}”由系统根据整改和检测数据自动统计，不能手工填报`, [
      { path: 'indicatorId', message: `指标：“${def.title}”为自动统计指标，不能手工填报` },
    ])
  }
  const thisYear = ctx.now().getFullYear()
  const firstYear = Math.min(...plans.map((p) => p.startYear))
  if (input.year < firstYear || input.year > thisYear) {
    throw new ApiError('VALIDATION', `年度须在 ${firstYear} 年至 ${thisYear} 年之间`, [
      { path: 'year', message: `年度：须在 ${firstYear} 年（首个规划期起始）至 ${thisYear} 年（今年）之间` },
    ])
  }
  const note = input.note?.trim() ? input.note.trim() : null
  const save = ctx.db.prepare(
    `INSERT INTO indicator_entries (indicator_id, year, value, note, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (indicator_id, year) DO UPDATE SET value = excluded.value, note = excluded.note,
                                                     updated_at = excluded.updated_at`,
  )
  ctx.db.transaction(() =>
    save.run(def.indicatorId, input.year, input.value, note, ctx.now().toISOString()),
  )()
}
