import type { AxeImpactLevel, PageResult, RunOverlay } from '../../../../shared/web/audit-result'
import type { DocumentCheckResult } from '../../../../shared/web/doc-rules'
import type { FindingChange } from '../runs/run-compare'
import type { PortalSummary } from '../runs/run-summary'

/**
 * The documented JSON output of `access-audit audit --format json` (schema version 1). Every string taken from
 * an audited page (title, selector, html, messages) is untrusted: escape it wherever it is shown.
 */
export const auditReportSchemaVersion = 1

export interface AuditReport {
  schemaVersion: typeof auditReportSchemaVersion
  tool: AuditReportTool
  /** ISO 8601 times of this command's start and end (a resumed batch keeps its first pages' own times). */
  startedAt: string
  finishedAt: string
  options: AuditReportOptions
  portals: AuditReportPortal[]
}

export interface AuditReportTool {
  name: 'access-audit'
  version: string
  /** Version of the WCAG / GB/T 37668 / 适老化 mapping data used for `refs`. */
  mappingVersion: string
}

export interface AuditReportOptions {
  maxPages: number
  maxDepth: number
  /** Pages at once: the number given, or (adaptive, the default) the most the run had in flight. */
  concurrency: number
  failOn: AxeImpactLevel
  include: string[]
  exclude: string[]
}

export interface AuditReportPortal {
  startUrl: string
  name?: string
  /** Row id of the run in the database (compare runs with it). */
  runId: number
  /** 'completed', 'failed' (no page could be audited), 'cancelled' … */
  status: string
  /** One per page, in crawl order (see PageResult in shared/web/audit-result.ts). */
  pages: PageResult[]
  summary: PortalSummary
  /** Against the previous completed run of the same portal, when there is one. */
  comparison?: { previousRunId: number; counts: Record<FindingChange, number> }
  /**
   * The documents check: PDF / Office files the pages link to, each with its problems (rules in
   * shared/web/doc-rules.ts) or why it was not checked. Absent when the pages link to none.
   */
  documents?: DocumentCheckResult[]
  /**
   * Accessibility overlays found on the pages, each with the pages where found (shared/web/overlays.ts).
   * Information only: no finding, no score change. Absent when none.
   */
  overlays?: RunOverlay[]
}

/** What the reporters read: portals whose pages are streamed from the database, one at a time. */
export interface ReportSource {
  header: Omit<AuditReport, 'portals'>
  portals: Array<Omit<AuditReportPortal, 'pages'> & { pages: () => Iterable<PageResult> }>
}

export type ReportFormat = 'json' | 'csv' | 'junit'
