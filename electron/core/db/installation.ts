import { ApiError } from '../../../shared/api/errors'
import {
  storedTeamSettingsSchema,
  teamRoleLabels,
  type Installation,
  type TeamRole,
} from '../../../shared/domain/team'
import { deviceIdKey, teamSettingsKey } from './global-identity'
import type { Db } from './open-database'
import { readSetting, writeSetting } from './settings-store'
import { inTransaction } from './transaction'

/**
 * This installation's team identity: inspector profile name and role (settings key 'team', which the authorship
 * triggers read) and the device id (app_meta, made once per data folder by migration 0010-global-identity).
 */

export function loadInstallation(db: Db): Installation {
  const deviceId = db.prepare('SELECT value FROM app_meta WHERE key = ?').pluck().get(deviceIdKey) as
    string | undefined
  // An unreadable value reads as the defaults; saving writes a good one.
  const stored =
    readSetting(db, teamSettingsKey, storedTeamSettingsSchema) ?? storedTeamSettingsSchema.parse({})
  return { profileName: stored.profileName, role: stored.role, deviceId: deviceId ?? '' }
}

export interface TeamProfileUpdate {
  profileName?: string | undefined
  role?: TeamRole | undefined
}

/** Saves the profile name and/or role (what is not given stays); returns the installation as saved. */
export function saveTeamProfile(db: Db, update: TeamProfileUpdate, now: Date): Installation {
  return inTransaction(db, () => {
    const current = loadInstallation(db)
    const value = {
      profileName: update.profileName ?? current.profileName,
      role: update.role ?? current.role,
    }
    writeSetting(db, teamSettingsKey, value, now)
    return loadInstallation(db)
  })
}

/**
 * Numbers (整改通知书 文号) are given at the coordinator's installation only: two laptops numbering on their own
 * would give the same number twice. Every door reaches this through the notices service.
 */
export function requireCoordinator(db: Db, what: string): void {
  const { role } = loadInstallation(db)
  if (role === 'coordinator') return
  throw new ApiError(
    'NOT_COORDINATOR',
    `本机是${teamRoleLabels[role]}，不能${what}：编号的整改通知书只在协调员的安装上签发，以免两台电脑给出相同的文号。` +
      '请把整改项交给协调员签发；如果本机就是协调员的电脑，请在“设置 › 团队协作”中把团队角色改为“协调员”' +
      '（或运行 access-audit profile --role coordinator）。',
  )
}
