import type { ParsedInputOf } from '../../../shared/api/contract'
import {
  defaultNumberTemplate,
  defaultRectificationSettings,
  legacyDefaultNumberTemplate,
  storedSettingsSchema,
  type RectificationSettings,
} from '../../../shared/domain/rectification'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { readSetting, writeSetting } from '../db/settings-store'
import { inTransaction } from '../db/transaction'

/**
 * Notice settings (issuer, number template, default deadline, reply instructions, contact, 版记) in the settings
 * table.
 */

export const rectificationSettingsKey = 'rectification'

/** The stored settings, or the defaults when none were saved (or the stored value no longer validates). */
export function loadRectificationSettings(db: Db): RectificationSettings {
  const stored = readSetting(db, rectificationSettingsKey, storedSettingsSchema)
  if (!stored) return { ...defaultRectificationSettings }
  return {
    ...stored,
    contact: stored.contact ?? null,
    copyTo: stored.copyTo ?? null,
    printer: stored.printer ?? null,
    // The old default (第{n}号) was never chosen: it came with the app. Its successor follows GB/T 9704.
    numberTemplate:
      stored.numberTemplate === legacyDefaultNumberTemplate ? defaultNumberTemplate : stored.numberTemplate,
  }
}

export function saveRectificationSettings(
  ctx: CoreContext,
  input: ParsedInputOf<'rectification:saveSettings'>,
): RectificationSettings {
  const value: RectificationSettings = {
    issuer: input.issuer,
    numberTemplate: input.numberTemplate,
    defaultDeadlineDays: input.defaultDeadlineDays,
    replyInstructions: input.replyInstructions,
    contact: input.contact ?? null,
    colophon: input.colophon,
    copyTo: input.copyTo ?? null,
    printer: input.printer ?? null,
  }
  inTransaction(ctx.db, () => writeSetting(ctx.db, rectificationSettingsKey, value, ctx.now()))
  return loadRectificationSettings(ctx.db)
}
