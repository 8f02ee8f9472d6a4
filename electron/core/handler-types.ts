import type { AppInfo, OperationName, OutputOf, ParsedInputOf } from '../../shared/api/contract'
import type { PdfRenderer } from './documents/pdf-port'
import type { PhotoStorePort } from './inspections/inspection-photos'
import type { WebAuditService } from './web-audits/web-audit-service'

/**
 * The types every handler module shares (handlers.ts and each room's `…-handlers.ts`), in their own module so
 * the handler modules never import each other.
 */

export type Door = AppInfo['door']

/** One handler per operation of the contract; the compiler refuses a missing or mistyped one. */
export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>, door: Door) => OutputOf<N> | Promise<OutputOf<N>>
}

export interface CoreServices {
  photos: PhotoStorePort
  readFile: (absolutePath: string) => Promise<Buffer>
  webAudits: WebAuditService
  /** Chromium print-to-PDF for notices and reports (launched on first use). */
  pdf: PdfRenderer
  /** After an operation wrote findings: the composition root turns them into rectification items. */
  afterFindings: () => void
}
