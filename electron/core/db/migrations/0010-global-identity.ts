import type Database from 'better-sqlite3'
import { applyGlobalIdentity, teamSettingsKey } from '../global-identity'

/**
 * 0010-global-identity: a team, not a laptop. Every record that can travel between installations gets a global id
 * (UUIDv7, generated here for the rows already present) and authorship columns (who and which device made and last
 * changed it), stamped from now on by triggers (see ../global-identity.ts, where the travelling tables are listed).
 * This data folder gets its device id.
 *
 * Role (团队角色): only the coordinator's installation issues numbered notices. A folder that has already issued
 * notices, or holds rectification items, has been the team's ledger until now: it becomes the coordinator's, so
 * nobody is locked out of the work they do today. Any other folder (a new one included) is a field laptop
 * (外业终端), the default; 设置 and `access-audit profile --role` change it.
 */
export const sql = ''

export function run(db: Database.Database): void {
  applyGlobalIdentity(db)
  const ledger = db
    .prepare('SELECT EXISTS (SELECT 1 FROM notices) OR EXISTS (SELECT 1 FROM rectification_items)')
    .pluck()
    .get()
  if (ledger) {
    db.prepare(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
       ON CONFLICT (key) DO NOTHING`,
    ).run(teamSettingsKey, JSON.stringify({ profileName: null, role: 'coordinator' }))
  }
}
