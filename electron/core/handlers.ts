import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api/contract'
import type { AppInfo } from '../../shared/api/contract'
import type { CoreContext } from './context'
import { createPlace, getPlace, listPlaces, setPlaceArchived, updatePlace } from './registry/places-service'
import { createUnit, getUnit, listUnits, setUnitArchived, updateUnit } from './registry/units-service'

export type Door = AppInfo['door']

/** One handler per operation of the contract; the compiler refuses a missing or mistyped one. */
export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>, door: Door) => OutputOf<N> | Promise<OutputOf<N>>
}

export function createHandlers(ctx: CoreContext): Handlers {
  return {
    'app:info': (_input, door) => ({
      version: ctx.appVersion,
      schemaVersion: Number(ctx.db.pragma('user_version', { simple: true })),
      dataDir: ctx.dataDir,
      door,
    }),
    'units:list': (input) => listUnits(ctx, input),
    'units:get': (input) => getUnit(ctx.db, input.id),
    'units:create': (input) => createUnit(ctx, input),
    'units:update': (input) => updateUnit(ctx, input),
    'units:setArchived': (input) => setUnitArchived(ctx, input),
    'places:list': (input) => listPlaces(ctx, input),
    'places:get': (input) => getPlace(ctx.db, input.id),
    'places:create': (input) => createPlace(ctx, input),
    'places:update': (input) => updatePlace(ctx, input),
    'places:setArchived': (input) => setPlaceArchived(ctx, input),
  }
}
