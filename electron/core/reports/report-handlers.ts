import type { CoreContext } from '../context'
import type { CoreServices, Handlers } from '../handler-types'
import { recordIndicatorEntry } from './indicators'
import { exportReport } from './report-export'
import { indicatorsToday, reportSummary } from './report-summary'

type ReportOps = Extract<keyof Handlers, `reports:${string}` | `indicators:${string}`>

/** Summary reports and the district plan's indicators. */
export function reportHandlers(ctx: CoreContext, services: CoreServices): Pick<Handlers, ReportOps> {
  return {
    'reports:summary': (input) => reportSummary(ctx, input),
    'reports:export': (input) => exportReport(ctx, services.pdf, input),
    'indicators:record': (input) => {
      recordIndicatorEntry(ctx, input)
      return indicatorsToday(ctx)
    },
  }
}
