import { isoDay } from './iso-day'
import { z } from './zod-setup'
import { idSchema, nameText, optionalText, requiredText } from './common'
import type { Severity } from '../catalog/types'
import type { FindingSource } from './inspections'
import type { PlanRef } from './plan-periods'

/**
 * Rectification (整改): items made from findings of either source, notices (整改通知书) that send them to the
 * responsible unit, and the tracking of each item until a re-inspection or re-audit proves the fix.
 */

export const itemStatuses = [
  'open',
  'notified',
  'claimed',
  'verified',
  'reopened',
  'dropped',
  'merged',
] as const
export type ItemStatus = (typeof itemStatuses)[number]

export const itemStatusLabels: Record<ItemStatus, string> = {
  open: '待通知',
  notified: '已通知',
  claimed: '已报整改',
  verified: '已核验',
  reopened: '重新整改',
  dropped: '已撤销',
  merged: '已合并',
}

/**
 * Statuses that end an item: it is never changed again (a problem found again becomes a new item), except that a
 * verification made by mistake can be undone (`unverify`, with a reason, back to 已报整改).
 */
export const terminalStatuses: readonly ItemStatus[] = ['verified', 'dropped', 'merged']

/** Statuses in which the unit still owes a fix (and the item can be overdue). */
export const awaitingFixStatuses: readonly ItemStatus[] = ['open', 'notified', 'reopened']

export const priorities = ['high', 'normal', 'low'] as const
export type Priority = (typeof priorities)[number]
export const priorityLabels: Record<Priority, string> = { high: '高', normal: '中', low: '低' }

/**
 * What an inspector (or a notice) can do to an item. `notify` happens only by issuing a notice; `verify` can
 * follow a claim or come straight from a re-inspection/re-audit proposal.
 */
export type ItemAction = 'notify' | 'claim' | 'verify' | 'reopen' | 'drop' | 'merge' | 'unverify'

const allowedTransitions: Record<ItemAction, { from: readonly ItemStatus[]; to: ItemStatus }> = {
  notify: { from: ['open', 'reopened'], to: 'notified' },
  claim: { from: ['notified', 'reopened'], to: 'claimed' },
  verify: { from: ['notified', 'claimed', 'reopened'], to: 'verified' },
  reopen: { from: ['claimed'], to: 'reopened' },
  drop: { from: ['open', 'notified', 'claimed', 'reopened'], to: 'dropped' },
  merge: { from: ['open', 'notified', 'reopened'], to: 'merged' },
  // The one way out of 已核验: a verification made by mistake goes back to 已报整改 (awaiting verification again).
  unverify: { from: ['verified'], to: 'claimed' },
}

export const itemActionLabels: Record<ItemAction, string> = {
  notify: '发出通知',
  claim: '登记整改回复',
  verify: '核验通过',
  reopen: '退回重新整改',
  drop: '撤销（误报）',
  merge: '合并重复项',
  unverify: '撤销核验',
}

/** The status after `action`, or null when the action is not allowed from `from` (the service refuses it). */
export function nextStatus(from: ItemStatus, action: ItemAction): ItemStatus | null {
  const rule = allowedTransitions[action]
  return rule.from.includes(from) ? rule.to : null
}

/** The zh-CN refusal for an illegal transition, naming both the status and the action. */
export function transitionRefusal(from: ItemStatus, action: ItemAction): string {
  return `整改项当前状态为“${itemStatusLabels[from]}”，不能${itemActionLabels[action]}`
}

/** Overdue: the unit still owes the fix and the deadline (a calendar day, inclusive) has passed. */
export function isOverdue(status: ItemStatus, deadline: string | null, today: string): boolean {
  return deadline !== null && awaitingFixStatuses.includes(status) && deadline < today
}

/** Whole days from one ISO date (or timestamp) to another; used for "days to fix". */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(from.length === 10 ? `${from}T00:00:00Z` : from)
  const b = Date.parse(to.length === 10 ? `${to}T00:00:00Z` : to)
  return Math.round((b - a) / 86_400_000)
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((x, y) => x - y)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

// ---------- notice numbering ----------

/**
 * Placeholders of the number template: {year} and {n} (the sequence number within the year). GB/T 9704-2012
 * 7.2.4: 发文字号 = 机关代字 + 年份 in 〔〕 + 序号 + 号, the sequence number without 第 and without leading zeros.
 */
export const defaultNumberTemplate = '乌残无障碍整改〔{year}〕{n}号'

/**
 * The default of releases before the template followed GB/T 9704 (it read 第{n}号). Settings saved with it
 * unchanged take the current default; numbers already issued keep the text they were issued with.
 */
export const legacyDefaultNumberTemplate = '乌残无障碍整改〔{year}〕第{n}号'

