import { z } from './zod-setup'
import { idSchema, optionalText } from './common'
import type { AuditRuleResult, PageFailureReason, RunOverlay } from '../web/audit-result'
import type { DocumentCheckResult } from '../web/doc-rules'

export const auditFieldLabels: Record<string, string> = {
  portalIds: '网站',
  batchId: '批次',
  runId: '检测记录',
  previousRunId: '对比的检测记录',
  maxPages: '最多页面数',
  concurrency: '并发页面数',
  portalId: '网站',
  checkId: '人工检查项',
  status: '结论',
  note: '备注',
  file: '截图',
}

export type AuditBatchStatus = 'queued' | 'running' | 'paused' | 'completed' | 'cancelled'

export const auditBatchStatusLabels: Record<AuditBatchStatus, string> = {
  queued: '排队中',
  running: '检测中',
  paused: '已暂停',
  completed: '已完成',
  cancelled: '已取消',
}

/** A batch as the progress bar sees it. */
export interface AuditBatchView {
  batchId: number
  status: AuditBatchStatus
  /** True while this process is working on it. */
  active: boolean
  done: number
  skipped: number
  failed: number
  remaining: number
  total: number
  elapsedMs: number
  etaMs: number | null
  pagesPerMinute: number | null
  createdAt: string
  /** zh-CN, when the batch stopped on an error (no browser found …). */
  error: string | null
  runs: Array<{
    runId: number
    portalId: number | null
    portalName: string
    status: string
    score: number | null
  }>
}

export interface CountPairView {
  instances: number
  nodes: number
}

export interface AuditRunView {
  runId: number
  batchId: number | null
  portalId: number | null
  portalName: string
  startUrl: string
  status: string
  score: number | null
  createdAt: string
  finishedAt: string | null
  previousRunId: number | null
  summary: {
    pages: { total: number; audited: number; failed: number; skipped: number }
    violations: CountPairView & { rules: number }
    needsReview: CountPairView & { rules: number }
    byImpact: Record<string, CountPairView>
    byWcag: Record<string, number>
    byGbt37668: Record<string, number>
    failures: Partial<Record<PageFailureReason, number>>
  } | null
}

/** Per-rule drill-down: every page and element where the rule fired. Page strings are untrusted. */
export interface RuleDrill {
  ruleId: string
  source: AuditRuleResult['source']
  impact: AuditRuleResult['impact']
  needsReview: boolean
  reviewReason: string | null
  description: string
  help: string
  helpUrl: string | null
  refs: AuditRuleResult['refs']
  level: AuditRuleResult['level']
  pageCount: number
  nodeCount: number
  pages: Array<{
    url: string
    title: string | null
    nodes: Array<{ selector: string; html: string; failureSummary: string | null; screenshot: string | null }>
  }>
}

export interface FailedPageView {
  url: string
  reason: PageFailureReason | null
  message: string | null
  status: number | null
}

export interface AuditRunDetail extends AuditRunView {
  rules: RuleDrill[]
  failedPages: FailedPageView[]
  /** The documents check: linked PDF / Office files and their problems, in the order found (untrusted text). */
  documents: DocumentCheckResult[]
  /** Accessibility overlays found on the run's pages: information only, no finding and no score change. */
  overlays: RunOverlay[]
}

export type FindingChangeKind = 'new' | 'persisting' | 'fixed' | 'unchecked'

export interface AuditComparisonView {
  previousRunId: number | null
  currentRunId: number
  counts: Record<FindingChangeKind, number>
  findings: Array<{
    change: FindingChangeKind
    ruleId: string
    pageUrl: string
    title: string
    severity: string
    needsReview: boolean
  }>
}

export type ManualAnswerStatus = 'pass' | 'fail' | 'not-applicable'

export interface ManualChecklistItem {
  checkId: string
  criterion: string
  title: string
  prompt: string
  refs: { wcag: string[]; gbt37668: string[]; ageing: string[] }
  status: ManualAnswerStatus | null
  note: string | null
  updatedAt: string | null
}

export const startBatchSchema = z.object({
  portalIds: z.array(idSchema).min(1, '请至少选择一个网站').max(500, '一次最多检测 500 个网站'),
  maxPages: z.number().int().min(1, '须在 1 到 10000 之间').max(10000, '须在 1 到 10000 之间').optional(),
  concurrency: z.number().int().min(1, '须在 1 到 8 之间').max(8, '须在 1 到 8 之间').optional(),
})
export const batchIdSchema = z.object({ batchId: idSchema })
export const runIdSchema = z.object({ runId: idSchema })
export const runsListSchema = z.object({ portalId: idSchema.optional() }).default({})
export const compareSchema = z.object({ runId: idSchema, previousRunId: idSchema.optional() })
export const manualChecklistSchema = z.object({ portalId: idSchema })
export const manualAnswerSchema = z.object({
  portalId: idSchema,
  runId: idSchema.nullish().transform((v) => v ?? null),
  checkId: z.string().min(1).max(100),
  status: z.enum(['pass', 'fail', 'not-applicable'], { error: '请选择 通过 / 不通过 / 不适用' }),
  note: optionalText(1000),
})
export const screenshotSchema = z.object({
  runId: idSchema,
  file: z.string().regex(/^[\w.-]{1,200}\.png$/, '截图文件名无效'),
})
