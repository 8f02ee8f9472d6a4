import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openDatabase, type Db } from '../../../electron/core/db/open-database'
import { readSetting, readSettingText, writeSetting } from '../../../electron/core/db/settings-store'
import { makeTempDir } from '../../support/temp-dir'

/** The one reader and writer of the settings table: every setting's loader relies on these answers. */

const schema = z.object({ name: z.string().min(1), pages: z.number().int().default(4) })
let db: Db
let cleanup: () => void

beforeEach(() => {
  const temp = makeTempDir('access-audit-settings-store-')
  cleanup = temp.cleanup
  db = openDatabase(temp.dir)
})
afterEach(() => {
  db.close()
  cleanup()
})

describe('settings store', () => {
  it('reads nothing for a key never written', () => {
    expect(readSetting(db, 'test.none', schema)).toBeUndefined()
    expect(readSettingText(db, 'test.none')).toBeUndefined()
  })

  it('writes a value and reads it back through the schema (defaults applied), replacing the earlier one', () => {
    writeSetting(db, 'test.a', { name: '甲' }, new Date('2026-12-07T08:00:00Z'))
    expect(readSetting(db, 'test.a', schema)).toEqual({ name: '甲', pages: 4 })
    writeSetting(db, 'test.a', { name: '乙', pages: 2 }, '2026-12-07T09:00:00.000Z')
    expect(readSetting(db, 'test.a', schema)).toEqual({ name: '乙', pages: 2 })
    expect(readSettingText(db, 'test.a')).toBe('{"name":"乙","pages":2}')
    const rows = db.prepare("SELECT updated_at FROM settings WHERE key = 'test.a'").pluck().all()
    expect(rows).toEqual(['2026-12-07T09:00:00.000Z'])
  })

  it('reads a value that no longer validates, or is not JSON, as nothing (the caller uses its defaults)', () => {
    writeSetting(db, 'test.bad', { name: '' }, new Date())
    expect(readSetting(db, 'test.bad', schema)).toBeUndefined()
    db.prepare("UPDATE settings SET value_json = '{not json' WHERE key = 'test.bad'").run()
    expect(readSetting(db, 'test.bad', schema)).toBeUndefined()
    expect(readSettingText(db, 'test.bad')).toBe('{not json')
  })
})