export function formatNoticeNumber(template: string, year: number, seq: number): string {
  return template.replaceAll('{year}', String(year)).replaceAll('{n}', String(seq))
}

const templateMessage = '文号格式须包含序号占位符 {n}，例如 〔{year}〕{n}号'

/** As stored by an earlier release: loads even with 第{n} (the form then asks for the GB/T 9704 number). */
const storedNumberTemplateSchema = requiredText(60, '请填写文号格式').refine((v) => v.includes('{n}'), {
  message: templateMessage,
})

const numberTemplateSchema = nameText(60, '请填写文号格式')
  .refine((v) => v.includes('{n}'), { message: templateMessage })
  .refine((v) => !v.includes('第{n}'), {
    message: '按 GB/T 9704《党政机关公文格式》，发文顺序号前不加“第”字，请写成 〔{year}〕{n}号',
  })

// ---------- settings ----------

export interface RectificationSettings {
  issuer: string
  numberTemplate: string
  defaultDeadlineDays: number
  replyInstructions: string
  contact: string | null
  /** 版记 (GB/T 9704 7.4) at the foot of the notice's last page: 抄送, 印发机关 and 印发日期. */
  colophon: boolean
  /** 抄送机关, e.g. "区住房和城乡建设局，区残疾人联合会"; null: no 抄送 line. */
  copyTo: string | null
  /** 印发机关; null: the issuer. */
  printer: string | null
}

export const defaultIssuer = '乌达区残疾人联合会无障碍体验促进队'

export const defaultReplyInstructions =
  '请你单位在整改期限内完成整改，并将整改情况书面回复（附整改后照片或网页截图），报送本单位。逾期未整改的，将报区无障碍环境建设工作牵头部门督办。'

export const defaultRectificationSettings: RectificationSettings = {
  issuer: defaultIssuer,
  numberTemplate: defaultNumberTemplate,
  defaultDeadlineDays: 30,
  replyInstructions: defaultReplyInstructions,
  contact: null,
  colophon: true,
  copyTo: null,
  printer: null,
}

const settingsFields = {
  defaultDeadlineDays: z
    .number({ error: '请填写默认整改期限' })
    .int('须为整数')
    .min(1, '至少 1 天')
    .max(365, '不能超过 365 天'),
  replyInstructions: requiredText(1000, '请填写回复要求'),
  contact: optionalText(200),
  colophon: z.boolean().default(true),
  copyTo: optionalText(300),
  printer: optionalText(80),
}

export const settingsUpdateSchema = z.object({
  ...settingsFields,
  issuer: nameText(80, '请填写发文单位'),
  numberTemplate: numberTemplateSchema,
})

/**
 * Settings as stored: saved by an earlier release (no 版记 fields yet, a template with 第{n}), they still load —
 * the form then asks for the GB/T 9704 number before it saves again.
 */
export const storedSettingsSchema = z.object({
  ...settingsFields,
  issuer: requiredText(80, '请填写发文单位'),
  numberTemplate: storedNumberTemplateSchema,
})

// ---------- items ----------

export interface ClauseRef {
  code: string
  clause: string
  /** 款 within the clause (e.g. '2'), when the finding names the one that decided it. */
  item?: string
  /** The figure the outcome was judged against, as printed ('通行净宽 ≥ 1.20 m'); several joined by '；'. */
  figure?: string
  mandatory: boolean
}

/** A photo (site) or element screenshot (web) shown as evidence; `missing` when the file is gone. */
export interface EvidenceRef {
  kind: 'photo' | 'screenshot'
  /** Photo: the content hash; screenshot: path relative to the screenshot root. */
  ref: string
  /** Screenshot: the page it was taken on. */
  pageUrl?: string
}

export interface ItemElement {
  /** Web: page URL, selector and the (hostile, always escaped) HTML snippet. Site: element label. */
  pageUrl?: string
  selector?: string
  html?: string
  label?: string
}

export interface ItemReply {
  text: string
  repliedOn: string
  photos: string[]
}

export interface VerificationProposal {
  id: number
  source: FindingSource
  /** The inspection (site) or audit run (web) that no longer reproduces the problem. */
  inspectionId: number | null
  auditRunId: number | null
  explanation: string
  proposedAt: string
}

/**
 * An item as the 整改项 list shows it and its bulk actions need it. What was found, what to do, the elements, the
 * evidence and the reply come with the whole item (`rectification:get`): a portal's rule audited monthly for years
 * links thousands of findings, far too much to send for every row of a list.
 */
