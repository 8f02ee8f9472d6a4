import type { CoreContext } from '../context'
import type { CoreServices, Handlers } from '../handler-types'
import { listConflicts, resolveConflict } from './exchange-conflicts'
import { exportPackage } from './exchange-export'
import { importPackage } from './exchange-import'
import { saveTeamKey, teamKeyStatus } from './team-key'

type ExchangeOps = Extract<keyof Handlers, `exchange:${string}`>

/** The exchange-package operations of the contract: every door (app, CLI, browser) comes through here. */
export function exchangeHandlers(ctx: CoreContext, services: CoreServices): Pick<Handlers, ExchangeOps> {
  const deps = { ctx, photos: services.photos }
  return {
    'exchange:export': async (input) => {
      const made = await exportPackage(deps, input)
      return {
        fileName: made.fileName,
        mimeType: 'application/zip',
        base64: made.bytes.toString('base64'),
        byteLength: made.bytes.byteLength,
        summary: made.summary,
      }
    },
    'exchange:import': (input) => importPackage(deps, input),
    'exchange:conflicts': (input) => listConflicts(ctx.db, input),
    'exchange:resolve': (input) => resolveConflict(ctx, input),
    'exchange:keyStatus': () => teamKeyStatus(ctx.db),
    'exchange:saveKey': (input) => saveTeamKey(ctx.db, input.teamKey, ctx.now()),
  }
}
