import {
  itemStatusLabels,
  nextStatus,
  type RectificationItemSummary,
} from '../../../shared/domain/rectification'
import { i18next } from '../i18n/index'

/**
 * Why the selected items cannot go into one notice, or null when they can. The server refuses the same cases;
 * saying so before the dialog opens spares the inspector a form that cannot succeed.
 */
export function noticeRefusal(items: readonly RectificationItemSummary[]): string | null {
  const t = i18next.t.bind(i18next)
  if (items.length === 0) return t('rectification.bulk.noticeNeedsItems')
  const wrong = items.filter((i) => nextStatus(i.status, 'notify') === null)
  if (wrong.length > 0) return t('rectification.bulk.noticeWrongStatus', { titles: titlesOf(wrong) })
  if (items.some((i) => i.unitId === null)) return t('rectification.bulk.noticeNoUnit')
  const units = new Set(items.map((i) => i.unitId))
  if (units.size > 1) return t('rectification.bulk.noticeOneUnit', { count: units.size })
  return null
}

/** Why the selected items cannot be merged, or null. */
export function mergeRefusal(items: readonly RectificationItemSummary[]): string | null {
  const t = i18next.t.bind(i18next)
  if (items.length < 2) return t('rectification.bulk.needTwo')
  const wrong = items.filter((i) => nextStatus(i.status, 'merge') === null)
  if (wrong.length > 0) return t('rectification.bulk.mergeWrongStatus', { titles: titlesOf(wrong) })
  return null
}

/** Why one reply cannot be registered on the selected items (the server checks again, item by item). */
export function claimRefusal(items: readonly RectificationItemSummary[]): string | null {
  const t = i18next.t.bind(i18next)
  if (items.length === 0) return t('rectification.bulk.noticeNeedsItems')
  const wrong = items.filter((i) => nextStatus(i.status, 'claim') === null)
  if (wrong.length > 0) return t('rectification.bulk.claimWrongStatus', { titles: titlesOf(wrong) })
  const units = new Set(items.map((i) => i.unitId))
  if (units.size > 1) return t('rectification.bulk.claimOneUnit', { count: units.size })
  return null
}

/** Why the selected items' verification proposals cannot be decided together (one has none). */
export function decideRefusal(items: readonly RectificationItemSummary[]): string | null {
  const t = i18next.t.bind(i18next)
  if (items.length === 0) return t('rectification.bulk.noticeNeedsItems')
  const without = items.filter((i) => i.proposal === null)
  if (without.length > 0) return t('rectification.bulk.noProposal', { titles: titlesOf(without) })
  return null
}

function titlesOf(items: readonly RectificationItemSummary[]): string {
  const shown = items
    .slice(0, 3)
    .map((i) => `“${i.title}”（${itemStatusLabels[i.status]}）`)
    .join('、')
  return items.length > 3 ? `${shown} 等 ${items.length} 项` : shown
}
