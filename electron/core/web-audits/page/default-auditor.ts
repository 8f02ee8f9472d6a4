import { auditPage, type AuditPageOptions } from './audit-page'
import { createPageAuditor, type PageAuditor } from './page-auditor'

/**
 * The production page auditor: the project's `auditPage` (axe-core + own checks), links read on the same load,
 * and the next page's context opened while a page is audited (batches audit one page after another).
 */
export function createDefaultAuditor(options: AuditPageOptions = {}): PageAuditor {
  return createPageAuditor(auditPage, { prewarm: true, ...options })
}
