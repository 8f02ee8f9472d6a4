import type { ClauseRefs } from './clause-refs'

/**
 * The result of auditing one page: the contract between the page auditor, the batch runner, the database, the
 * CLI's JSON output (its documented schema) and the findings. Everything here is plain JSON.
 * Strings that come from the audited page (title, selector, html, message from axe) are untrusted: every consumer
 * escapes them where shown or written.
 */

/** Why a page could not be audited. */
export type PageFailureReason =
  | 'dns' // host not found
  | 'connection' // refused, reset, TLS error, proxy
  | 'timeout' // navigation did not reach DOM ready within the limit
  | 'http-status' // 4xx/5xx main document
  | 'not-html' // PDF, image, download …
  | 'redirect-loop'
  | 'crash' // renderer or browser crashed
  | 'audit-timeout' // axe exceeded the per-page limit
  | 'invalid-url'
  | 'internal'

export type AxeImpactLevel = 'critical' | 'serious' | 'moderate' | 'minor'

export interface AuditNode {
  /** CSS selector path from axe (iframe paths joined with " >>> "). */
  selector: string
  /** Outer HTML snippet, truncated; untrusted. */
  html: string
  /** Stable fingerprint for run-to-run matching: not the raw selector alone (see fingerprint rules). */
  fingerprint: string
  /** zh-CN summary of what to fix for this node (axe failureSummary, localized). */
  failureSummary?: string
  /** File name of the element screenshot (relative to the run's screenshot folder), when taken. */
  screenshot?: string
}

export interface AuditRuleResult {
  /** axe rule id, or the project's own rule id (prefixed "aa-"). */
  ruleId: string
  source: 'axe' | 'own'
  impact: AxeImpactLevel | null
  /** True for axe "incomplete" results, rules that timed out, and own checks that cannot decide. */
  needsReview: boolean
  /** Why review is needed, e.g. "规则执行超时". */
  reviewReason?: string
  /** zh-CN description and help from axe's zh_CN locale or the own rule's metadata. */
  description: string
  help: string
  helpUrl?: string
  refs: ClauseRefs
  /** WCAG level of the rule (A/AA/AAA) or null for best practice. */
  level: 'A' | 'AA' | 'AAA' | null
  nodes: AuditNode[]
  /** Total nodes before truncation. */
  nodeCount: number
}

export interface FrameNote {
  url: string
  /** Why a frame was not tested (e.g. failed to load, chrome-error page, cross-origin timeout). */
  reason: string
}

/** An accessibility overlay found on the page (information only: it earns no credit, see shared/web/overlays.ts). */
export interface OverlayFinding {
  /** Id in the overlay catalog. */
  id: string
  /** zh-CN name. */
  name: string
  /** What showed it: script URLs, globals, page elements (zh-CN; the URLs are untrusted). */
  evidence: string[]
  /** Its scripts were blocked while the page was audited (overlays that rewrite the page at load). */
  blocked: boolean
}

/** One overlay across a run: the pages where it was found (information only, like OverlayFinding). */
export interface RunOverlay {
  /** Id in the overlay catalog. */
  id: string
  /** zh-CN name. */
  name: string
  /** Its scripts were blocked while the pages were audited. */
  blocked: boolean
  /** Pages where it was found (final URLs, crawl order; untrusted). */
  pages: string[]
}

/** A document the page links to (PDF, Word, Excel …), recorded for the documents check. Untrusted text. */
export interface LinkedDocument {
  url: string
  /** The link's accessible name. */
  text: string
  /** File extension, lower case: 'pdf', 'docx' … */
  format: string
}

export interface PageResult {
  url: string
  finalUrl: string | null
  status: number | null
  title: string | null
  ok: boolean
  failureReason?: PageFailureReason
  /** zh-CN explanation of the failure. */
  failureMessage?: string
  startedAt: string
  durationMs: number
  results: AuditRuleResult[]
  framesNotTested: FrameNote[]
  axeVersion?: string
  /** Accessibility overlays detected (absent when none). */
  overlays?: OverlayFinding[]
  /** Same-site documents the page links to (absent when none). */
  documents?: LinkedDocument[]
}

export const auditResultSchemaVersion = 1
