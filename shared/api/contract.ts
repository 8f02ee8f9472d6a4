import { z } from '../domain/zod-setup'
import { idSchema } from '../domain/common'
import {
  unitCreateSchema,
  unitFieldLabels,
  unitListSchema,
  unitUpdateSchema,
  type Unit,
} from '../domain/units'
import {
  placeCreateSchema,
  placeFieldLabels,
  placeListSchema,
  placeUpdateSchema,
  type Place,
} from '../domain/places'
import {
  checkSaveSchema,
  copyPreviousSchema,
  elementAddSchema,
  elementRemoveSchema,
  elementUpdateSchema,
  findingListSchema,
  inspectionCreateSchema,
  inspectionFieldLabels,
  inspectionListSchema,
  inspectionUpdateSchema,
  inspectionVersionedSchema,
  measurementsSaveSchema,
  photoAttachSchema,
  photoDetachSchema,
  photoGetSchema,
  photoUpdateSchema,
  type Finding,
  type Inspection,
  type InspectionComparison,
  type InspectionSummary,
  type PhotoData,
} from '../domain/inspections'
import type { InspectionGaps } from '../domain/inspection-gaps'
import {
  portalCreateSchema,
  portalFieldLabels,
  portalImportSchema,
  portalListSchema,
  portalUpdateSchema,
  type Portal,
  type PortalImportReport,
} from '../domain/portals'
import {
  auditFieldLabels,
  batchIdSchema,
  compareSchema,
  manualAnswerSchema,
  manualChecklistSchema,
  runIdSchema,
  runsListSchema,
  screenshotSchema,
  startBatchSchema,
  type AuditBatchView,
  type AuditComparisonView,
  type AuditRunDetail,
  type AuditRunView,
  type ManualChecklistItem,
} from '../domain/audits'
import {
  indicatorRecordSchema,
  itemClaimSchema,
  itemDropSchema,
  itemListSchema,
  itemMergeSchema,
  itemReopenSchema,
  itemUpdateSchema,
  itemVerifySchema,
  noticeDraftSchema,
  noticeExportSchema,
  proposalDecideSchema,
  rectificationFieldLabels,
  replyPhotoUploadSchema,
  reportExportSchema,
  reportQuerySchema,
  settingsUpdateSchema,
  type ExportedFile,
  type IndicatorView,
  type ItemEvent,
  type NoticeSummary,
  type RectificationItem,
  type RectificationItemSummary,
  type RectificationSettings,
  type ReportSummary,
} from '../domain/rectification'
import type { NoticeDocument } from '../domain/notice-document'
import { farmFieldLabels, farmSettingsSchema, type FarmSettings } from '../web/browser-farm'
import { itemUnverifySchema } from '../domain/rectification'
import {
  conflictListSchema,
  exchangeExportSchema,
  exchangeFieldLabels,
  exchangeImportSchema,
  exchangeResolveSchema,
  teamKeySaveSchema,
  type ConflictView,
  type ExchangeExportSummary,
  type ExchangeImportReport,
  type TeamKeyStatus,
} from '../domain/exchange'
import {
  bulkClaimSchema,
  bulkDecideSchema,
  bulkFieldLabels,
  bulkUpdateSchema,
  type BulkResult,
} from '../domain/rectification-bulk'
import type { TodaySummary } from '../domain/today'
import { planFieldLabels, planSaveSchema, type PlanPeriod } from '../domain/plan-periods'
import {
  registryImportFieldLabels,
  registryImportSchema,
  type RegistryImportPreview,
  type RegistryImportResult,
} from '../domain/registry-import'
import { teamFieldLabels, teamProfileSaveSchema, type Installation } from '../domain/team'
import type { ErrorCode } from './errors'

/**
 * An operation: input schema (validated at every door), output type (phantom, for the typed client),
 * the error codes it may answer besides VALIDATION/INTERNAL, and the zh-CN labels used in field messages.
 */
