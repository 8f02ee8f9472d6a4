import { isoDay } from './iso-day'
import { z } from './zod-setup'
import { idSchema, nameText, optionalText, refuseInvisible } from './common'
import { inputRecordSchema } from '../catalog/schemas'
import { categoryIds, type CategoryId } from '../catalog/categories'
import type { CheckResult, InputRecord, InputValue, Severity } from '../catalog/types'
import type { Authorship } from './team'

export type InspectionStatus = 'draft' | 'submitted'

export const inspectionStatusLabels: Record<InspectionStatus, string> = {
  draft: '填写中',
  submitted: '已提交',
}

export const inspectionFieldLabels: Record<string, string> = {
  id: '检查编号',
  placeId: '场所',
  inspectedOn: '检查日期',
  inspectors: '检查人员',
  notes: '备注',
  baseVersion: '版本',
  category: '设施类别',
  label: '设施名称',
  elementId: '设施',
  checkId: '检查项',
  inputs: '测量值',
  fileName: '文件名',
  dataBase64: '照片',
  caption: '说明',
  sha256: '照片',
  values: '共用测量值',
  carried: '沿用上次的值',
  itemId: '整改项',
}

/** A photo attached as evidence; `missing` when the file has gone from the data folder. */
export interface PhotoRef {
  sha256: string
  originalName: string
  caption: string | null
  takenAt: string | null
  latitude: number | null
  longitude: number | null
  width: number
  height: number
  missing: boolean
  /** The check this photo is evidence of; null = a photo of the whole facility. */
  checkId: string | null
}

export interface CheckEntry {
  checkId: string
  inputs: InputRecord
  /** Evaluated by the server with the inspection's catalog version; null before any input. */
  result: CheckResult | null
  /** A needs-review result becomes a finding only when the inspector confirms it. */
  confirmedFinding: boolean
  note: string | null
  /**
   * Input ids (own or shared) whose values a re-inspection copied from the last inspection (沿用上次) and that
   * were not measured again since.
   */
  carried: string[]
}

/** A shared measurement that checks saved before v7 recorded differently: the inspector types it once to settle it. */
export interface MeasurementConflict {
  inputId: string
  values: Array<{ checkId: string; value: InputValue }>
}

export interface InspectionElement {
  id: number
  category: CategoryId
  label: string
  notes: string | null
  position: number
  /** The same element in the previous inspection of the place (re-inspection). */
  previousElementId: number | null
  checks: Record<string, CheckEntry>
  photos: PhotoRef[]
  /** Measure once: the values several checks of this facility share (see sharedInputs), typed once. */
  measurements: InputRecord
  /** Shared values copied from the last inspection and not measured again since. */
  carriedMeasurements: string[]
  measurementConflicts: MeasurementConflict[]
}

export interface InspectionSummary {
  id: number
  placeId: number
  placeName: string
  unitName: string | null
  inspectedOn: string
  inspectors: string
  status: InspectionStatus
  catalogId: string
  catalogVersion: string
  revisionOf: number | null
  supersededBy: number | null
  previousInspectionId: number | null
  elementCount: number
  failCount: number
  /** Complete results that need an expert's judgement (not checks left blank: those are notEnteredCount). */
  reviewCount: number
  /** Checks of the inspection's facilities with nothing or not enough entered to judge (未填写). */
  notEnteredCount: number
  updatedAt: string
}

export interface Inspection extends InspectionSummary {
  /** The record's global id (UUIDv7), the same on every installation it travels to. */
  globalId: string
  /** Who made the record and who last changed it, and on which devices (null: before 0010-global-identity). */
  authorship: Authorship
  notes: string | null
  /** Bumped on every save; each save names the version it was based on (two windows never overwrite silently). */
  version: number
  submittedAt: string | null
  elements: InspectionElement[]
}

/** Re-inspection: one check of one element, previous beside current. */
export type ComparisonStatus = 'fixed' | 'still-failing' | 'new' | 'unchanged-pass' | 'not-rechecked'

export interface ComparisonRow {
  elementId: number | null
  previousElementId: number | null
  elementLabel: string
  category: CategoryId
  checkId: string
  previous: CheckEntry | null
  current: CheckEntry | null
  status: ComparisonStatus
}

export interface InspectionComparison {
  inspectionId: number
  previousInspectionId: number | null
  previousInspectedOn: string | null
  rows: ComparisonRow[]
}

export type FindingSource = 'site' | 'web'

