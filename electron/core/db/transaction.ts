import type { Db } from './open-database'

/** One user save = one IMMEDIATE transaction, so concurrent writers queue instead of failing mid-save. */
export function inTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate()
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** Escapes LIKE wildcards so a search for "50%" finds the text, not everything. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
