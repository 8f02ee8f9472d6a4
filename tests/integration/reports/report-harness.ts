import type { CoreContext } from '../../../electron/core/context'
import type { PdfRenderer } from '../../../electron/core/documents/pdf-port'
import { openTestCore, type TestCore } from '../../support/test-core'

export interface ReportHarness extends TestCore {
  ctx: CoreContext
}

/**
 * The whole core behind the real dispatcher (tests/support/test-core.ts) on a fresh, migrated and seeded data
 * folder, with a fixed clock and the PDF renderer the test chooses (by default one that refuses: these tests only
 * print when they say so).
 */
export function openReportHarness(now: Date, pdf: PdfRenderer | null = null): ReportHarness {
  const unavailable: PdfRenderer = {
    renderPdf: () => Promise.reject(new Error('no PDF renderer in this test')),
    close: () => Promise.resolve(),
  }
  const t = openTestCore({ pdf: pdf ?? unavailable })
  t.core.ctx.now = () => now
  return Object.assign(t, { ctx: t.core.ctx })
}
