import type { Severity } from '../catalog/types'
import type { FindingSource } from './inspections'
import type { ClauseRef, EvidenceRef, ItemElement } from './rectification'
import { getCriterion } from '../web/wcag-criteria'

/**
 * The content of one 整改通知书, as plain data. It is frozen (snapshotted) when the notice is issued, so printing it
 * again years later gives the same document; the HTML/PDF, Word and Excel renderers all read this one shape.
 * Everything that came from an audited page (snippets, selectors, titles, URLs) is hostile text: renderers escape it.
 *
 * The shape is versioned. A snapshot keeps the shape it was issued with and is rendered by that version's
 * renderers (electron/core/documents), so a notice issued before a change still prints as it was issued:
 * - version 1 (no `version` field; notices issued before the GB/T 9704 body-and-attachments layout): every item as
 *   a block in the body, photos under each item;
 * - version 2: a short body whose wording is frozen here as text, 附件1 问题清单 (a table), 附件2 photos and
 *   screenshots (each once, captioned), and the optional 版记.
 */
export type NoticeDocument = NoticeDocumentV1 | NoticeDocumentV2

export const currentNoticeVersion = 2

export function isNoticeV2(doc: NoticeDocument): doc is NoticeDocumentV2 {
  return doc.version === 2
}

export interface NoticeDocumentV2 {
  version: 2
  /** e.g. 乌残无障碍整改〔2026〕3号; a preview carries no number. */
  number: string | null
  /** 发文机关: the masthead and the signature. */
  issuer: string
  /** 主送 */
  unitName: string
  issuedOn: string
  deadline: string
  title: string
  /** 正文 after the 主送 line, as issued: headings (一、…) and paragraphs, in order. */
  body: NoticeBlock[]
  /** 附件说明: the attachments' names in order ("问题清单", "现场照片和网页截图"). */
  attachments: string[]
  /** 附件1 问题清单, one row per item. */
  items: NoticeListItem[]
  /** 附件2: every photo and screenshot once, numbered 图1, 图2 … in the order the list first cites them. */
  photos: NoticePhoto[]
  /** 版记, when the notice settings ask for one. */
  colophon: NoticeColophon | null
}

export interface NoticeBlock {
  kind: 'heading' | 'paragraph'
  text: string
}

export interface NoticeListItem {
  /** 1-based row of the 问题清单. */
  index: number
  itemId: number
  source: FindingSource
  /** The place or portal. */
  subject: string
  /** Site: the facility (北入口坡道); web: the page URL(s), one a line, or 人工检查. */
  position: string
  title: string
  /** What was found: measured against required (site), or where and how often (web). */
  found: string
  remedy: string
  severity: Severity
  /** The deciding clauses as the item carries them (款 when named, 强制性条文 only when flagged). */
  clauses: ClauseRef[]
  /** Web: every rule behind the item (kept for tracking; a notice never prints rule ids). */
  ruleIds: string[]
  /** Web: a few failing elements as found (hostile text), the rest counted in `elementCount`. */
  elements: Array<{ pageUrl: string; html: string }>
  elementCount: number
  /** The item's pictures in 附件2 (图 numbers). */
  photoNumbers: number[]
}

export interface NoticePhoto {
  /** 图1, 图2 … */
  number: number
  kind: 'photo' | 'screenshot'
  ref: string
  caption: string
  /** Rows of the 问题清单 the picture shows. */
  itemIndexes: number[]
}

export interface NoticeColophon {
  /** 抄送机关, as typed in the settings ("区住房和城乡建设局，区残联"); null prints no 抄送 line. */
  copyTo: string | null
  /** 印发机关 */
  printer: string
  /** 印发日期 (the notice's date). */
  printedOn: string
}

/** Snapshots issued before version 2 (they carry no `version`). */
export interface NoticeDocumentV1 {
  version?: undefined
  /** e.g. 乌残无障碍整改〔2026〕第3号 (the template of the time); a preview carries no number. */
  number: string | null
  issuer: string
  unitName: string
  issuedOn: string
  deadline: string
  replyInstructions: string
  contact: string | null
  items: NoticeDocumentItem[]
}

/** An item of a version 1 snapshot. */
export interface NoticeDocumentItem {
  /** 1-based position in the notice. */
  index: number
  itemId: number
  source: FindingSource
  /** 场所名称·部位 or 网站名称 (and the page for a single-page problem): the display line of older snapshots. */
  location: string
  /** The place or portal name, kept apart for the Excel columns; absent in snapshots made before it existed. */
  subject?: string
  /** The element (site: e.g. 北入口坡道) or the page URL(s), one a line (web); absent in older snapshots. */
  position?: string
  title: string
  found: string
  remedy: string
  /** For the Excel sheet's 严重程度 column; optional so notices snapshotted without it still render. */
  severity?: Severity
  clauses: ClauseRef[]
  elements: ItemElement[]
  elementCount: number
  evidence: Array<EvidenceRef & { caption: string }>
}

/** Loads an evidence image for a renderer; null when the file is missing (shown as 照片缺失, never a crash). */
export type EvidenceLoader = (
  evidence: EvidenceRef,
) => Promise<{ bytes: Uint8Array; mimeType: string } | null>

/**
 * "GB 55019-2021 第3.1.4条第2款（强制性条文）", "WCAG 2.2 成功准则 1.4.3", "GB/T 37668-2019 第8.2.3.1条": the clause
 * as the finding carries it (its 款 when it names one; 强制性条文 only when flagged). `names`: WCAG criteria with
 * their Chinese name (“对比度（最低）”), as the notice prints them. `figure`: followed by the figure the outcome was
 * judged against (“：通行净宽 ≥ 1.20 m”), as the item's page shows it.
 */
export function formatClause(clause: ClauseRef, options: { names?: boolean; figure?: boolean } = {}): string {
  const text = clauseText(clause, options)
  return options.figure && clause.figure ? `${text}：${clause.figure}` : text
}

function clauseText(clause: ClauseRef, options: { names?: boolean }): string {
  if (/^WCAG/i.test(clause.code)) {
    const criterion = getCriterion(clause.clause)
    const name = options.names ? criterion?.nameZh : undefined
    // 4.1.1 is not in WCAG 2.2: the criterion is cited from the last version that has it.
    const code = criterion?.removedIn === '2.2' && clause.code === 'WCAG 2.2' ? 'WCAG 2.1' : clause.code
    return `${code} 成功准则 ${clause.clause}${name ? `“${name}”` : ''}`
  }
  const range = /^([\d.]+)\s*[–—~～-]\s*([\d.]+)$/.exec(clause.clause)
  if (/^(GB|JGJ|CJJ)/.test(clause.code) && (/^[\d.]+$/.test(clause.clause) || range)) {
    const number = range ? `${range[1]}～${range[2]}` : clause.clause
    const item = clause.item ? `第${clause.item}款` : ''
    return `${clause.code} 第${number}条${item}${clause.mandatory ? '（强制性条文）' : ''}`
  }
  return clause.code.endsWith('》') ? `${clause.code}${clause.clause}` : `${clause.code} ${clause.clause}`
}

/** 2026-11-28 → 2026年11月28日 (official documents write dates in full, without leading zeros). */
export function formatChineseDate(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}
