import { ApiError } from '../../../../shared/api/errors'
import type { ExportedFile } from '../../../../shared/domain/rectification'
import type { Db } from '../../db/open-database'
import { errorReason } from '../../files/fs-errors'
import { manualChecklist } from '../manual/manual-checklist'
import { runDetail } from '../runs/run-reads'

/** A run's results sorted by clause as an .xlsx download (audits:exportClauses). */
export async function exportRunClauses(db: Db, runId: number): Promise<ExportedFile> {
  const run = runDetail(db, runId)
  const manual = run.portalId !== null ? manualChecklist(db, run.portalId) : []
  let bytes: Uint8Array
  try {
    // Loaded on first use, like the other Excel exports: the app starts without the Excel library.
    bytes = await (await import('./clause-workbook')).clauseWorkbook(run, manual)
  } catch (error) {
    throw new ApiError('EXPORT_FAILED', `生成 Excel 文件失败：${errorReason(error)}`)
  }
  const day = (run.finishedAt ?? run.createdAt).slice(0, 10)
  // No character Windows refuses, no control character, a bounded length (portal names are typed by people).
  const name = [...`网站无障碍检测结果_${run.portalName}_${day}`]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .slice(0, 150)
  return {
    fileName: `${name}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(bytes).toString('base64'),
    byteLength: bytes.byteLength,
  }
}
