import { z } from './zod-setup'
import { idSchema } from './common'
import { isoDay } from './iso-day'

/**
 * Exchange packages: how field laptops and the coordinator's installation bring their work together. One service
 * (electron/core/exchange/) serves every door. A package is a zip:
 *
 *   manifest.json              format, schema version, device, inspector, time, SHA-256 and size of every other
 *                              file, and (optionally) an HMAC-SHA256 signature with the team key over all of that
 *   records/<table>.json       the records of one table, references written as global ids, never local numbers
 *   photos/<sha256>.<ext>      site photos, named by their hash
 *   screenshots/<run>/<file>   element screenshots of a web-audit run, under the run's global id
 *
 * Import is all-or-nothing (one transaction), idempotent, and never overwrites silently: a record changed on both
 * installations since they last exchanged it is kept as it is here and listed as a conflict for a person to decide.
 */

export const exchangeFormat = 'access-audit-exchange'
export const exchangeFormatVersion = 1

/** The largest package accepted (photos are most of it; split the work with --since when it grows past this). */
export const maxPackageBytes = 200 * 1024 * 1024
const maxPackageBase64 = Math.ceil(maxPackageBytes / 3) * 4

export const exchangeFieldLabels: Record<string, string> = {
  since: '起始日期',
  fileName: '文件名',
  dataBase64: '数据包内容',
  conflictId: '冲突编号',
  keep: '保留哪一方',
  teamKey: '团队密钥',
}

export const exchangeExportSchema = z
  .object({
    /** Only records made or changed on or after this day (with the records they refer to). */
    since: isoDay.optional(),
  })
  .default({})

export type ExchangeExportInput = z.input<typeof exchangeExportSchema>

export const exchangeImportSchema = z.object({
  fileName: z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(255, '文件名过长'),
  dataBase64: z
    .string({ error: '缺少数据包内容' })
    .min(1, '数据包为空')
    .max(maxPackageBase64, `数据包过大（上限 ${maxPackageBytes / 1024 / 1024} MB），请用“起始日期”分批导出`),
})

export type ExchangeImportInput = z.input<typeof exchangeImportSchema>

export const conflictChoices = ['local', 'incoming'] as const
export type ConflictChoice = (typeof conflictChoices)[number]

export const conflictChoiceLabels: Record<ConflictChoice, string> = {
  local: '保留本机的版本',
  incoming: '采用数据包中的版本',
}

export const exchangeResolveSchema = z.object({
  conflictId: idSchema,
  keep: z.enum(conflictChoices, { error: '请选择保留本机的版本（local）或采用数据包中的版本（incoming）' }),
})

export const conflictListSchema = z.object({ includeResolved: z.boolean().optional() }).default({})

/** The shared team key: at least 12 characters, so it cannot be guessed; null removes it. */
export const minTeamKeyLength = 12
export const teamKeySaveSchema = z.object({
  teamKey: z
    .string({ error: '请填写团队密钥' })
    .trim()
    .min(minTeamKeyLength, `团队密钥至少 ${minTeamKeyLength} 个字符，全队使用同一个`)
    .max(200, '团队密钥过长（最多 200 个字符）')
    .nullable(),
})

export interface TeamKeyStatus {
  set: boolean
  /** 8 hex digits derived from the key, so two installations can compare keys without showing them. */
  fingerprint: string | null
}

/** What a package says about itself (read from its manifest). */
export interface PackageOrigin {
  packageId: string
  deviceId: string
  inspector: string | null
  role: string
  createdAt: string
  schemaVersion: number
  since: string | null
}

/**
 * verified: signed with the team key set here; unsigned: no signature and no key here;
 * not-checked: signed, but no team key is set here to check it with.
 */
export type SignatureState = 'verified' | 'unsigned' | 'not-checked'

export const signatureStateLabels: Record<SignatureState, string> = {
  verified: '团队签名已验证',
  unsigned: '未签名（本机未设置团队密钥）',
  'not-checked': '已签名，但本机未设置团队密钥，无法验证来源',
}

export type ExchangeOutcome = 'new' | 'updated' | 'unchanged' | 'conflict'

export const exchangeOutcomeLabels: Record<ExchangeOutcome, string> = {
  new: '新增',
  updated: '更新',
  unchanged: '无变化',
  conflict: '冲突',
}

export interface ExchangeTableCount {
  table: string
  label: string
  new: number
  updated: number
  unchanged: number
  conflict: number
}

export interface ExchangeImportReport {
  origin: PackageOrigin
  signature: SignatureState
  /** This package was imported here before (the records were compared again all the same). */
  seenBefore: boolean
  totals: Record<ExchangeOutcome, number>
  tables: ExchangeTableCount[]
  /** Photo and screenshot files: written now, already here, and not written (importing again writes them). */
  files: { written: number; present: number; failed: number }
  /** The conflicts this import found (open ones; an earlier import's conflicts stay in the list). */
  conflicts: ConflictView[]
}

export interface ExchangeExportSummary {
  packageId: string
  records: number
  files: number
  signed: boolean
}

export interface ConflictField {
  column: string
  label: string
  local: string
  incoming: string
}

export interface ConflictView {
  id: number
  table: string
  tableLabel: string
  /** What the record is, in words: “场所：区图书馆”. */
  recordLabel: string
  globalId: string
  fields: ConflictField[]
  local: { by: string | null; device: string | null }
  incoming: { by: string | null; device: string | null }
  detectedAt: string
  /** superseded: a newer version of the same record arrived, in conflict again (listed on its own). */
  state: 'open' | 'kept-local' | 'took-incoming' | 'superseded'
  resolvedAt: string | null
  resolvedBy: string | null
}

/** The zh-CN name of each table that travels, as a package report lists them. */
export const exchangeTableLabels: Record<string, string> = {
  units: '责任单位',
  places: '场所',
  portals: '网站',
  plan_periods: '规划期',
  plan_indicators: '规划指标',
  indicator_entries: '指标填报',
  photos: '照片',
  inspections: '现场检查',
  inspection_elements: '检查的设施',
  check_values: '检查项结果',
  element_values: '设施测量值',
  element_photos: '设施照片',
  audit_runs: '网站检测',
  audit_pages: '检测的网页',
  audit_documents: '检测的文件',
  manual_check_answers: '人工检查结果',
  findings: '问题',
  notices: '整改通知书',
  rectification_items: '整改项',
  rectification_item_findings: '整改项关联的问题',
  rectification_events: '整改记录',
  verification_proposals: '核验建议',
}