/** One finding, whatever its source: rectification works on these. */
export interface Finding {
  id: number
  source: FindingSource
  severity: Severity
  needsReview: boolean
  title: string
  detail: string
  /** The deciding clauses; `item` (款) and `figure` are absent in findings written before catalog 2.0. */
  clauses: Array<{ code: string; clause: string; mandatory: boolean; item?: string; figure?: string }>
  evidence: {
    inputs?: InputRecord
    derived?: CheckResult['derived']
    photos?: string[]
    /** Site findings: each photo of `photos` with its caption and the check it is tied to (null = the facility). */
    photoDetails?: Array<{ sha256: string; caption: string | null; checkId: string | null }>
    selector?: string
    html?: string
    screenshot?: string
    pageUrl?: string
  }
  placeId: number | null
  placeName: string | null
  unitId: number | null
  unitName: string | null
  inspectionId: number | null
  elementId: number | null
  checkId: string | null
  /** Stable key that identifies the same problem across inspections or audit runs. */
  matchKey: string
  createdAt: string
}

const baseVersion = z.number({ error: '缺少版本号' }).int().nonnegative()

export const inspectionCreateSchema = z.object({
  placeId: idSchema,
  inspectedOn: isoDay,
  inspectors: nameText(200, '请填写检查人员'),
  notes: optionalText(2000),
})

export const inspectionUpdateSchema = inspectionCreateSchema
  .omit({ placeId: true })
  .extend({ id: idSchema, baseVersion })

export const inspectionListSchema = z
  .object({
    placeId: idSchema.optional(),
    status: z.enum(['draft', 'submitted']).optional(),
    search: z.string().trim().max(100).optional(),
  })
  .default({})

export const elementAddSchema = z.object({
  inspectionId: idSchema,
  baseVersion,
  category: z.enum(categoryIds, { error: '请选择设施类别' }),
  label: z
    .string({ error: '请填写设施名称' })
    .trim()
    .min(1, '请填写设施名称，如“北门坡道”')
    .max(60, '不能超过 60 个字符')
    .superRefine(refuseInvisible),
})

export const elementUpdateSchema = z.object({
  elementId: idSchema,
  baseVersion,
  label: z
    .string()
    .trim()
    .min(1, '请填写设施名称')
    .max(60, '不能超过 60 个字符')
    .superRefine(refuseInvisible),
  notes: optionalText(2000),
})

export const elementRemoveSchema = z.object({ elementId: idSchema, baseVersion })

const inputIds = z.array(z.string().min(1).max(100)).max(100)

/**
 * `inputs` may hold the check's shared measurements too (they are then saved once for the facility). `carried`:
 * the ids whose values are copies of the last inspection's (沿用上次); when left out, a value that is unchanged
 * keeps its mark and a changed one loses it.
 */
export const checkSaveSchema = z.object({
  elementId: idSchema,
  baseVersion,
  checkId: z.string().min(1).max(100),
  inputs: inputRecordSchema,
  confirmedFinding: z.boolean().optional(),
  note: optionalText(1000),
  carried: inputIds.optional(),
})

/** The facility's shared measurements (measure once); a key set to null clears it, a key left out is kept. */
export const measurementsSaveSchema = z.object({
  elementId: idSchema,
  baseVersion,
  values: inputRecordSchema,
  carried: inputIds.optional(),
})

/** 沿用上次: copies the last inspection's values into the blank inputs of one check, or of the whole facility. */
export const copyPreviousSchema = z.object({
  elementId: idSchema,
  baseVersion,
  checkId: z.string().min(1).max(100).optional(),
})

/** Photos travel as base64 in the JSON body; the size limit is enforced again by the photo store. */
export const photoAttachSchema = z.object({
  elementId: idSchema,
  baseVersion,
  fileName: z.string().trim().min(1, '缺少文件名').max(255, '文件名过长'),
  dataBase64: z.string().min(1, '照片内容为空').max(40_000_000, '照片过大'),
  caption: optionalText(200),
  /** The check the photo is evidence of; left out or null = a photo of the whole facility. */
  checkId: z.string().min(1).max(100).nullish(),
})

/** Changes a photo's caption and the check it is tied to (null = the whole facility). */
export const photoUpdateSchema = z.object({
  elementId: idSchema,
  baseVersion,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '照片编号无效'),
  caption: optionalText(200),
  checkId: z.string().min(1).max(100).nullable(),
})

export const photoDetachSchema = z.object({
  elementId: idSchema,
  baseVersion,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '照片编号无效'),
})

export const inspectionVersionedSchema = z.object({ id: idSchema, baseVersion })

export const findingListSchema = z
  .object({
    source: z.enum(['site', 'web']).optional(),
    placeId: idSchema.optional(),
    unitId: idSchema.optional(),
    inspectionId: idSchema.optional(),
    /** The findings linked to one rectification item (its 问题记录). */
    itemId: idSchema.optional(),
  })
  .default({})

export const photoGetSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '照片编号无效'),
  variant: z.enum(['thumbnail', 'original']).default('thumbnail'),
})

export interface PhotoData {
  sha256: string
  missing: boolean
  /** data: URL (JPEG thumbnail or the original) — empty when missing. */
  dataUrl: string
}

export function isCategory(value: string): value is CategoryId {
  return (categoryIds as readonly string[]).includes(value)
}
