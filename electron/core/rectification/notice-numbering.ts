import type { Db } from '../db/open-database'

/**
 * The next notice number of a year. Call only inside the transaction that saves the notice: the increment and
 * the notice commit together or not at all, so a failed save never skips a number, and the IMMEDIATE
 * transaction makes a second writer (another window, the CLI) wait for the first instead of taking the same one.
 */
export function allocateNoticeSeq(db: Db, year: number): number {
  if (!db.inTransaction) throw new Error('allocateNoticeSeq must run inside the notice transaction')
  const row = db
    .prepare(
      `INSERT INTO notice_sequences (year, last_seq) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1
       RETURNING last_seq`,
    )
    .get(year) as { last_seq: number }
  return row.last_seq
}

/** The last number given in a year (0 when none): for display and tests. */
export function lastNoticeSeq(db: Db, year: number): number {
  const row = db.prepare('SELECT last_seq FROM notice_sequences WHERE year = ?').get(year) as
    { last_seq: number } | undefined
  return row?.last_seq ?? 0
}
