import type { RectificationItemSummary } from '../../../shared/domain/rectification'

export interface LocationGroup {
  key: string
  /** Place or portal name; null when the finding had neither. */
  name: string | null
  source: RectificationItemSummary['source']
  items: RectificationItemSummary[]
}

export interface UnitGroup {
  key: string
  unitId: number | null
  unitName: string | null
  locations: LocationGroup[]
  count: number
}

const collator = new Intl.Collator('zh-CN')

/**
 * Items by responsible unit, then by place or portal: the way a notice is addressed and the way an inspector
 * walks a site. Units and locations sort by name (items without a unit last); items keep the server's order.
 */
export function groupItems(items: readonly RectificationItemSummary[]): UnitGroup[] {
  const units = new Map<string, UnitGroup>()
  for (const item of items) {
    const unitKey = item.unitId === null ? 'unit:none' : `unit:${item.unitId}`
    let unit = units.get(unitKey)
    if (!unit) {
      unit = { key: unitKey, unitId: item.unitId, unitName: item.unitName, locations: [], count: 0 }
      units.set(unitKey, unit)
    }
    const locationKey =
      item.placeId !== null
        ? `place:${item.placeId}`
        : item.portalId !== null
          ? `portal:${item.portalId}`
          : `none:${item.source}`
    let location = unit.locations.find((l) => l.key === locationKey)
    if (!location) {
      location = {
        key: locationKey,
        name: item.placeName ?? item.portalName,
        source: item.source,
        items: [],
      }
      unit.locations.push(location)
    }
    location.items.push(item)
    unit.count++
  }
  const byName = (a: string | null, b: string | null) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : collator.compare(a, b)
  const groups = [...units.values()].sort((a, b) => byName(a.unitName, b.unitName))
  for (const g of groups) g.locations.sort((a, b) => byName(a.name, b.name))
  return groups
}
