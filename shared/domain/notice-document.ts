import type { Severity } from '../catalog/types'
import type { FindingSource } from './inspections'
import type { ClauseRef, EvidenceRef, ItemElement } from './rectification'

/**
 * The content of one 整改通知书, as plain data. It is frozen (snapshotted) when the notice is issued, so printing it
 * again years later gives the same document; the HTML/PDF, Word and Excel renderers all read this one shape.
 * Everything that came from an audited page (snippets, selectors, titles) is hostile text: renderers escape it.
 */
export interface NoticeDocument {
  /** e.g. 乌残无障碍整改〔2026〕第3号; a preview carries no number. */
  number: string | null
  issuer: string
  unitName: string
  issuedOn: string
  deadline: string
  replyInstructions: string
  contact: string | null
  items: NoticeDocumentItem[]
}

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

/** "GB 55019-2021 第3.1.4条", "WCAG 2.2 成功准则1.4.3", "GB/T 37668-2019 第8.2.3.1条". */
export function formatClause(clause: ClauseRef): string {
  if (/^WCAG/i.test(clause.code)) return `${clause.code} 成功准则 ${clause.clause}`
  if (/^(GB|JGJ|CJJ)/.test(clause.code) && /^[\d.]+$/.test(clause.clause)) {
    return `${clause.code} 第${clause.clause}条${clause.mandatory ? '（强制性条文）' : ''}`
  }
  return `${clause.code} ${clause.clause}`
}

/** 2026-11-28 → 2026年11月28日 (official documents write dates in full, without leading zeros). */
export function formatChineseDate(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}
