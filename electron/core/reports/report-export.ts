import type { ExportedFile } from '../../../shared/domain/rectification'
import { ApiError } from '../../../shared/api/errors'
import { errorReason } from '../files/fs-errors'
import type { CoreContext } from '../context'
import type { PdfRenderer } from '../documents/pdf-port'
import { pad } from '../../../shared/domain/local-dates'
import { mimeTypes, safeFileName } from '../rectification/notice-exports'
import { reportHtml } from './report-html'
import { reportSummary, type ReportQuery } from './report-summary'

export interface ReportExportInput extends ReportQuery {
  format: 'pdf' | 'xlsx'
}

function unitName(ctx: CoreContext, unitId: number | undefined): string | null {
  if (unitId === undefined) return null
  const row = ctx.db.prepare(`SELECT name FROM units WHERE id = ?`).get(unitId) as
    { name: string } | undefined
  return row?.name ?? null
}

function generatedAt(now: Date): string {
  return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日 ${pad(now.getHours())}:${pad(now.getMinutes())}`
}

/** The summary report as a PDF (Chromium print of the report HTML) or an Excel workbook, carried as base64. */
export async function exportReport(
  ctx: CoreContext,
  pdf: PdfRenderer,
  input: ReportExportInput,
): Promise<ExportedFile> {
  const summary = reportSummary(ctx, input)
  const unit = unitName(ctx, input.unitId)
  let bytes: Uint8Array
  try {
    bytes =
      input.format === 'pdf'
        ? await pdf.renderPdf(reportHtml(summary, { unitName: unit, generatedAt: generatedAt(ctx.now()) }))
        : // Loaded on first use, like the notices' Word and Excel renderers: the app starts without the Excel library.
          await (await import('./report-xlsx')).reportXlsx(summary, unit)
  } catch (error) {
    // The renderer's own typed errors (e.g. no browser found) reach the user as they are.
    if (error instanceof ApiError) throw error
    throw new ApiError('EXPORT_FAILED', `生成统计报表失败：${errorReason(error)}`)
  }
  // The notices' file-name rule: no character Windows refuses, no control character, a bounded length.
  const base = safeFileName(
    ['无障碍整改统计报表', summary.from, summary.to, ...(unit ? [unit] : [])].join('_'),
  )
  return {
    fileName: `${base}.${input.format}`,
    mimeType: mimeTypes[input.format],
    base64: Buffer.from(bytes).toString('base64'),
    byteLength: bytes.byteLength,
  }
}
