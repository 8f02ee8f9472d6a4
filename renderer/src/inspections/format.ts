import { formatClause } from '../../../shared/catalog/index'
import { i18next } from '../i18n/index'
import { formatReading } from '../../../shared/catalog/units'
import {
  comparisonStatus as sharedComparisonStatus,
  type CheckState as LiveState,
} from '../../../shared/domain/inspection-status'
import type {
  CheckDefinition,
  ClauseRef,
  InputDefinition,
  InputRecord,
  InputValue,
} from '../../../shared/catalog/types'
import type { CheckEntry, ComparisonStatus, PhotoRef } from '../../../shared/domain/inspections'

/** One value as typed: "1:12", "300 mm", "是", a choice's label. */
export function formatValue(def: InputDefinition, value: InputValue): string {
  if (value === null) return ''
  if (typeof value === 'boolean') return i18next.t(value ? 'inspections.check.yes' : 'inspections.check.no')
  if (typeof value === 'string')
    return def.kind === 'choice' ? (def.options.find((o) => o.id === value)?.label ?? value) : value
  return formatReading(value.value, value.unit)
}

/**
 * Each filled input as the record shows it: "坡度读数：1:12", "两侧是否均设扶手：是"; a value copied from the last
 * inspection says so ("宽度：1200 mm（沿用上次）").
 */
export function formatInputs(
  check: Pick<CheckDefinition, 'inputs'>,
  inputs: InputRecord | undefined,
  carried: readonly string[] = [],
): string[] {
  if (!inputs) return []
  const out: string[] = []
  for (const def of check.inputs) {
    const value = inputs[def.id]
    if (value === null || value === undefined || value === '') continue
    const mark = carried.includes(def.id) ? i18next.t('inspections.carried.value') : ''
    out.push(`${def.label}：${formatValue(def, value)}${mark}`)
  }
  return out
}

/** "GB 55019-2021 第2.3.1条", with ★ for mandatory clauses (the caller explains ★ once per page). */
export function clauseText(clause: ClauseRef): string {
  return `${clause.mandatory ? '★' : ''}${formatClause(clause)}`
}

/** Clauses that decide the verdict (superseded ones are cited for reference only). */
export function decidingClauses(clauses: readonly ClauseRef[]): ClauseRef[] {
  return clauses.filter((c) => !c.supersededBy)
}

/** Alt text: whose photo it is, its caption or file name, and when it was taken (a caption below shows the name). */
export function photoAlt(
  photo: PhotoRef,
  elementLabel: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const name = photo.caption ?? photo.originalName
  if (!photo.takenAt) return t('inspections.photos.altNoTime', { label: elementLabel, name })
  const time = new Date(photo.takenAt)
  const when = Number.isNaN(time.getTime()) ? photo.takenAt : time.toLocaleString('zh-CN', { hour12: false })
  return t('inspections.photos.alt', { label: elementLabel, name, time: when })
}

export { isProblem } from '../../../shared/domain/inspection-status'
export type { CheckState as LiveState } from '../../../shared/domain/inspection-status'

/** Re-inspection status of one check, from the previous entry and what is typed now. */
export function comparisonStatus(previous: CheckEntry | undefined, current: LiveState): ComparisonStatus {
  const before = previous
    ? {
        verdict: previous.result?.verdict ?? null,
        confirmedFinding: previous.confirmedFinding,
        checked: true,
      }
    : null
  return sharedComparisonStatus(before, current)
}

/** Safe for ids and CSS selectors: "ramp.slope" → "ramp-slope". */
export function domId(...parts: Array<string | number>): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '-')).join('-')
}
