import { farmSettingsSchema, type FarmSettings } from '../../../shared/web/browser-farm'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { inTransaction } from '../db/transaction'

/**
 * The browser farm list of 设置 (remote endpoints and their pages at once), a row of the settings table like the
 * notice settings. An empty list (the default) means audits launch the local browser.
 */

export const farmSettingsKey = 'browserFarm'

export function loadFarmSettings(db: Db): FarmSettings {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(farmSettingsKey) as
    { value_json: string } | undefined
  if (!row) return { endpoints: [] }
  try {
    const parsed = farmSettingsSchema.safeParse(JSON.parse(row.value_json))
    return parsed.success ? parsed.data : { endpoints: [] }
  } catch {
    return { endpoints: [] }
  }
}

/** `input` was validated by the contract (farmSettingsSchema): ws/wss URLs, 1–16 pages each, no duplicates. */
export function saveFarmSettings(ctx: CoreContext, input: FarmSettings): FarmSettings {
  const value: FarmSettings = {
    endpoints: input.endpoints.map((e) => ({ url: e.url.trim(), concurrency: e.concurrency })),
  }
  inTransaction(ctx.db, () => {
    ctx.db
      .prepare(
        `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
      )
      .run(farmSettingsKey, JSON.stringify(value), ctx.now().toISOString())
  })
  return loadFarmSettings(ctx.db)
}
