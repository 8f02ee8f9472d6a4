import { z } from './zod-setup'
import { idSchema, nameText, optionalText, sortDirectionSchema, type Timestamps } from './common'

export const placeTypes = [
  'government-service-hall',
  'hospital',
  'school',
  'bank',
  'station',
  'park',
  'road-crossing',
  'residential-community',
  'cultural-venue',
  'commercial',
  'public-toilet',
  'other',
] as const
export type PlaceType = (typeof placeTypes)[number]

export const placeTypeLabels: Record<PlaceType, string> = {
  'government-service-hall': '政务服务大厅',
  hospital: '医院',
  school: '学校',
  bank: '银行',
  station: '车站',
  park: '公园',
  'road-crossing': '道路路口',
  'residential-community': '居住社区',
  'cultural-venue': '文化体育场馆',
  commercial: '商业场所',
  'public-toilet': '公共厕所',
  other: '其他',
}

export const placeFieldLabels: Record<string, string> = {
  id: '场所编号',
  name: '场所名称',
  type: '场所类型',
  address: '地址',
  latitude: '纬度',
  longitude: '经度',
  unitId: '责任单位',
  note: '备注',
  version: '版本',
  search: '搜索词',
}

export interface Place extends Timestamps {
  id: number
  name: string
  type: PlaceType
  address: string | null
  latitude: number | null
  longitude: number | null
  unitId: number | null
  unitName: string | null
  note: string | null
  archived: boolean
  version: number
}

const coordinate = (min: number, max: number) =>
  z
    .number({ error: '须为数字' })
    .min(min, `须在 ${min} 到 ${max} 之间`)
    .max(max, `须在 ${min} 到 ${max} 之间`)
    .nullish()
    .transform((v) => v ?? null)

const placeFields = {
  name: nameText(100, '请填写场所名称'),
  type: z.enum(placeTypes, { error: '请选择场所类型' }),
  address: optionalText(200),
  latitude: coordinate(-90, 90),
  longitude: coordinate(-180, 180),
  unitId: idSchema.nullish().transform((v) => v ?? null),
  note: optionalText(500),
}

function bothOrNeither(v: { latitude: number | null; longitude: number | null }): boolean {
  return (v.latitude === null) === (v.longitude === null)
}
const gpsMessage = { message: '经纬度须同时填写或同时留空', path: ['longitude'] }

export const placeCreateSchema = z.object(placeFields).refine(bothOrNeither, gpsMessage)
export const placeUpdateSchema = z
  .object({ id: idSchema, version: z.number().int().nonnegative(), ...placeFields })
  .refine(bothOrNeither, gpsMessage)
export const placeListSchema = z
  .object({
    search: z.string().trim().max(100).optional(),
    type: z.enum(placeTypes).optional(),
    unitId: idSchema.optional(),
    includeArchived: z.boolean().optional(),
    sortBy: z.enum(['name', 'type', 'unitName', 'updatedAt']).optional(),
    sortDirection: sortDirectionSchema.optional(),
  })
  .default({})

export type PlaceCreateInput = z.input<typeof placeCreateSchema>
export type PlaceUpdateInput = z.input<typeof placeUpdateSchema>
