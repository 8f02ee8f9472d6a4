import type { CoreContext } from '../../../electron/core/context'
import { openDatabase } from '../../../electron/core/db/open-database'
import { createDispatch } from '../../../electron/core/dispatch'
import type { PdfRenderer } from '../../../electron/core/documents/pdf-port'
import type { CoreServices, Handlers } from '../../../electron/core/handlers'
import { seedUnitsOnce } from '../../../electron/core/registry/units-service'
import { reportHandlers } from '../../../electron/core/reports/report-handlers'
import type { InputOf, OutputOf } from '../../../shared/api/contract'
import type { ApiErrorBody } from '../../../shared/api/errors'
import { makeTempDir } from '../../support/temp-dir'

type ReportOp = 'reports:summary' | 'reports:export' | 'indicators:record'

export interface ReportHarness {
  ctx: CoreContext
  call<N extends ReportOp>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
  fail(name: ReportOp, input: unknown): Promise<ApiErrorBody>
  close(): void
}

/**
 * The report operations behind the real dispatcher (validation and error envelope included) on a fresh, migrated
 * and seeded database, with a fixed clock and the PDF renderer the test chooses.
 */
export function openReportHarness(now: Date, pdf: PdfRenderer | null = null): ReportHarness {
  const { dir, cleanup } = makeTempDir('access-audit-reports-')
  const db = openDatabase(dir)
  const ctx: CoreContext = { db, dataDir: dir, appVersion: 'test', now: () => now }
  seedUnitsOnce(ctx)
  const unavailable: PdfRenderer = {
    renderPdf: () => Promise.reject(new Error('no PDF renderer in this test')),
    close: () => Promise.resolve(),
  }
  // Only the report operations are wired; the dispatcher never reaches the others in these tests.
  const handlers = reportHandlers(ctx, { pdf: pdf ?? unavailable } as CoreServices) as Handlers
  const dispatch = createDispatch(handlers, 'cli', () => undefined)
  return {
    ctx,
    async call(name, input) {
      const result = await dispatch(name, input)
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
      return result.data as never
    },
    async fail(name, input) {
      const result = await dispatch(name, input)
      if (result.ok) throw new Error(`expected ${name} to fail`)
      return result.error
    },
    close() {
      db.close()
      cleanup()
    },
  }
}
