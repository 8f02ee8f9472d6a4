import { farmSettingsSchema, type FarmSettings } from '../../../shared/web/browser-farm'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { readSetting, writeSetting } from '../db/settings-store'
import { inTransaction } from '../db/transaction'

/**
 * The browser farm list of 设置 (remote endpoints and their pages at once), a row of the settings table like the
 * notice settings. An empty list (the default) means audits launch the local browser.
 */

export const farmSettingsKey = 'browserFarm'

export function loadFarmSettings(db: Db): FarmSettings {
  return readSetting(db, farmSettingsKey, farmSettingsSchema) ?? { endpoints: [] }
}

/** `input` was validated by the contract (farmSettingsSchema): ws/wss URLs, 1–16 pages each, no duplicates. */
export function saveFarmSettings(ctx: CoreContext, input: FarmSettings): FarmSettings {
  const value: FarmSettings = {
    endpoints: input.endpoints.map((e) => ({ url: e.url.trim(), concurrency: e.concurrency })),
  }
  inTransaction(ctx.db, () => writeSetting(ctx.db, farmSettingsKey, value, ctx.now()))
  return loadFarmSettings(ctx.db)
}
