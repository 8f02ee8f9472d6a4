import type { NoticeDocument, NoticeDocumentItem } from '../../../shared/domain/notice-document'
import type { RectificationItem } from '../../../shared/domain/rectification'
import { compareSeverity } from './item-content'

/**
 * The frozen content of a notice: the items as they read at issue time, in a stable order — site items by place,
 * then web items by portal, each group worst first — so the printed notice never changes afterwards.
 */

/** Everything of the document but its items (a preview carries no number). */
export type NoticeHeader = Omit<NoticeDocument, 'items'>

const collator = new Intl.Collator('zh-CN')

export function noticeOrder(a: RectificationItem, b: RectificationItem): number {
  if (a.source !== b.source) return a.source === 'site' ? -1 : 1
  const where = collator.compare(a.placeName ?? a.portalName ?? '', b.placeName ?? b.portalName ?? '')
  if (where !== 0) return where
  return compareSeverity(a.severity, b.severity) || a.id - b.id
}

/**
 * The place or portal, and where in it, as separate fields for the documents' columns: the element label (site),
 * the listed elements' pages (web; a count line when more elements exist than are listed), or 人工检查 for a web
 * check a person answered (no element).
 */
function whereParts(item: RectificationItem): { subject: string; position: string } {
  if (item.source === 'site') {
    return { subject: item.placeName ?? '', position: item.elements[0]?.label ?? '' }
  }
  const pages = [...new Set(item.elements.map((e) => e.pageUrl ?? '').filter(Boolean))]
  const more =
    item.elementCount > item.elements.length ? `（共 ${item.elementCount} 处，以上为所列元素的页面）` : ''
  return {
    subject: item.portalName ?? '',
    position: pages.length > 0 ? [...pages, ...(more ? [more] : [])].join('\n') : '人工检查',
  }
}

function documentItem(item: RectificationItem, index: number): NoticeDocumentItem {
  return {
    index,
    itemId: item.id,
    source: item.source,
    location: item.location,
    ...whereParts(item),
    title: item.title,
    found: item.found,
    remedy: item.remedy,
    severity: item.severity,
    clauses: item.clauses.map((c) => ({ ...c })),
    elements: item.elements.map((e) => ({ ...e })),
    elementCount: item.elementCount,
    evidence: item.evidence.map((e, i) => ({
      ...e,
      caption: e.kind === 'photo' ? `现场照片${i + 1}` : `问题元素截图${i + 1}`,
    })),
  }
}

export function buildNoticeDocument(
  header: NoticeHeader,
  items: readonly RectificationItem[],
): NoticeDocument {
  return {
    ...header,
    items: [...items].sort(noticeOrder).map((item, i) => documentItem(item, i + 1)),
  }
}
