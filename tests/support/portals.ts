import type { Db } from '../../electron/core/db/open-database'
import { createPortal, findPortalByStartUrl } from '../../electron/core/registry/portals-service'
import { portalCreateSchema, type Portal, type PortalCreateInput } from '../../shared/domain/portals'

/**
 * The portal registered with this start URL, registered through the registry (its schema's defaults and checks)
 * when there is none yet: for tests that work on a bare database.
 */
export function registerPortal(
  db: Db,
  input: PortalCreateInput,
  now = new Date('2026-01-01T00:00:00Z'),
): Portal {
  const parsed = portalCreateSchema.parse(input)
  const known = findPortalByStartUrl(db, parsed.startUrl)
  if (known) return known
  return createPortal({ db, dataDir: '', appVersion: 'test', now: () => now }, parsed)
}
