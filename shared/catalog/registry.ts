import { categories, type CategoryDefinition } from './categories'
import { cnGbCatalog } from './cn-gb/catalog'
import type { Catalog, CheckDefinition } from './types'

/**
 * All catalogs by id. A second rule set (e.g. US ADA 2010) is one more Catalog object added here; the engine,
 * formatters and UI work from the registry and need no other change.
 */
export const catalogs: Readonly<Record<string, Catalog>> = {
  [cnGbCatalog.id]: cnGbCatalog,
}

export const DEFAULT_CATALOG_ID: string = cnGbCatalog.id

export function getCatalog(catalogId: string = DEFAULT_CATALOG_ID): Catalog | undefined {
  return Object.prototype.hasOwnProperty.call(catalogs, catalogId) ? catalogs[catalogId] : undefined
}

export function findCheck(
  checkId: string,
  catalogId: string = DEFAULT_CATALOG_ID,
): CheckDefinition | undefined {
  return getCatalog(catalogId)?.checks.find((c) => c.id === checkId)
}

/** Checks of one category in catalog order; empty for an unknown catalog or category. */
export function checksForCategory(catalogId: string, categoryId: string): readonly CheckDefinition[] {
  return getCatalog(catalogId)?.checks.filter((c) => c.category === categoryId) ?? []
}

/** The categories a catalog uses, with zh-CN labels, in display order. */
export function categoriesForCatalog(catalogId: string = DEFAULT_CATALOG_ID): CategoryDefinition[] {
  const used = new Set<string>(getCatalog(catalogId)?.categories ?? [])
  return categories.filter((c) => used.has(c.id)).sort((a, b) => a.order - b.order)
}
