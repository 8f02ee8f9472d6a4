import type { z } from 'zod'
import type { Db } from './open-database'

/**
 * The settings table: one JSON value per key (notice settings, team profile, browser farm list, the version of the
 * overlap table…). The one reader and the one writer of it; each setting keeps its own schema and defaults.
 */

/**
 * The stored value of `key` checked against `schema`; `undefined` when nothing is stored, the JSON cannot be read
 * or the value no longer validates (the caller then uses its defaults; saving writes a good value).
 */
export function readSetting<S extends z.ZodType>(db: Db, key: string, schema: S): z.output<S> | undefined {
  const raw = readSettingText(db, key)
  if (raw === undefined) return undefined
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return undefined
  }
  const parsed = schema.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

/** The stored JSON text of `key` as written, or `undefined`. */
export function readSettingText(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(key) as string | undefined
}

/** Stores `value` (as JSON) under `key`, replacing what was there. Call inside the caller's transaction. */
export function writeSetting(db: Db, key: string, value: unknown, now: Date | string): void {
  db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), typeof now === 'string' ? now : now.toISOString())
}
