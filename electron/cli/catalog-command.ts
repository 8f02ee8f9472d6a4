import {
  catalogs,
  catalogToJson,
  DEFAULT_CATALOG_ID,
  formatCatalogTable,
  getCatalog,
} from '../../shared/catalog/index'

/** `access-audit catalog [--json] [--catalog <id>]`: the checks, for review by someone who knows the codes. */
export function renderCatalog(options: { json?: boolean; catalog?: string }): string {
  const id = options.catalog ?? DEFAULT_CATALOG_ID
  const catalog = getCatalog(id)
  if (!catalog) {
    throw new Error(`未知的检查目录：${id}。可用的目录：${Object.keys(catalogs).join('、')}`)
  }
  return options.json ? JSON.stringify(catalogToJson(catalog), null, 2) : formatCatalogTable(catalog)
}
