import type {
  NoticeColophon,
  NoticeDocumentV2,
  NoticeListItem,
  NoticePhoto,
} from '../../../shared/domain/notice-document'
import type { EvidenceRef, RectificationItem } from '../../../shared/domain/rectification'
import { compareSeverity } from './item-content'
import { noticeBody, noticeTitle } from './notice-body'
import { sentence } from '../../../shared/domain/zh-sentences'

/**
 * The frozen content of a notice (version 2, shared/domain/notice-document.ts): the body's wording, the 问题清单 rows
 * as the items read at issue time, in a stable order — site items by place, then web items by portal, each group
 * worst first — and every picture once, numbered in the order the list first cites it.
 */

/** Everything of the document that the notice form and the settings give. */
export interface NoticeHeader {
  number: string | null
  issuer: string
  unitName: string
  issuedOn: string
  deadline: string
  replyInstructions: string
  contact: string | null
  colophon: NoticeColophon | null
}

/** What the database tells besides the items: when each was last found, and how each picture is captioned. */
export interface NoticeFacts {
  /** By item id: the inspection day or audit day the item was last found on. */
  checkedOn: ReadonlyMap<number, string>
  /** Caption of a site photo by its hash (the inspector's caption, else place, facility and day). */
  photoCaption(ref: string): string
}

/** Pictures per row of the list: a facility's newest photos; a web item's first element screenshots. */
export const maxPhotosPerSiteItem = 4
export const maxScreenshotsPerWebItem = 2
/** Failing elements a web row quotes (the rest are counted). */
export const maxQuotedElements = 3
/** Characters of a quoted snippet (the audit keeps up to 500; a notice needs enough to find the element). */
const maxQuotedChars = 160

function quote(html: string): string {
  const flat = html.replace(/\s+/g, ' ').trim()
  return flat.length > maxQuotedChars ? `${flat.slice(0, maxQuotedChars - 1)}…` : flat
}

/** Pages a web row names in its 位置 cell (the rest are counted). */
const maxNamedPages = 3

const collator = new Intl.Collator('zh-CN')

export function noticeOrder(a: RectificationItem, b: RectificationItem): number {
  if (a.source !== b.source) return a.source === 'site' ? -1 : 1
  const where = collator.compare(a.placeName ?? a.portalName ?? '', b.placeName ?? b.portalName ?? '')
  if (where !== 0) return where
  return compareSeverity(a.severity, b.severity) || a.id - b.id
}

/** Site: the facility. Web: its pages, one a line (a count past the first few), or 人工检查 for a manual check. */
function position(item: RectificationItem): string {
  if (item.source === 'site') return item.elements[0]?.label ?? item.location
  const pages = [...new Set(item.elements.map((e) => e.pageUrl ?? '').filter(Boolean))]
  if (pages.length === 0) return '人工检查'
  const named = pages.slice(0, maxNamedPages)
  const more = pages.length > named.length || item.elementCount > item.elements.length ? ['等页面'] : []
  return [...named, ...more].join('\n')
}

function listItem(item: RectificationItem, index: number): NoticeListItem {
  return {
    index,
    itemId: item.id,
    source: item.source,
    subject: (item.source === 'site' ? item.placeName : item.portalName) ?? '',
    position: position(item),
    title: item.title,
    // Each line a complete sentence (a catalog explanation may end without one).
    found: item.found
      .split('\n')
      .map((line) => sentence(line))
      .filter(Boolean)
      .join('\n'),
    remedy: item.remedy,
    severity: item.severity,
    clauses: item.clauses.map((c) => ({ ...c })),
    ruleIds: [...item.ruleIds],
    elements: item.elements
      .slice(0, maxQuotedElements)
      .map((e) => ({ pageUrl: e.pageUrl ?? '', html: quote(e.html ?? '') })),
    elementCount: item.elementCount,
    photoNumbers: [],
  }
}

function screenshotCaption(item: RectificationItem, ev: EvidenceRef): string {
  return ev.pageUrl ? `${item.title}，页面 ${ev.pageUrl}` : `${item.title}，${item.portalName ?? '网站'}`
}

export function buildNoticeDocument(
  header: NoticeHeader,
  items: readonly RectificationItem[],
  facts: NoticeFacts,
): NoticeDocumentV2 {
  const ordered = [...items].sort(noticeOrder)
  const rows = ordered.map((item, i) => listItem(item, i + 1))
  const photos: NoticePhoto[] = []
  const byKey = new Map<string, NoticePhoto>()
  ordered.forEach((item, i) => {
    const row = rows[i]!
    const max = item.source === 'site' ? maxPhotosPerSiteItem : maxScreenshotsPerWebItem
    for (const ev of item.evidence.slice(0, max)) {
      const key = `${ev.kind}:${ev.ref}`
      let photo = byKey.get(key)
      if (!photo) {
        photo = {
          number: photos.length + 1,
          kind: ev.kind,
          ref: ev.ref,
          caption: ev.kind === 'photo' ? facts.photoCaption(ev.ref) : screenshotCaption(item, ev),
          itemIndexes: [],
        }
        byKey.set(key, photo)
        photos.push(photo)
      }
      photo.itemIndexes.push(row.index)
      row.photoNumbers.push(photo.number)
    }
  })
  const { body, attachments } = noticeBody({
    issuer: header.issuer,
    deadline: header.deadline,
    replyInstructions: header.replyInstructions,
    contact: header.contact,
    items: rows,
    photos,
    checkedOn: facts.checkedOn,
  })
  return {
    version: 2,
    number: header.number,
    issuer: header.issuer,
    unitName: header.unitName,
    issuedOn: header.issuedOn,
    deadline: header.deadline,
    title: noticeTitle,
    body,
    attachments,
    items: rows,
    photos,
    colophon: header.colophon,
  }
}
