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
  findIndicator,
  indicatorCatalog,
  itemsVerifiedId,
  portalsPassingId,
  publicFacilitiesId,
  type IndicatorDefinition,
  planPeriod,
  splitPlanEntries,
} from '../../../shared/domain/plan-indicators'

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

function view(
  def: IndicatorDefinition,
  value: number,
  outOf: number | null,
  met: boolean | null,
  entries: IndicatorView['entries'] = [],
): IndicatorView {
  return {
    id: def.id,
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
 * A recorded indicator as of `asOf`: the entries of the years up to asOf's year (a report of 2022 knows nothing of
 * 2026), and as its value the sum of those within the plan period — the target is the plan period's. Entries of
 * years after the plan stay in `entries` and are shown apart (splitPlanEntries), never added to the value.
 */
function manualIndicator(db: Db, def: IndicatorDefinition, asOf: string): IndicatorView {
  const asOfYear = Number(asOf.slice(0, 4))
  const entries = db
    .prepare(
      `SELECT year, value, note FROM indicator_entries WHERE indicator_id = ? AND year <= ? ORDER BY year`,
    )
    .all(def.id, asOfYear) as Array<{ year: number; value: number; note: string | null }>
  const value = splitPlanEntries(entries).within.reduce((sum, e) => sum + e.value, 0)
  return view(def, value, null, def.targetValue === null ? null : value >= def.targetValue, entries)
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

/** Every indicator of the catalog, in its order. */
export function computeIndicators(ctx: CoreContext, inputs: IndicatorInputs): IndicatorView[] {
  return indicatorCatalog.map((def) => {
    if (def.kind === 'manual') return manualIndicator(ctx.db, def, inputs.asOf)
    switch (def.id) {
      case publicFacilitiesId: {
        const { rectified, total } = publicFacilities(inputs.items, inputs.asOf)
        return view(def, rectified, total, null)
      }
      case itemsVerifiedId:
        return view(def, inputs.verifiedInPeriod, null, null)
      case portalsPassingId: {
        const { passing, total } = portalsPassing(ctx.db, inputs.asOf)
        return view(def, passing, total, total === 0 ? null : passing === total)
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
        return view(def, verified, total, null)
      }
      default:
        throw new Error(`indicator ${def.id} has no computation`)
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
 * Records (or corrects) one year's figure of a manual indicator: an upsert in a transaction, so a failed save
 * leaves the previous figure. The year must lie between the plan's first year and the current year (years after the
 * plan's end are accepted: the team keeps recording, and the reports list them apart from the plan's target).
 */
export function recordIndicatorEntry(ctx: CoreContext, input: IndicatorRecordInput): void {
  const def = findIndicator(input.indicatorId)
  if (!def) throw new ApiError('NOT_FOUND', `指标“${input.indicatorId.slice(0, 40)}”不存在`)
  if (def.kind !== 'manual') {
    throw new ApiError('VALIDATION', `“${def.title}”由系统根据整改和检测数据自动统计，不能手工填报`, [
      { path: 'indicatorId', message: `指标：“${def.title}”为自动统计指标，不能手工填报` },
    ])
  }
  const thisYear = ctx.now().getFullYear()
  const firstYear = planPeriod.startYear
  if (input.year < firstYear || input.year > thisYear) {
    throw new ApiError('VALIDATION', `年度须在 ${firstYear} 年至 ${thisYear} 年之间`, [
      { path: 'year', message: `年度：须在 ${firstYear} 年（规划期起始）至 ${thisYear} 年（今年）之间` },
    ])
  }
  const note = input.note?.trim() ? input.note.trim() : null
  const save = ctx.db.prepare(
    `INSERT INTO indicator_entries (indicator_id, year, value, note, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (indicator_id, year) DO UPDATE SET value = excluded.value, note = excluded.note,
                                                     updated_at = excluded.updated_at`,
  )
  ctx.db.transaction(() => save.run(def.id, input.year, input.value, note, ctx.now().toISOString()))()
}
