import type { CoreContext } from '../context'
import type { CoreServices, Handlers } from '../handlers'

type RectificationOps = Extract<keyof Handlers, `rectification:${string}` | `notices:${string}`>

/** The rectification and notice operations of the contract. */
export function rectificationHandlers(ctx: CoreContext, services: CoreServices): Pick<Handlers, RectificationOps> {
  // TODO(helper): implemented by the rectification services
}
