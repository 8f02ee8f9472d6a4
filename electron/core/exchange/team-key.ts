import { z } from '../../../shared/domain/zod-setup'
import type { TeamKeyStatus } from '../../../shared/domain/exchange'
import type { Db } from '../db/open-database'
import { readSetting, readSettingText, writeSetting } from '../db/settings-store'
import { ApiError } from '../../../shared/api/errors'
import { inTransaction } from '../db/transaction'
import { keyFingerprint } from './exchange-package'

/**
 * The team key (设置 › 团队协作): one secret the whole team enters on every installation. Packages exported here
 * are signed with it; with a key set, only packages signed with the same key are imported. It stays in this
 * installation's settings (never exported) and is never sent back to a door: only its fingerprint is.
 */

const teamKeySetting = 'team-key'
const storedKey = z.object({ key: z.string().min(1).nullable() })

/**
 * The key, or null when none is set. A stored key that no longer reads is not "no key" (that would let unsigned
 * packages in): it is refused until the key is entered again.
 */
export function readTeamKey(db: Db): string | null {
  const stored = readSetting(db, teamKeySetting, storedKey)
  if (stored === undefined && readSettingText(db, teamKeySetting) !== undefined)
    throw new ApiError(
      'INVALID_STATE',
      '本机的团队密钥设置无法读取，请在“设置 › 团队协作”中重新填写团队密钥（或运行 access-audit profile --team-key …）',
    )
  return stored?.key ?? null
}

export function teamKeyStatus(db: Db): TeamKeyStatus {
  let key: string | null
  try {
    key = readTeamKey(db)
  } catch {
    return { set: true, fingerprint: null } // set, but unreadable: saving a key again mends it
  }
  return { set: key !== null, fingerprint: key ? keyFingerprint(key) : null }
}

export function saveTeamKey(db: Db, key: string | null, now: Date): TeamKeyStatus {
  return inTransaction(db, () => {
    writeSetting(db, teamKeySetting, { key }, now)
    return teamKeyStatus(db)
  })
}
