import { auditPage, type AuditPageOptions } from './audit-page'
import { createPageAuditor, type PageAuditor } from './page-auditor'

/**
 * The production page auditor: the project's `auditPage` (axe-core + own checks), links read on the same load,
 * each page in a warm tab of the browser's pool, cleared between pages (a first visit without a cold renderer).
 */
export function createDefaultAuditor(options: AuditPageOptions = {}): PageAuditor {
  return createPageAuditor(auditPage, { reuseTab: true, ...options })
}
