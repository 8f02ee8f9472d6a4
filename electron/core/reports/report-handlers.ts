import type { CoreContext } from '../context'
import type { CoreServices, Handlers } from '../handler-types'
import { localDay } from '../../../shared/domain/local-dates'
import { recordIndicatorEntry } from './indicators'
import { listPlans, savePlan } from './plans-service'
import { exportReport } from './report-export'
import { indicatorsAsOf, reportSummary } from './report-summary'

type ReportOps = Extract<keyof Handlers, `reports:${string}` | `indicators:${string}` | `plans:${string}`>

/** Summary reports, the plan periods and their indicators. */
export function reportHandlers(ctx: CoreContext, services: CoreServices): Pick<Handlers, ReportOps> {
  return {
    'reports:summary': (input) => reportSummary(ctx, input),
    'reports:export': (input) => exportReport(ctx, services.pdf, input),
    'indicators:record': (input) => {
      recordIndicatorEntry(ctx, input)
      // The indicators of the plan the recorded year belongs to, as of that year's end (or today).
      const today = localDay(ctx.now())
      const yearEnd = `${input.year}-12-31`
      return indicatorsAsOf(ctx, yearEnd < today ? yearEnd : today)
    },
    'plans:list': () => listPlans(ctx.db),
    'plans:save': (input) => savePlan(ctx, input),
  }
}
