import { dataFileProblem } from '../core/files/output-guard'

/**
 * The app window saves only what the app itself made: exported notices and reports arrive as Blobs the renderer
 * creates (renderer/src/rectification/download.ts). Any other download — a URL from an audited page's snippet,
 * a link that slipped through — is cancelled. Pure, so it is tested without Electron.
 */
export function isAppExportDownload(url: string): boolean {
  return url.startsWith('blob:')
}

/** The save dialog's title; Electron shows the system save dialog because no save path is set. */
export const exportSaveDialogTitle = '保存导出的文件'

/**
 * Why the path chosen in the save dialog must not be written, or null: the data folder's own files (the database,
 * its -wal/-shm/-journal, photos, screenshots) are refused, as for every other output of the app.
 */
export function exportSavePathProblem(savePath: string, dataDir: string): string | null {
  return dataFileProblem(savePath, dataDir)
}
