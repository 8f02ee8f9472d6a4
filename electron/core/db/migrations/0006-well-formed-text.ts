import type Database from 'better-sqlite3'

/**
 * v6: text stored with a lone UTF-16 surrogate becomes well-formed. Before the contract refused them
 * (shared/api/input-text.ts), a name or note holding half of a character was written as the three bytes
 * ED A0–BF 80–BF (not UTF-8), and read back as "���". Each such sequence becomes one U+FFFD (EF BF BD), the same
 * as `String.prototype.toWellFormed` gives. Hangul syllables (ED 80–9F …) are valid UTF-8 and stay as they are.
 *
 * One scan of each table, only of rows with an ED byte in a text column (there are none in most databases); a
 * repaired value that would collide with a unique name is left as it was rather than fail the upgrade.
 */
export const sql = ''

function repairBytes(bytes: Buffer): Buffer | null {
  let changed = false
  const out: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    const next = bytes[i + 1]
    const third = bytes[i + 2]
    if (
      b === 0xed &&
      next !== undefined &&
      third !== undefined &&
      next >= 0xa0 &&
      next <= 0xbf &&
      third >= 0x80 &&
      third <= 0xbf
    ) {
      out.push(0xef, 0xbf, 0xbd)
      i += 2
      changed = true
    } else out.push(b)
  }
  return changed ? Buffer.from(out) : null
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

export function run(db: Database.Database): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  for (const table of tables) {
    const columns = (db.pragma(`table_info(${quote(table)})`) as Array<{ name: string; type: string }>)
      .filter((c) => /TEXT|CHAR|CLOB/i.test(c.type))
      .map((c) => c.name)
    if (columns.length === 0) continue
    const blobs = columns.map((c) => `CAST(${quote(c)} AS BLOB) AS ${quote(c)}`).join(', ')
    const where = columns.map((c) => `instr(CAST(${quote(c)} AS BLOB), X'ED') > 0`).join(' OR ')
    const rows = db
      .prepare(`SELECT rowid AS _rowid, ${blobs} FROM ${quote(table)} WHERE ${where}`)
      .all() as Array<Record<string, unknown>>
    for (const row of rows) {
      for (const column of columns) {
        const value = row[column]
        if (!Buffer.isBuffer(value)) continue
        const repaired = repairBytes(value)
        if (!repaired) continue
        try {
          db.prepare(`UPDATE ${quote(table)} SET ${quote(column)} = ? WHERE rowid = ?`).run(
            repaired.toString('utf8'),
            row._rowid,
          )
        } catch (error) {
          if (!String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) throw error
        }
      }
    }
  }
}
