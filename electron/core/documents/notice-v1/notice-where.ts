import type { NoticeDocumentItem } from '../../../../shared/domain/notice-document'

/**
 * Where an item is: the place or portal (subject) and, within it, the element or the page(s) (position). Snapshots
 * carry both fields since they were added; a notice issued before that has only the display line `location`, which
 * is split the way the snapshot builder used to write it (场所·部位, 网站（页面：URL）, 网站（N 个页面）).
 */
export interface ItemWhere {
  subject: string
  position: string
}

function splitLegacyLocation({ location, source }: NoticeDocumentItem): ItemWhere {
  const dot = location.indexOf('·')
  if (dot > 0) return { subject: location.slice(0, dot), position: location.slice(dot + 1) }
  // A site item of a place without a name was located by its element alone.
  if (source === 'site') return { subject: '', position: location }
  const paren = /^(.+)（(?:页面：)?([^（）]+)）$/.exec(location)
  if (paren) return { subject: paren[1]!, position: paren[2]! }
  const url = location.search(/\s+https?:\/\//)
  if (url > 0) return { subject: location.slice(0, url), position: location.slice(url).trim() }
  return { subject: location, position: '' }
}

export function itemWhere(item: NoticeDocumentItem): ItemWhere {
  if (item.subject === undefined && item.position === undefined) return splitLegacyLocation(item)
  return { subject: item.subject ?? '', position: item.position ?? '' }
}

/** The notice's 场所/部位 or 网站/页面 cell: 场所·部位 on one line; a portal, then its page(s), one a line. */
export function itemWhereText(item: NoticeDocumentItem): string {
  if (item.subject === undefined && item.position === undefined) return item.location
  const { subject, position } = itemWhere(item)
  if (!position) return subject || item.location
  if (!subject) return position
  return item.source === 'site' ? `${subject}·${position}` : `${subject}\n${position}`
}
