import path from 'node:path'
import { databaseFileName } from './db/open-database'

/**
 * What lives in the data folder, named once. Every service that reads or writes there takes its paths from
 * here: the database (opened by db/), photos by content hash (photos/), element screenshots of web audits, one
 * folder per run (web-audits/ writes them; the audit screens, the notices and the reports read them).
 *
 *   access-audit.sqlite (+ -wal, -shm)   the database
 *   photos/                              photo originals, thumbnails and print renditions (see photos/photo-paths)
 *   screenshots/run-<runId>/<file>.png   element screenshots of one audit run
 *
 * Evidence paths stored in records are relative to their folder and use '/', so a data folder moves between
 * Windows and Linux machines.
 */

export const dataFolderNames = {
  database: databaseFileName,
  photos: 'photos',
  screenshots: 'screenshots',
} as const

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
