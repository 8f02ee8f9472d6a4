import { categoryIds, categoryLabel as siteCategoryLabel, isCategoryId } from '../catalog/categories'

/**
 * The category of a rectification item, stored as an id (`rectification_items.category`) and shown through
 * `categoryLabel`, the one place that turns it into zh-CN. Site items carry the catalog's element category id
 * (ramp, toilet-room, …); web items one of the ids below. Storing ids keeps the reports' grouping stable when a
 * label is reworded.
 */

/** Web items: general accessibility (GB/T 37668, WCAG) against the ageing-friendly (适老化) norms. */
export const webCategoryId = 'web'
export const webAgeingCategoryId = 'web-ageing'
/** A site finding whose check and element name no catalog category (should not happen; kept displayable). */
export const siteOtherCategoryId = 'site-other'

export const rectificationCategoryIds = [
  ...categoryIds,
  siteOtherCategoryId,
  webCategoryId,
  webAgeingCategoryId,
] as const
export type RectificationCategoryId = (typeof rectificationCategoryIds)[number]

const otherLabels: Readonly<Record<string, string>> = {
  [siteOtherCategoryId]: '现场设施',
  [webCategoryId]: '网站无障碍',
  [webAgeingCategoryId]: '网站适老化',
}

export function isRectificationCategoryId(id: string): id is RectificationCategoryId {
  return (rectificationCategoryIds as readonly string[]).includes(id)
}

/** zh-CN label of a category id; an unknown value is shown as it is (never an empty cell). */
export function categoryLabel(id: string): string {
  if (isCategoryId(id)) return siteCategoryLabel(id)
  return otherLabels[id] ?? id
}

/**
 * The category id of a web item by rule or check id, not by clause: many general rules also cite an
 * ageing-friendly clause, but only the rules written for the 适老化 norms (aa-ageing-*, the manual ageing-*
 * checks) belong to that category.
 */
export function webCategoryIdOf(ruleOrCheckId: string): RectificationCategoryId {
  return /(^|[:-])ageing-/.test(ruleOrCheckId) ? webAgeingCategoryId : webCategoryId
}

/** The category id of a site item: the check's catalog category, else the element's, else site-other. */
export function siteCategoryIdOf(
  ...candidates: ReadonlyArray<string | null | undefined>
): RectificationCategoryId {
  for (const candidate of candidates) if (candidate && isCategoryId(candidate)) return candidate
  return siteOtherCategoryId
}
