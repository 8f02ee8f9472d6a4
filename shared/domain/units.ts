import { z } from './zod-setup'
import {
  idSchema,
  nameText,
  optionalNameText,
  optionalText,
  phoneSchema,
  sortDirectionSchema,
  type Timestamps,
} from './common'

export const unitKinds = [
  'government',
  'party',
  'judicial',
  'institution',
  'mass-organization',
  'enterprise',
  'other',
] as const
export type UnitKind = (typeof unitKinds)[number]

export const unitKindLabels: Record<UnitKind, string> = {
  government: '政府部门',
  party: '党委部门',
  judicial: '司法机关',
  institution: '事业单位',
  'mass-organization': '群团组织',
  enterprise: '企业',
  other: '其他',
}

export const unitFieldLabels: Record<string, string> = {
  id: '单位编号',
  name: '单位名称',
  kind: '单位类别',
  contactPerson: '联系人',
  phone: '联系电话',
  note: '备注',
  version: '版本',
  archived: '归档状态',
  search: '搜索词',
}

export interface Unit extends Timestamps {
  id: number
  name: string
  kind: UnitKind
  contactPerson: string | null
  phone: string | null
  note: string | null
  archived: boolean
  /** Bumped on every save; an update must name the version it edited (last-writer detection). */
  version: number
  placeCount: number
}

const unitFields = {
  name: nameText(100, '请填写单位名称'),
  kind: z.enum(unitKinds, { error: '请选择单位类别' }),
  contactPerson: optionalNameText(50),
  phone: phoneSchema,
  note: optionalText(500),
}

export const unitCreateSchema = z.object(unitFields)
export const unitUpdateSchema = z.object({
  id: idSchema,
  version: z.number().int().nonnegative(),
  ...unitFields,
})
export const unitListSchema = z
  .object({
    search: z.string().trim().max(100).optional(),
    kind: z.enum(unitKinds).optional(),
    includeArchived: z.boolean().optional(),
    sortBy: z.enum(['name', 'kind', 'updatedAt', 'placeCount']).optional(),
    sortDirection: sortDirectionSchema.optional(),
  })
  .default({})

export type UnitCreateInput = z.input<typeof unitCreateSchema>
export type UnitUpdateInput = z.input<typeof unitUpdateSchema>
