import { z } from './zod-setup'
import { idSchema, nameText, optionalText, sortDirectionSchema, type Timestamps } from './common'
import { normalizeUrl } from '../web/url-normalize'

export const portalFieldLabels: Record<string, string> = {
  id: '网站编号',
  name: '网站名称',
  startUrl: '起始网址',
  unitId: '责任单位',
  maxPages: '最多页面数',
  maxDepth: '最大链接深度',
  include: '包含规则',
  exclude: '排除规则',
  version: '版本',
  text: '网站清单',
  search: '搜索词',
}

/** A government portal (门户网站) audited over time; its findings go to its responsible unit. */
export interface Portal extends Timestamps {
  id: number
  name: string
  startUrl: string
  unitId: number | null
  unitName: string | null
  maxPages: number
  maxDepth: number
  include: string[]
  exclude: string[]
  archived: boolean
  version: number
  runCount: number
  lastRunAt: string | null
  lastScore: number | null
}

/** The start URL is stored normalised, so the same portal typed twice is recognised as one. */
const startUrl = z
  .string({ error: '请填写起始网址' })
  .trim()
  .min(1, '请填写起始网址')
  .max(2000, '网址过长')
  .transform((value, ctx) => {
    const result = normalizeUrl(value, undefined, { assumeScheme: 'https' })
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error.message })
      return z.NEVER
    }
    return result.url
  })

const patterns = z.array(z.string().trim().min(1).max(500)).max(50, '规则不能超过 50 条').default([])

/** Crawl limits of a new portal, and of a URL audited without a registered portal. */
export const defaultPortalLimits = { maxPages: 50, maxDepth: 3 } as const

const portalFields = {
  name: nameText(100, '请填写网站名称'),
  startUrl,
  unitId: idSchema.nullish().transform((v) => v ?? null),
  maxPages: z
    .number({ error: '须为数字' })
    .int('须为整数')
    .min(1, '须在 1 到 10000 之间')
    .max(10000, '须在 1 到 10000 之间')
    .default(defaultPortalLimits.maxPages),
  maxDepth: z
    .number({ error: '须为数字' })
    .int('须为整数')
    .min(0, '须在 0 到 20 之间')
    .max(20, '须在 0 到 20 之间')
    .default(defaultPortalLimits.maxDepth),
  include: patterns,
  exclude: patterns,
}

export const portalCreateSchema = z.object(portalFields)
export const portalUpdateSchema = z.object({
  id: idSchema,
  version: z.number().int().nonnegative(),
  ...portalFields,
})
export const portalListSchema = z
  .object({
    search: z.string().trim().max(100).optional(),
    unitId: idSchema.optional(),
    includeArchived: z.boolean().optional(),
    sortBy: z.enum(['name', 'unitName', 'lastRunAt', 'lastScore']).optional(),
    sortDirection: sortDirectionSchema.optional(),
  })
  .default({})
export const portalImportSchema = z.object({
  text: z
    .string({ error: '请粘贴或选择网站清单' })
    .min(1, '网站清单为空')
    .max(2_000_000, '清单过大（上限 2 MB）'),
  note: optionalText(200),
})

export interface PortalImportReport {
  created: Portal[]
  /** Lines whose URL is already registered: left as they are. */
  existing: Array<{ line: number; url: string; portalId: number }>
  /** Malformed lines, non-http(s) schemes, repeated lines, unknown units: reported by line number. */
  problems: Array<{ line: number; text: string; message: string }>
}

export type PortalCreateInput = z.input<typeof portalCreateSchema>