export interface RectificationItemSummary {
  id: number
  source: FindingSource
  unitId: number | null
  unitName: string | null
  placeId: number | null
  placeName: string | null
  portalId: number | null
  portalName: string | null
  /** Where: the place's element (e.g. 北入口坡道) or the portal's page(s). */
  location: string
  title: string
  /** The zh-CN label of `categoryId` (for display). */
  category: string
  /** The stored category id (shared/domain/rectification-categories.ts); the reports group by it. */
  categoryId: string
  severity: Severity
  clauses: ClauseRef[]
  /** Failing elements the item still asks to fix (web); see `elements` on the whole item. */
  elementCount: number
  /** Findings linked to the item: every inspection or run that found it, and those of merged duplicates. */
  findingCount: number
  status: ItemStatus
  priority: Priority
  deadline: string | null
  overdue: boolean
  dropReason: string | null
  mergedIntoId: number | null
  noticeId: number | null
  noticeNumber: string | null
  proposal: VerificationProposal | null
  firstFoundAt: string
  notifiedAt: string | null
  verifiedAt: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export interface RectificationItem extends RectificationItemSummary {
  /** What was found: measured against required (site) or the rule's description (web). */
  found: string
  /** What to do: the requirement to meet / the rule's fix advice. */
  remedy: string
  /** The first few of the `elementCount` elements. */
  elements: ItemElement[]
  evidence: EvidenceRef[]
  reply: ItemReply | null
  /** The linked findings' ids, oldest first (`findingCount` of them). */
  findingIds: number[]
  /** Web: the rules whose findings the item holds (overlapping rules of one defect are merged into one item). */
  ruleIds: string[]
}

export interface ItemEvent {
  id: number
  itemId: number
  /** `note`: a fact the sync recorded (found again, an inspection corrected); `withdraw`: a proposal withdrawn. */
  action: ItemAction | 'create' | 'edit' | 'propose' | 'withdraw' | 'note'
  fromStatus: ItemStatus | null
  toStatus: ItemStatus | null
  note: string | null
  at: string
  /** Who recorded it (inspector profile) and on which device; null for entries made before 0010-global-identity. */
  by: string | null
  device: string | null
}

export const rectificationFieldLabels: Record<string, string> = {
  id: '整改项编号',
  ids: '整改项',
  itemIds: '整改项',
  targetId: '合并到',
  unitId: '责任单位',
  placeId: '场所',
  portalId: '网站',
  status: '状态',
  priority: '优先级',
  deadline: '整改期限',
  reason: '原因',
  note: '说明',
  text: '整改回复',
  repliedOn: '回复日期',
  photos: '整改照片',
  fileName: '文件名',
  dataBase64: '照片内容',
  version: '版本',
  issuedOn: '通知日期',
  replyInstructions: '回复要求',
  contact: '联系方式',
  issuer: '发文单位',
  numberTemplate: '文号格式',
  defaultDeadlineDays: '默认整改期限（天）',
  colophon: '版记',
  copyTo: '抄送机关',
  printer: '印发机关',
  noticeId: '通知书',
  format: '导出格式',
  from: '开始日期',
  to: '结束日期',
  indicatorId: '指标',
  year: '年度',
  value: '数值',
  proposalId: '核验建议',
  accept: '是否确认',
  search: '搜索词',
}

export { isoDay } from './iso-day'

export const itemListSchema = z
  .object({
    unitId: idSchema.optional(),
    placeId: idSchema.optional(),
    portalId: idSchema.optional(),
    noticeId: idSchema.optional(),
    // 'proposed': items with a pending verification proposal (a re-inspection or re-audit found the fix).
    status: z.enum([...itemStatuses, 'overdue', 'active', 'all', 'proposed']).default('active'),
    source: z.enum(['site', 'web']).optional(),
    search: optionalText(100),
  })
  .prefault({})

export const itemUpdateSchema = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  priority: z.enum(priorities).optional(),
  deadline: isoDay.nullable().optional(),
})

export const itemDropSchema = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  reason: requiredText(500, '请填写撤销原因（例如：误报、重复、不属于本单位）'),
})

export const itemMergeSchema = z.object({
  targetId: idSchema,
  ids: z.array(idSchema).min(1, '请选择要合并的重复项').max(200),
})

export const itemClaimSchema = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  text: requiredText(2000, '请填写责任单位的整改回复'),
  repliedOn: isoDay,
  photos: z
    .array(z.string().regex(/^[0-9a-f]{64}$/, '照片编号无效'))
    .max(20)
    .default([]),
})

/** A photo of the unit's reply (evidence of the fix), stored before the claim that lists its hash. */
export const replyPhotoUploadSchema = z.object({
  fileName: z.string().trim().min(1, '缺少文件名').max(255, '文件名过长'),
  dataBase64: z.string().min(1, '照片内容为空').max(40_000_000, '照片过大'),
})

export const itemVerifySchema = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  note: optionalText(500),
})