export interface Operation<I extends z.ZodType, O> {
  readonly input: I
  readonly errors: readonly ErrorCode[]
  readonly labels: Record<string, string>
  readonly summary: string
  /** Never set at runtime: carries the output type for the client. */
  readonly __output?: O
}

function op<O>() {
  return <I extends z.ZodType>(spec: Omit<Operation<I, O>, '__output'>): Operation<I, O> => spec
}

export interface AppInfo {
  version: string
  schemaVersion: number
  dataDir: string
  door: 'ipc' | 'http' | 'cli'
}

const byId = z.object({ id: idSchema })
const archiveInput = z.object({ id: idSchema, archived: z.boolean({ error: '请指明是否归档' }) })

/** The one API contract: channel names are `domain:action`. Preload, main, HTTP door, CLI and renderer derive from it. */
export const contract = {
  'app:info': op<AppInfo>()({
    input: z.object({}).default({}),
    errors: [],
    labels: {},
    summary: '应用与数据信息',
  }),

  'units:list': op<Unit[]>()({
    input: unitListSchema,
    errors: [],
    labels: unitFieldLabels,
    summary: '列出责任单位',
  }),
  'units:get': op<Unit>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: unitFieldLabels,
    summary: '读取责任单位',
  }),
  'units:create': op<Unit>()({
    input: unitCreateSchema,
    errors: ['DUPLICATE'],
    labels: unitFieldLabels,
    summary: '新建责任单位',
  }),
  'units:update': op<Unit>()({
    input: unitUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'DUPLICATE'],
    labels: unitFieldLabels,
    summary: '修改责任单位',
  }),
  'units:setArchived': op<Unit>()({
    input: archiveInput,
    errors: ['NOT_FOUND'],
    labels: unitFieldLabels,
    summary: '归档或恢复责任单位',
  }),

  'places:list': op<Place[]>()({
    input: placeListSchema,
    errors: [],
    labels: placeFieldLabels,
    summary: '列出场所',
  }),
  'places:get': op<Place>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: placeFieldLabels,
    summary: '读取场所',
  }),
  'places:create': op<Place>()({
    input: placeCreateSchema,
    errors: ['NOT_FOUND'],
    labels: placeFieldLabels,
    summary: '新建场所',
  }),
  'places:update': op<Place>()({
    input: placeUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: placeFieldLabels,
    summary: '修改场所',
  }),
  'places:setArchived': op<Place>()({
    input: archiveInput,
    errors: ['NOT_FOUND'],
    labels: placeFieldLabels,
    summary: '归档或恢复场所',
  }),

  'portals:list': op<Portal[]>()({
    input: portalListSchema,
    errors: [],
    labels: portalFieldLabels,
    summary: '列出网站',
  }),
  'portals:get': op<Portal>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: portalFieldLabels,
    summary: '读取网站',
  }),
  'portals:create': op<Portal>()({
    input: portalCreateSchema,
    errors: ['NOT_FOUND', 'DUPLICATE'],
    labels: portalFieldLabels,
    summary: '登记网站',
  }),
  'portals:update': op<Portal>()({
    input: portalUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'DUPLICATE'],
    labels: portalFieldLabels,
    summary: '修改网站',
  }),
  'portals:setArchived': op<Portal>()({
    input: archiveInput,
    errors: ['NOT_FOUND'],
    labels: portalFieldLabels,
    summary: '归档或恢复网站',
  }),
  'portals:import': op<PortalImportReport>()({
    input: portalImportSchema,
    errors: [],
    labels: portalFieldLabels,
    summary: '从文本或 CSV 清单导入网站（名称、网址、责任单位）',
  }),
  'registry:importPreview': op<RegistryImportPreview>()({
    input: registryImportSchema,
    errors: [],
    labels: registryImportFieldLabels,
    summary: '预览从 Excel（.xlsx）或 CSV 文件批量导入场所或网站：逐行列出新增、已登记和有错误的行，不写入',
  }),
  'registry:importCommit': op<RegistryImportResult>()({
    input: registryImportSchema,
    errors: [],
    labels: registryImportFieldLabels,
    summary: '确认批量导入：重新读取并校验文件，在一个事务中写入全部新增的场所或网站',
  }),

  'audits:start': op<AuditBatchView>()({
    input: startBatchSchema,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
    labels: auditFieldLabels,
    summary: '开始批量检测所选网站（后台运行）',
  }),
  'audits:batch': op<AuditBatchView>()({
    input: batchIdSchema,
    errors: ['NOT_FOUND'],
    labels: auditFieldLabels,
    summary: '批次进度：已完成、失败、剩余页面和预计剩余时间',
  }),
  'audits:batches': op<AuditBatchView[]>()({
    input: z.object({}).default({}),
    errors: [],
    labels: auditFieldLabels,
    summary: '最近的检测批次（含可继续的批次）',
  }),
  'audits:cancel': op<AuditBatchView>()({
    input: batchIdSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: auditFieldLabels,
    summary: '取消正在运行的批次（可继续）',
  }),
  'audits:resume': op<AuditBatchView>()({
    input: batchIdSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: auditFieldLabels,
    summary: '继续被中断或取消的批次，已检测的页面不再重复',
  }),
  'audits:runs': op<AuditRunView[]>()({
    input: runsListSchema,
    errors: [],
    labels: auditFieldLabels,
    summary: '网站的历次检测记录',
  }),
  'audits:run': op<AuditRunDetail>()({
    input: runIdSchema,
    errors: ['NOT_FOUND'],
    labels: auditFieldLabels,
    summary: '一次检测的汇总与按规则的明细',
  }),
  'audits:compare': op<AuditComparisonView>()({
    input: compareSchema,
    errors: ['NOT_FOUND'],
    labels: auditFieldLabels,
    summary: '与上次检测对比：新增、仍存在、已修复',
  }),
  'audits:screenshot': op<{ dataUrl: string; missing: boolean }>()({
    input: screenshotSchema,
    errors: ['NOT_FOUND'],
    labels: auditFieldLabels,
    summary: '读取问题元素截图',
  }),
  'audits:manualChecklist': op<ManualChecklistItem[]>()({
    input: manualChecklistSchema,
    errors: ['NOT_FOUND'],
    labels: auditFieldLabels,
    summary: '网站的人工检查清单',
  }),
  'audits:answerManual': op<ManualChecklistItem[]>()({
    input: manualAnswerSchema,
    errors: ['NOT_FOUND'],
    labels: auditFieldLabels,
    summary: '记录人工检查结论（不通过即列为问题）',
  }),
  'audits:exportClauses': op<ExportedFile>()({
    input: runIdSchema,
    errors: ['NOT_FOUND', 'EXPORT_FAILED'],
    labels: auditFieldLabels,
    summary: '导出一次检测的结果（自动检测、文件检查与人工检查，按条款排序的 Excel）',
  }),
  'audits:farmSettings': op<FarmSettings>()({
    input: z.object({}).default({}),
    errors: [],
    labels: farmFieldLabels,
    summary: '浏览器集群：网站检测使用的远程浏览器及各自同时检测的页面数',
  }),
  'audits:saveFarmSettings': op<FarmSettings>()({
    input: farmSettingsSchema,
    errors: [],
    labels: farmFieldLabels,
    summary: '保存浏览器集群设置（空列表：在本机启动浏览器）',
  }),

  'inspections:list': op<InspectionSummary[]>()({
    input: inspectionListSchema,
    errors: [],
    labels: inspectionFieldLabels,
    summary: '列出现场检查',
  }),
  'inspections:get': op<Inspection>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: inspectionFieldLabels,
    summary: '读取现场检查',
  }),
  'inspections:create': op<Inspection>()({
    input: inspectionCreateSchema,
    errors: ['NOT_FOUND'],
    labels: inspectionFieldLabels,
    summary: '新建现场检查（若该场所已有检查，则作为复查并带出上次的设施）',
  }),
  'inspections:update': op<Inspection>()({
    input: inspectionUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '修改检查日期、人员和备注',
  }),
  'inspections:addElement': op<Inspection>()({
    input: elementAddSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '添加设施（如“北门坡道”）',
  }),
  'inspections:updateElement': op<Inspection>()({
    input: elementUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '修改设施名称和备注',
  }),
  'inspections:removeElement': op<Inspection>()({
    input: elementRemoveSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '删除设施',
  }),
  'inspections:saveCheck': op<Inspection>()({
    input: checkSaveSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '保存一个检查项的测量值（自动保存）',
  }),
  'inspections:attachPhoto': op<Inspection>()({
    input: photoAttachSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'IO_ERROR'],
    labels: inspectionFieldLabels,
    summary: '为设施添加照片',
  }),
  'inspections:detachPhoto': op<Inspection>()({
    input: photoDetachSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '移除设施的照片（原文件保留）',
  }),
  'inspections:submit': op<Inspection>()({
    input: inspectionVersionedSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '提交检查（之后只读，生成问题清单）',
  }),
  'inspections:revise': op<Inspection>()({
    input: z.object({ id: idSchema }),
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '更正已提交的检查：生成新的修订版',
  }),
  'inspections:compare': op<InspectionComparison>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: inspectionFieldLabels,
    summary: '与该场所上次检查对比：已整改、仍不合格、新发现',
  }),
  'inspections:saveMeasurements': op<Inspection>()({
    input: measurementsSaveSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '保存设施的共用测量值（一次填写，该设施各检查项共用）',
  }),
  'inspections:copyPrevious': op<Inspection>()({
    input: copyPreviousSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '复查时沿用上次的测量值（一个检查项或整个设施；只填入尚未填写的项）',
  }),
  'inspections:updatePhoto': op<Inspection>()({
    input: photoUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '修改照片说明及其关联的检查项',
  }),
  'inspections:gaps': op<InspectionGaps>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: inspectionFieldLabels,
    summary: '提交前核对：未填写的检查项、复查中未重新测量的检查项',
  }),
  'inspections:discard': op<{ id: number; placeName: string }>()({
    input: inspectionVersionedSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: inspectionFieldLabels,
    summary: '放弃填写中的检查（删除该草稿；照片文件、场所和其他检查不受影响）',
  }),
  'findings:list': op<Finding[]>()({
    input: findingListSchema,
    errors: [],
    labels: inspectionFieldLabels,
    summary: '列出问题（现场检查与网站检测）',
  }),
  'photos:get': op<PhotoData>()({
    input: photoGetSchema,
    errors: ['NOT_FOUND'],
    labels: inspectionFieldLabels,
    summary: '读取照片（缩略图或原图）',
  }),
  'rectification:sync': op<{ created: number; linked: number; proposals: number }>()({
    input: z.object({}).default({}),
    errors: [],
    labels: rectificationFieldLabels,
    summary: '由现场检查和网站检测的问题生成整改项，并提出复查核验建议',
  }),
  'rectification:list': op<RectificationItemSummary[]>()({
    input: itemListSchema,
    errors: [],
    labels: rectificationFieldLabels,
    summary: '整改项列表（按责任单位、场所或网站、状态筛选）',
  }),
  'rectification:get': op<RectificationItem & { events: ItemEvent[] }>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: rectificationFieldLabels,
    summary: '整改项详情与处理记录',
  }),
  'rectification:update': op<RectificationItem>()({
    input: itemUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE'],
    labels: rectificationFieldLabels,
    summary: '设置整改项的优先级和整改期限',
  }),
  'rectification:drop': op<RectificationItem>()({
    input: itemDropSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE'],
    labels: rectificationFieldLabels,
    summary: '撤销误报的整改项（须填写原因）',
  }),
  'rectification:merge': op<RectificationItem>()({
    input: itemMergeSchema,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
    labels: rectificationFieldLabels,
    summary: '把重复的整改项合并到一项',
  }),
  'rectification:claim': op<RectificationItem>()({
    input: itemClaimSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE'],
    labels: rectificationFieldLabels,
    summary: '登记责任单位的整改回复和佐证',
  }),
  'rectification:uploadPhoto': op<{ sha256: string }>()({
    input: replyPhotoUploadSchema,
    errors: ['IO_ERROR'],
    labels: rectificationFieldLabels,
    summary: '上传整改回复的佐证照片（得到照片编号，登记整改回复时引用）',
  }),
  'rectification:verify': op<RectificationItem>()({
    input: itemVerifySchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE'],
    labels: rectificationFieldLabels,
    summary: '核验整改已完成',
  }),
  'rectification:reopen': op<RectificationItem>()({
    input: itemReopenSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE'],
    labels: rectificationFieldLabels,
    summary: '整改未达要求，退回重新整改',
  }),
  'rectification:decideProposal': op<RectificationItem>()({
    input: proposalDecideSchema,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
    labels: rectificationFieldLabels,
    summary: '确认或驳回复查提出的核验建议',
  }),
  'rectification:settings': op<RectificationSettings>()({
    input: z.object({}).default({}),
    errors: [],
    labels: rectificationFieldLabels,
    summary: '整改通知书设置：发文单位、文号格式、默认期限',
  }),
  'rectification:saveSettings': op<RectificationSettings>()({
    input: settingsUpdateSchema,
    errors: [],
    labels: rectificationFieldLabels,
    summary: '保存整改通知书设置',
  }),

  'notices:preview': op<{ html: string; document: NoticeDocument }>()({
    input: noticeDraftSchema,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
    labels: rectificationFieldLabels,
    summary: '预览整改通知书（不编号、不保存）',
  }),
  'notices:issue': op<NoticeSummary>()({
    input: noticeDraftSchema,
    errors: ['NOT_FOUND', 'INVALID_STATE', 'NOT_COORDINATOR'],
    labels: rectificationFieldLabels,
    summary: '签发整改通知书：编文号、保存内容，所含整改项转为已通知',
  }),
  'notices:list': op<NoticeSummary[]>()({
    input: z.object({ unitId: idSchema.optional() }).default({}),
    errors: [],
    labels: rectificationFieldLabels,
    summary: '已签发的整改通知书',
  }),
  'notices:get': op<NoticeSummary & { document: NoticeDocument }>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: rectificationFieldLabels,
    summary: '整改通知书内容',
  }),
  'notices:html': op<{ html: string }>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: rectificationFieldLabels,
    summary: '整改通知书的打印版式（用于打印）',
  }),
  'notices:export': op<ExportedFile>()({
    input: noticeExportSchema,
    errors: ['NOT_FOUND', 'EXPORT_FAILED', 'BROWSER_UNAVAILABLE'],
    labels: rectificationFieldLabels,
    summary: '导出整改通知书：PDF、Word（.docx）或整改项 Excel 表',
  }),

  'reports:summary': op<ReportSummary>()({
    input: reportQuerySchema,
    errors: [],
    labels: rectificationFieldLabels,
    summary: '统计报表：按期间、单位、类别和条款统计整改情况',
  }),
  'reports:export': op<ExportedFile>()({
    input: reportExportSchema,
    errors: ['EXPORT_FAILED', 'BROWSER_UNAVAILABLE'],
    labels: rectificationFieldLabels,
    summary: '导出统计报表（PDF 或 Excel）',
  }),
  'indicators:record': op<IndicatorView[]>()({
    input: indicatorRecordSchema,
    errors: ['NOT_FOUND'],
    labels: rectificationFieldLabels,
    summary: '填报规划指标的年度完成数（如困难重度残疾人家庭无障碍改造户数）',
  }),

  'rectification:unverify': op<RectificationItem>()({
    input: itemUnverifySchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE'],
    labels: rectificationFieldLabels,
    summary: '撤销核验（误核验时退回“已报整改”，须填写原因）',
  }),
  'rectification:bulkClaim': op<BulkResult>()({
    input: bulkClaimSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE'],
    labels: bulkFieldLabels,
    summary: '把责任单位的一份整改回复登记到其多个整改项（全部成功或全部不保存）',
  }),
  'rectification:bulkDecide': op<BulkResult>()({
    input: bulkDecideSchema,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
    labels: bulkFieldLabels,
    summary: '批量确认或驳回核验建议（全部成功或全部不保存）',
  }),
  'rectification:bulkUpdate': op<BulkResult>()({
    input: bulkUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE'],
    labels: bulkFieldLabels,
    summary: '批量设置整改期限和优先级（全部成功或全部不保存）',
  }),
  'today:summary': op<TodaySummary>()({
    input: z.object({}).default({}),
    errors: [],
    labels: {},
    summary:
      '今日待办：逾期整改项、待确认的核验建议、即将到期和待核验的整改项、未完成的检查、需处理的检测批次',
  }),
  'plans:list': op<PlanPeriod[]>()({
    input: z.object({}).default({}),
    errors: [],
    labels: planFieldLabels,
    summary: '规划期（十四五、十五五……）及其指标和目标',
  }),
  'plans:save': op<PlanPeriod>()({
    input: planSaveSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: planFieldLabels,
    summary: '保存规划期：名称、起止年度、是否已发布，以及各项指标和目标（新规划发布后录入）',
  }),

  'team:profile': op<Installation>()({
    input: z.object({}).default({}),
    errors: [],
    labels: teamFieldLabels,
    summary: '本机的团队身份：检查员姓名、设备编号、团队角色（外业终端或协调员）',
  }),
  'team:saveProfile': op<Installation>()({
    input: teamProfileSaveSchema,
    errors: [],
    labels: teamFieldLabels,
    summary: '保存检查员姓名和/或团队角色（只有协调员签发编号的整改通知书）',
  }),
  'exchange:export': op<ExportedFile & { summary: ExchangeExportSummary }>()({
    input: exchangeExportSchema,
    errors: ['EXPORT_FAILED', 'INVALID_STATE'],
    labels: exchangeFieldLabels,
    summary: '导出交换数据包（.zip）：本机的记录、照片和截图，交给协调员或其他检查员导入',
  }),
  'exchange:import': op<ExchangeImportReport>()({
    input: exchangeImportSchema,
    errors: ['PACKAGE_REJECTED', 'INVALID_STATE'],
    labels: exchangeFieldLabels,
    summary:
      '导入交换数据包：全部导入或全部不导入，重复导入不改变任何记录，两边都改过的记录列为冲突待人工处理',
  }),
  'exchange:conflicts': op<ConflictView[]>()({
    input: conflictListSchema,
    errors: [],
    labels: exchangeFieldLabels,
    summary: '导入时发现的冲突：同一记录在两台电脑上都被修改，逐项对照两边的内容',
  }),
  'exchange:resolve': op<ConflictView>()({
    input: exchangeResolveSchema,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
    labels: exchangeFieldLabels,
    summary: '处理一条冲突：保留本机的版本，或采用数据包中的版本',
  }),
  'exchange:keyStatus': op<TeamKeyStatus>()({
    input: z.object({}).default({}),
    errors: [],
    labels: exchangeFieldLabels,
    summary: '团队密钥是否已设置（只显示指纹，不显示密钥）',
  }),
  'exchange:saveKey': op<TeamKeyStatus>()({
    input: teamKeySaveSchema,
    errors: [],
    labels: exchangeFieldLabels,
    summary: '设置或清除团队密钥：导出的数据包用它签名，导入时用它验证来源',
  }),
} as const

export type Contract = typeof contract
export type OperationName = keyof Contract
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>
export type OutputOf<N extends OperationName> = NonNullable<Contract[N]['__output']>

export const operationNames = Object.keys(contract) as OperationName[]

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** The renderer's (and any caller's) view of the API, whatever the transport. */
export interface ApiClient {
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
}

export { ipcChannelPrefix } from './ipc'
