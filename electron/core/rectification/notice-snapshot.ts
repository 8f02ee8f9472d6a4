import type { NoticeDocument, NoticeDocumentItem } from '../../../shared/domain/notice-document'
import type { RectificationItem } from '../../../shared/domain/rectification'
import { compareSeverity } from './item-content'

/**
 * The frozen content of a notice: the items as they read at issue time, in a stable order — site items by place,
 * then web items by portal, each group worst first — so the printed notice never changes afterwards.
 */

export interface NoticeHeader {
  number: string | null
  issuer: string
  unitName: string
  issuedOn: string
  deadline: string
  replyInstructions: string
  contact: string | null
}

const collator = new Intl.Collator('zh-CN')

export function noticeOrder(a: RectificationItem, b: RectificationItem): number {
  if (a.source !== b.source) return a.source === 'site' ? -1 : 1
  const where = collator.compare(a.placeName ?? a.portalName ?? '', b.placeName ?? b.portalName ?? '')
  if (where !== 0) return where
  return compareSeverity(a.severity, b.severity) || a.id - b.id
}

function documentItem(item: RectificationItem, index: number): NoticeDocumentItem {
  return {
    index,
    itemId: item.id,
    source: item.source,
    location: item.location,
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
