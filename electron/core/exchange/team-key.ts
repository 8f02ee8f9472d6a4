import { z } from '../../../shared/domain/zod-setup'
import type { TeamKeyStatus } from '../../../shared/domain/exchange'
import type { Db } from '../db/open-database'
import { readSetting, writeSetting } from '../db/settings-store'
import { inTransaction } from '../db/transaction'
import { keyFingerprint } from './exchange-package'

/**
 * The team key (设置 › 团队协作): one secret the whole team enters on every installation. Packages exported here
 * are signed with it; with a key set, only packages signed with the same key are imported. It stays in this
 * installation's settings (never exported) and is never sent back to a door: only its fingerprint is.
 */

const teamKeySetting = 'team-key'
const storedKey = z.object({ key: z.string().min(1).nullable() })

export function readTeamKey(db: Db): string | null {
  return readSetting(db, teamKeySetting, storedKey)?.key ?? null
}

export function teamKeyStatus(db: Db): TeamKeyStatus {
  const key = readTeamKey(db)
  return { set: key !== null, fingerprint: key ? keyFingerprint(key) : null }
}

export function saveTeamKey(db: Db, key: string | null, now: Date): TeamKeyStatus {
  return inTransaction(db, () => {
    writeSetting(db, teamKeySetting, { key }, now)
    return teamKeyStatus(db)
  })
}