export const itemReopenSchema = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  reason: requiredText(500, '请填写退回原因'),
  /** A new deadline for the second attempt; without one the old deadline stays (and may already be past). */
  deadline: isoDay.optional(),
})

/** Undoes a verification (by hand or from a proposal) made by mistake: back to 已报整改, the reason kept. */
export const itemUnverifySchema = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  reason: requiredText(500, '请填写撤销核验的原因'),
})

export const proposalDecideSchema = z.object({
  proposalId: idSchema,
  accept: z.boolean({ error: '请选择确认或驳回' }),
  note: optionalText(500),
})

// ---------- notices ----------

export const noticeDraftSchema = z
  .object({
    unitId: idSchema,
    itemIds: z.array(idSchema).min(1, '整改通知书至少要包含一个整改项').max(500, '一份通知书最多 500 项'),
    issuedOn: isoDay,
    deadline: isoDay,
    replyInstructions: optionalText(1000),
    contact: optionalText(200),
  })
  .refine((v) => v.deadline >= v.issuedOn, { path: ['deadline'], message: '整改期限不能早于通知日期' })

export interface NoticeSummary {
  id: number
  number: string
  year: number
  seq: number
  unitId: number
  unitName: string
  issuer: string
  issuedOn: string
  deadline: string
  itemCount: number
  /** Items of the notice by tracking status, for the list. */
  statusCounts: Partial<Record<ItemStatus, number>>
  overdueCount: number
  createdAt: string
}

export const exportFormats = ['pdf', 'docx', 'xlsx'] as const
export type ExportFormat = (typeof exportFormats)[number]

export const noticeExportSchema = z.object({ id: idSchema, format: z.enum(exportFormats) })

/** A generated file, carried over every door as base64 (IPC, HTTP, CLI). */
export interface ExportedFile {
  fileName: string
  mimeType: string
  base64: string
  byteLength: number
}

// ---------- reports and indicators ----------

export const reportQuerySchema = z
  .object({ from: isoDay, to: isoDay, unitId: idSchema.optional() })
  .refine((v) => v.to >= v.from, { path: ['to'], message: '结束日期不能早于开始日期' })

export const reportExportSchema = z
  .object({ from: isoDay, to: isoDay, unitId: idSchema.optional(), format: z.enum(['pdf', 'xlsx']) })
  .refine((v) => v.to >= v.from, { path: ['to'], message: '结束日期不能早于开始日期' })

export interface ReportCounts {
  found: number
  notified: number
  claimed: number
  verified: number
  overdue: number
  dropped: number
  medianDaysToFix: number | null
}

export interface ReportRow extends ReportCounts {
  key: string
  label: string
}

export interface PortalScorePoint {
  runId: number
  date: string
  score: number | null
}

export interface IndicatorView {
  /** The plan period the indicator is reported for (its target is that plan's; its years are summed within it). */
  plan: PlanRef
  /** The plan is not published yet, so it has no target: shown as 待发布, never as "no target". */
  targetPending: boolean
  /** Where the plan states the indicator (专栏1第11项（约束性）), when known. */
  basis: string | null
  id: string
  title: string
  unit: string
  /** e.g. '≥362' from the district plan; null when the team tracks without a target. */
  target: string | null
  targetValue: number | null
  value: number
  /** The whole a derived count is part of (e.g. 3 of `outOf` 5 places); null when it is not a share. */
  outOf: number | null
  /** zh-CN: what is counted and how, shown beside the figure so nobody misreads it. */
  definition: string
  /** 'manual' figures are recorded by the team; 'derived' ones are counted from the app's own data. */
  kind: 'manual' | 'derived'
  entries: Array<{ year: number; value: number; note: string | null }>
  met: boolean | null
}

export interface ReportSummary {
  from: string
  to: string
  unitId: number | null
  /** The day overdue items and indicators are evaluated at: the period end, or today if the period runs on. */
  asOf: string
  totals: ReportCounts
  byUnit: ReportRow[]
  byCategory: ReportRow[]
  byClause: ReportRow[]
  byMonth: ReportRow[]
  portalScores: Array<{ portalId: number; portalName: string; points: PortalScorePoint[] }>
  indicators: IndicatorView[]
  /** The plan period the indicators are reported for (the one holding the 统计截至 day); null with no plan. */
  plan: PlanRef | null
}

export const indicatorRecordSchema = z.object({
  indicatorId: requiredText(40),
  year: z.number({ error: '请填写年度' }).int('须为整数').min(2000, '年度不正确').max(2100, '年度不正确'),
  value: z.number({ error: '请填写数值' }).int('须为整数').min(0, '不能为负数').max(1_000_000, '数值过大'),
  note: optionalText(500),
})
