import { formatChineseDate } from '../../../shared/domain/notice-document'
import { dayOf } from '../../../shared/domain/local-dates'
import type { RectificationItem } from '../../../shared/domain/rectification'
import type { Db } from '../db/open-database'
import type { NoticeFacts } from './notice-snapshot'

/**
 * What a notice needs from the database beyond its items: the day each item was last found (an inspection's date,
 * an audit's day) and the caption of each site photo — the inspector's own when there is one, else the place, the
 * facility and the day it was first recorded.
 */
export function noticeFacts(db: Db, items: readonly RectificationItem[]): NoticeFacts {
  const ids = JSON.stringify(items.map((i) => i.id))
  const found = db
    .prepare(
      `SELECT l.item_id, MAX(ins.inspected_on) AS inspected_on, MAX(f.created_at) AS created_at
       FROM rectification_item_findings l JOIN findings f ON f.id = l.finding_id
       LEFT JOIN inspections ins ON ins.id = f.inspection_id
       WHERE l.item_id IN (SELECT value FROM json_each(?)) GROUP BY l.item_id`,
    )
    .all(ids) as Array<{ item_id: number; inspected_on: string | null; created_at: string | null }>
  const checkedOn = new Map<number, string>()
  for (const row of found) {
    const day = row.inspected_on ?? (row.created_at ? dayOf(row.created_at) : null)
    if (day) checkedOn.set(row.item_id, day)
  }

  const shas = [
    ...new Set(items.flatMap((i) => i.evidence.filter((e) => e.kind === 'photo').map((e) => e.ref))),
  ]
  const rows = db
    .prepare(
      `SELECT ep.sha256, ep.caption, e.label, ins.inspected_on, pl.name AS place_name
       FROM element_photos ep JOIN inspection_elements e ON e.id = ep.element_id
       JOIN inspections ins ON ins.id = e.inspection_id LEFT JOIN places pl ON pl.id = ins.place_id
       WHERE ep.sha256 IN (SELECT value FROM json_each(?))
       ORDER BY ins.inspected_on, ins.id`,
    )
    .all(JSON.stringify(shas)) as Array<{
    sha256: string
    caption: string | null
    label: string
    inspected_on: string
    place_name: string | null
  }>
  const captions = new Map<string, string>()
  const generated = new Map<string, string>()
  for (const row of rows) {
    // The first record of the photo says where and when it was taken; the newest caption typed for it wins.
    if (!generated.has(row.sha256)) {
      const where = [row.place_name, row.label].filter(Boolean).join('·')
      generated.set(row.sha256, `${where}（${formatChineseDate(row.inspected_on)}检查）`)
    }
    const caption = row.caption?.trim()
    if (caption) captions.set(row.sha256, caption)
  }
  return {
    checkedOn,
    photoCaption: (sha) => captions.get(sha) ?? generated.get(sha) ?? '现场照片',
  }
}
