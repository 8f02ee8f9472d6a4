import { z } from './zod-setup'

/**
 * Bulk registry import: the Excel (.xlsx) or CSV lists of places and portals that units send. One service
 * (electron/core/registry/registry-import.ts) serves every door: a preview that writes nothing, then a commit that
 * re-reads the same file, re-validates every row and writes the new ones in one transaction.
 */

export const registryImportKinds = ['places', 'portals'] as const
export type RegistryImportKind = (typeof registryImportKinds)[number]

export const registryImportKindLabels: Record<RegistryImportKind, string> = {
  places: '场所',
  portals: '网站',
}

/** The largest file accepted (an .xlsx of several thousand rows is well under 1 MB). */
export const maxImportFileBytes = 5 * 1024 * 1024
/** Rows after the header; a bigger list is refused whole rather than half-read. */
export const maxImportRows = 5000

const maxBase64 = Math.ceil(maxImportFileBytes / 3) * 4

export const registryImportFieldLabels: Record<string, string> = {
  kind: '导入类别',
  fileName: '文件名',
  dataBase64: '文件内容',
}

export const registryImportSchema = z.object({
  kind: z.enum(registryImportKinds, { error: '请指明导入场所还是网站（places 或 portals）' }),
  fileName: z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(255, '文件名过长'),
  dataBase64: z
    .string({ error: '缺少文件内容' })
    .min(1, '文件为空')
    .max(maxBase64, `文件过大（上限 ${maxImportFileBytes / 1024 / 1024} MB），请分成几个文件导入`),
})

export type RegistryImportInput = z.input<typeof registryImportSchema>

/** new: will be registered; existing: already registered (left as it is); error: refused, with its reasons. */
export type ImportRowStatus = 'new' | 'existing' | 'error'

export interface ImportRowProblem {
  /** The column as headed in the file (“地址”), or the field's zh-CN name when the column is missing. */
  column: string
  /** zh-CN, the reason alone: “须为数字”. */
  reason: string
  /** zh-CN, the whole sentence: “第 5 行，经度：须为数字”. */
  message: string
}

export interface ImportRow {
  /** The row number as the spreadsheet shows it (the header is row 1 when it is the first line). */
  row: number
  status: ImportRowStatus
  name: string
  /** Places: the address; portals: the start URL (normalised when valid). */
  address: string | null
  url: string | null
  /** zh-CN label of the place type. */
  typeLabel: string | null
  unitName: string | null
  latitude: number | null
  longitude: number | null
  /** The registered record this row matches (status existing) or was written as (after the commit). */
  existingId: number | null
  problems: ImportRowProblem[]
}

export interface RegistryImportPreview {
  kind: RegistryImportKind
  fileName: string
  /** The columns recognised, as headed in the file, and the headed columns that were ignored. */
  columns: Array<{ header: string; field: string }>
  ignoredColumns: string[]
  rows: ImportRow[]
  counts: Record<ImportRowStatus, number>
}

export interface RegistryImportResult extends RegistryImportPreview {
  /** Rows written by this commit (status new in `rows`, with their new ids in existingId). */
  created: number
}
