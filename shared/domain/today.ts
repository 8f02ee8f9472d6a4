import type { Severity } from '../catalog/types'
import type { AuditBatchStatus } from './audits'
import type { ItemStatus } from './rectification'

/**
 * 今日待办: what needs the user now, in one answer for the home screen. Each list holds the first few entries
 * (most urgent first) and `count` says how many there are in all; the screen links to the full list.
 */

/** How many entries each list carries; the count is always the full number. */
export const todayListLimit = 8

/** Days ahead in which a deadline counts as "due soon" (the unit's reply is due). */
export const dueSoonDays = 7

export interface TodayItem {
  id: number
  title: string
  unitName: string | null
  /** The place or portal. */
  where: string | null
  status: ItemStatus
  severity: Severity
  deadline: string | null
  /** Overdue: days past the deadline; due soon: days left (0 = today). */
  days: number | null
}

export interface TodayProposal {
  proposalId: number
  itemId: number
  title: string
  unitName: string | null
  where: string | null
  explanation: string
  proposedAt: string
}

export interface TodayDraft {
  inspectionId: number
  placeName: string
  inspectedOn: string
  updatedAt: string
  /** Facilities added so far. */
  elementCount: number
}

/** Why a batch needs the user: it stopped without finishing, or it finished with pages that failed. */
export type TodayBatchReason = 'interrupted' | 'paused' | 'failed-pages' | 'error'

export interface TodayBatch {
  batchId: number
  status: AuditBatchStatus
  reason: TodayBatchReason
  portals: string[]
  failedPages: number
  remainingPages: number
  createdAt: string
  /** zh-CN, when the batch stopped on an error. */
  error: string | null
}

export interface TodayList<T> {
  count: number
  entries: T[]
}

export interface TodayUnitCount {
  unitId: number | null
  unitName: string | null
  count: number
}

export interface TodaySummary {
  /** The local day the summary was made for. */
  today: string
  overdue: TodayList<TodayItem>
  proposals: TodayList<TodayProposal>
  /** Notified or reopened items whose deadline falls within `dueSoonDays` (the unit's reply is due). */
  dueSoon: TodayList<TodayItem>
  /** Replies registered (已报整改) that wait for the inspector's verification. */
  toVerify: TodayList<TodayItem>
  /** Items found but not yet sent to their unit, per unit. */
  toNotify: TodayList<TodayUnitCount>
  drafts: TodayList<TodayDraft>
  batches: TodayList<TodayBatch>
}
