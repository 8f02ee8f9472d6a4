// Physical accessibility check catalog: data, pure evaluator, unit helpers and formatters.
// Runs in Node and in the browser (no Node built-ins, no imports from outside shared/).
export type * from './types'
export { categories, categoryIds, categoryLabel, isCategoryId } from './categories'
export type { CategoryDefinition, CategoryId } from './categories'
export {
  convertGradient,
  convertLength,
  formatGradient,
  formatQuantity,
  formatRange,
  formatReading,
  formatRatio,
  gradientFromReading,
  gradientFromRiseRun,
  gradientToReading,
  gradientUnits,
  lengthUnits,
  unitLabel,
  units,
} from './units'
export type { UnitDimension, UnitInfo } from './units'
export {
  evaluateRequestSchema,
  inputRecordSchema,
  inputValueSchema,
  numericInputValueSchema,
} from './schemas'
export type { EvaluateRequest } from './schemas'
export { evaluateCheck, runCheck } from './evaluate'
export { citedClauses, hasDecidingClauses, normalizeStoredResult, referenceClausesOf } from './results'
export type { EvaluateOptions } from './evaluate'
export {
  catalogs,
  categoriesForCatalog,
  checksForCategory,
  DEFAULT_CATALOG_ID,
  findCheck,
  getCatalog,
} from './registry'
export { catalogToJson, formatCatalogTable, formatClause, severityLabels } from './format'
export type { CatalogJson, CheckJson, InputJson, TableOptions } from './format'
export { cnGbCatalog } from './cn-gb/catalog'
export { allowedRampRise, gb50763RampTable } from './cn-gb/ramp-table'
export type { AllowedRampRise } from './cn-gb/ramp-table'
export {
  gb50763RequiredSpaces,
  gb55019RequiredSpaces,
  requiredAccessibleParkingSpaces,
} from './cn-gb/parking'
export type { CarParkClass, ParkingSetting, RequiredParking } from './cn-gb/parking'
