import type { CoreContext } from '../context'
import type { CoreServices, Handlers } from '../handlers'

type ReportOps = Extract<keyof Handlers, `reports:${string}` | `indicators:${string}`>

/** Summary reports and the district plan's indicators. */
export function reportHandlers(ctx: CoreContext, services: CoreServices): Pick<Handlers, ReportOps> {
  // TODO(helper): implemented by the report services
}
