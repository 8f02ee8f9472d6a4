/**
 * The database's files in the data folder: the database itself, the files SQLite keeps beside it, and the folder of
 * open-session markers (session-markers.ts). Nothing the app exports may ever be written over any of them.
 */
export const databaseFileName = 'access-audit.sqlite'

/** SQLite's companions: the write-ahead log and its index (WAL mode), and the rollback journal (other modes). */
export const sqliteSidecarSuffixes = ['-wal', '-shm', '-journal'] as const

/** One marker per process that has the database open; a marker left by a dead process means an unclean stop. */
export const sessionsFolderName = `${databaseFileName}-sessions`

/** Every name of the database's files inside the data folder. */
export function databaseFileNames(): string[] {
  return [databaseFileName, ...sqliteSidecarSuffixes.map((s) => databaseFileName + s), sessionsFolderName]
}
