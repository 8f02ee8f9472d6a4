import path from 'node:path'

/**
 * What lives in the data folder, named once. Every service that reads or writes there takes its names and paths
 * from here — the database (db/), photos by content hash (photos/), element screenshots of web audits (written by
 * web-audits/, read by the audit screens, the notices and the reports) — and the output guard (files/) refuses
 * every one of them as a place to write a report.
 *
 *   access-audit.sqlite (+ -wal, -shm, -journal)   the database and the files SQLite keeps beside it
 *   access-audit.sqlite-sessions/                  one marker per process that has the database open
 *   photos/                                        originals, thumbnails and print renditions (photos/photo-paths)
 *   screenshots/run-<runId>/<file>.png             element screenshots of one audit run
 *
 * Evidence paths stored in records are relative to their folder and use '/', so a data folder moves between
 * Windows and Linux machines. Nothing here imports a room: every room may use it.
 */

export const databaseFileName = 'access-audit.sqlite'

/** SQLite's companions: the write-ahead log and its index (WAL mode), and the rollback journal (other modes). */
export const sqliteSidecarSuffixes = ['-wal', '-shm', '-journal'] as const

export const dataFolderNames = {
  database: databaseFileName,
  /** One marker per process that has the database open; a marker left by a dead process means an unclean stop. */
  sessions: `${databaseFileName}-sessions`,
  photos: 'photos',
  screenshots: 'screenshots',
} as const

/** Every name of the database's files inside the data folder. */
export function databaseFileNames(): string[] {
  return [
    databaseFileName,
    ...sqliteSidecarSuffixes.map((s) => databaseFileName + s),
    dataFolderNames.sessions,
  ]
}

/** Every entry of the data folder the app owns: nothing the app exports may be written over or into them. */
export function dataFolderEntries(): string[] {
  return [...databaseFileNames(), dataFolderNames.photos, dataFolderNames.screenshots]
}

export interface DataLayout {
  root: string
  database: string
  photos: string
  screenshots: string
  /** The screenshot folder of one run. */
  runScreenshots: (runId: number) => string
}

/** A run's folder name under screenshots/ (also the first segment of its evidence paths: `run-12/a1b2.png`). */
export function runScreenshotFolder(runId: number): string {
  return `run-${runId}`
}

export function dataLayout(dataDir: string): DataLayout {
  const root = path.resolve(dataDir)
  const screenshots = path.join(root, dataFolderNames.screenshots)
  return {
    root,
    database: path.join(root, dataFolderNames.database),
    photos: path.join(root, dataFolderNames.photos),
    screenshots,
    runScreenshots: (runId) => path.join(screenshots, runScreenshotFolder(runId)),
  }
}
