import { ApiError } from '../../../shared/api/errors'
import type { ParsedInputOf } from '../../../shared/api/contract'
import type { NoticeDocument, NoticeDocumentV2 } from '../../../shared/domain/notice-document'
import {
  formatNoticeNumber,
  isOverdue,
  itemStatusLabels,
  type ItemStatus,
  type NoticeSummary,
  type RectificationItem,
} from '../../../shared/domain/rectification'
import type { CoreContext } from '../context'
import type { Db } from '../db/open-database'
import { inTransaction, isUniqueViolation } from '../db/transaction'
import { loadItems } from './item-rows'
import { itemState, transition } from './item-transitions'
import { allocateNoticeSeq } from './notice-numbering'
import { noticeFacts } from './notice-facts'
import { buildNoticeDocument } from './notice-snapshot'
import { localDay } from '../../../shared/domain/local-dates'
import { loadRectificationSettings } from './settings-service'
import { requireCoordinator } from '../db/installation'

/**
 * 整改通知书: preview (no number, nothing saved), issue (number + frozen snapshot + items notified, one
 * IMMEDIATE transaction), list and read. Notices are never deleted, so a number is never given twice.
 */

type Draft = ParsedInputOf<'notices:issue'>

const today = (ctx: CoreContext) => localDay(ctx.now())

function unitForNotice(db: Db, unitId: number): { id: number; name: string } {
  const unit = db.prepare('SELECT id, name FROM units WHERE id = ?').get(unitId) as
    { id: number; name: string | null } | undefined
  if (!unit) throw new ApiError('NOT_FOUND', `责任单位（编号 ${unitId}）不存在`)
  const name = unit.name?.trim() ?? ''
  if (!name) {
    throw new ApiError(
      'VALIDATION',
      '该责任单位没有名称，不能作为通知书的接收单位。请先在“责任单位”中填写名称。',
      [{ path: 'unitId', message: '责任单位：没有名称，请先填写单位名称' }],
    )
  }
  return { id: unit.id, name }
}

/**
 * A notice is dated the day it is signed, never later: the number sequence is per year of the notice date, so a
 * date in a future year would open that year's sequence for good, and the reports count 已通知 by this date.
 * "Today" is the local calendar day.
 */
function refuseFutureIssueDate(ctx: CoreContext, draft: Draft): void {
  const day = today(ctx)
  if (draft.issuedOn > day) {
    throw new ApiError(
      'VALIDATION',
      `通知日期 ${draft.issuedOn} 晚于今天（${day}），通知书只能在签发当日或之后登记`,
      [{ path: 'issuedOn', message: `通知日期：不能晚于今天（${day}）` }],
    )
  }
}

const issuableStatuses: readonly ItemStatus[] = ['open', 'reopened']

/** The draft's items, each of this unit and still owed a notice; otherwise a message naming the item. */
function itemsForNotice(ctx: CoreContext, unit: { id: number; name: string }, itemIds: readonly number[]) {
  const items = loadItems(ctx.db, [...new Set(itemIds)], today(ctx))
  for (const item of items) {
    if (item.unitId !== unit.id) {
      throw new ApiError(
        'INVALID_STATE',
        `整改项（编号 ${item.id}）“${item.title}”的责任单位是“${item.unitName ?? '未指定'}”，不能列入发给“${unit.name}”的通知书`,
      )
    }
    if (!issuableStatuses.includes(item.status)) {
      throw new ApiError(
        'INVALID_STATE',
        `整改项（编号 ${item.id}）“${item.title}”当前状态为“${itemStatusLabels[item.status]}”，只有待通知或重新整改的项可以列入新的通知书`,
      )
    }
  }
  return items
}

function noticeDocument(
  ctx: CoreContext,
  draft: Draft,
  unitName: string,
  items: RectificationItem[],
  number: string | null,
): NoticeDocumentV2 {
  const settings = loadRectificationSettings(ctx.db)
  return buildNoticeDocument(
    {
      number,
      issuer: settings.issuer,
      unitName,
      issuedOn: draft.issuedOn,
      deadline: draft.deadline,
      replyInstructions: draft.replyInstructions ?? settings.replyInstructions,
      contact: draft.contact ?? settings.contact,
      colophon: settings.colophon
        ? { copyTo: settings.copyTo, printer: settings.printer ?? settings.issuer, printedOn: draft.issuedOn }
        : null,
    },
    items,
    noticeFacts(ctx.db, items),
  )
}

/** The document the notice would have, without a number and without saving anything. */
export function previewNoticeDocument(ctx: CoreContext, draft: Draft): NoticeDocumentV2 {
  refuseFutureIssueDate(ctx, draft)
  const unit = unitForNotice(ctx.db, draft.unitId)
  return noticeDocument(ctx, draft, unit.name, itemsForNotice(ctx, unit, draft.itemIds), null)
}

export function issueNotice(ctx: CoreContext, draft: Draft): NoticeSummary {
  const now = ctx.now().toISOString()
  // First: a field laptop gives no number, whatever the draft (its items and preview stay usable).
  requireCoordinator(ctx.db, '签发整改通知书')
  refuseFutureIssueDate(ctx, draft)
  const id = inTransaction(ctx.db, () => {
    const db = ctx.db
    const unit = unitForNotice(db, draft.unitId)
    const items = itemsForNotice(ctx, unit, draft.itemIds)
    const settings = loadRectificationSettings(db)
    const year = Number(draft.issuedOn.slice(0, 4))
    const seq = allocateNoticeSeq(db, year)
    const number = formatNoticeNumber(settings.numberTemplate, year, seq)
    const doc = noticeDocument(ctx, draft, unit.name, items, number)
    let noticeId: number
    try {
      noticeId = Number(
        db
          .prepare(
            `INSERT INTO notices (number, year, seq, unit_id, issuer, issued_on, deadline, snapshot_json, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            number,
            year,
            seq,
            unit.id,
            doc.issuer,
            draft.issuedOn,
            draft.deadline,
            JSON.stringify(doc),
            now,
          ).lastInsertRowid,
      )
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      throw new ApiError(
        'INVALID_STATE',
        `文号“${number}”已被使用。文号格式中没有年份 {year} 时，不同年度的序号会重复，请在通知书设置中修改文号格式。`,
      )
    }
    // The business date is the notice's date (a notice dated 10-31 entered on 11-02 was sent in October): it is
    // the item's notified_at and the notify event's on_day; the event's `at` keeps when it was entered.
    for (const item of doc.items) {
      transition(
        db,
        itemState(db, item.itemId),
        'notify',
        { notice_id: noticeId, notified_at: draft.issuedOn, deadline: draft.deadline },
        `列入整改通知书 ${number}（${draft.issuedOn}），整改期限 ${draft.deadline}`,
        now,
        draft.issuedOn,
      )
    }
    return noticeId
  })
  const { document: _document, ...summary } = getNotice(ctx, id)
  return summary
}

interface NoticeRow {
  id: number
  number: string
  year: number
  seq: number
  unit_id: number
  unit_name: string | null
  issuer: string
  issued_on: string
  deadline: string
  snapshot_json: string
  created_at: string
}

const noticeSelect = `SELECT n.*, u.name AS unit_name FROM notices n LEFT JOIN units u ON u.id = n.unit_id`

function toSummary(ctx: CoreContext, row: NoticeRow): NoticeSummary & { document: NoticeDocument } {
  const document = JSON.parse(row.snapshot_json) as NoticeDocument
  const ids = document.items.map((i) => i.itemId)
  // Tracking counts follow the items' current state; the document stays as issued.
  const states = ctx.db
    .prepare(`SELECT status, deadline FROM rectification_items WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Array<{ status: ItemStatus; deadline: string | null }>
  const statusCounts: NoticeSummary['statusCounts'] = {}
  let overdueCount = 0
  const day = today(ctx)
  for (const s of states) {
    statusCounts[s.status] = (statusCounts[s.status] ?? 0) + 1
    if (isOverdue(s.status, s.deadline, day)) overdueCount++
  }
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    seq: row.seq,
    unitId: row.unit_id,
    unitName: row.unit_name ?? document.unitName,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    deadline: row.deadline,
    itemCount: document.items.length,
    statusCounts,
    overdueCount,
    createdAt: row.created_at,
    document,
  }
}

export function getNotice(ctx: CoreContext, id: number): NoticeSummary & { document: NoticeDocument } {
  const row = ctx.db.prepare(`${noticeSelect} WHERE n.id = ?`).get(id) as NoticeRow | undefined
  if (!row) throw new ApiError('NOT_FOUND', `整改通知书（编号 ${id}）不存在`)
  return toSummary(ctx, row)
}

export function listNotices(ctx: CoreContext, unitId?: number): NoticeSummary[] {
  const rows = (
    unitId
      ? ctx.db.prepare(`${noticeSelect} WHERE n.unit_id = ? ORDER BY n.year DESC, n.seq DESC`).all(unitId)
      : ctx.db.prepare(`${noticeSelect} ORDER BY n.year DESC, n.seq DESC`).all()
  ) as NoticeRow[]
  return rows.map((row) => {
    const { document: _document, ...summary } = toSummary(ctx, row)
    return summary
  })
}
