import type { ParsedInputOf } from '../../../shared/api/contract'
import { citedClauses, findCheck } from '../../../shared/catalog/index'
import type {
  CheckEntry,
  Finding,
  FindingSource,
  Inspection,
  InspectionElement,
} from '../../../shared/domain/inspections'
import type { Severity } from '../../../shared/catalog/types'
import type { Db } from '../db/open-database'
import { siteMatchKey } from '../findings/match-keys'
import { isProblem } from '../../../shared/domain/inspection-status'

/** A check entry is a finding when it fails, or needs review and the inspector confirmed it. */
export function isFinding(entry: CheckEntry): boolean {
  return isProblem(entry.result?.verdict, entry.confirmedFinding)
}

/** The first element of a chain of re-inspections: the same physical ramp keeps one identity. */
export function rootElementId(db: Db, elementId: number): number {
  let current = elementId
  for (let hops = 0; hops < 1000; hops++) {
    const row = db
      .prepare('SELECT previous_element_id AS prev FROM inspection_elements WHERE id = ?')
      .get(current) as { prev: number | null } | undefined
    if (!row || row.prev === null) return current
    current = row.prev
  }
  return current
}

/**
 * A site finding's evidence: what was measured and derived, and the photos of this check (tied to it) followed by
 * those of the whole facility; a photo tied to another check of the facility is that check's evidence, not this
 * one's. photoDetails gives each photo's caption and tie, so a notice can print each photo once with its caption.
 */
export function evidenceOf(element: InspectionElement, entry: CheckEntry): Finding['evidence'] {
  const photos = [
    ...element.photos.filter((p) => p.checkId === entry.checkId),
    ...element.photos.filter((p) => p.checkId === null),
  ]
  return {
    inputs: entry.inputs,
    derived: entry.result?.derived ?? [],
    photos: photos.map((p) => p.sha256),
    photoDetails: photos.map((p) => ({ sha256: p.sha256, caption: p.caption, checkId: p.checkId })),
  }
}

export function createFindingsForInspection(db: Db, inspection: Inspection, now: string): number {
  const unit = db.prepare('SELECT unit_id FROM places WHERE id = ?').get(inspection.placeId) as {
    unit_id: number | null
  }
  const insert = db.prepare(
    `INSERT INTO findings (source, severity, needs_review, title, detail, clauses_json, evidence_json, place_id, unit_id,
       inspection_id, element_id, check_id, match_key, created_at)
     VALUES ('site', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  let count = 0
  for (const element of inspection.elements) {
    for (const entry of Object.values(element.checks)) {
      if (!entry.result || !isFinding(entry)) continue
      const check = findCheck(entry.checkId, inspection.catalogId)
      const result = entry.result
      const detail = [result.explanation, ...(result.reasons ?? []), entry.note ? `备注：${entry.note}` : '']
        .filter(Boolean)
        .join('\n')
      insert.run(
        result.severity,
        result.verdict === 'needs-review' ? 1 : 0,
        `${element.label}：${check?.title ?? entry.checkId}`,
        detail,
        // only the clauses that decided the outcome, with their 款 and figure (never a superseded one)
        JSON.stringify(
          citedClauses(result).map((c) => ({
            code: c.code,
            clause: c.clause,
            mandatory: c.mandatory,
            ...(c.item ? { item: c.item } : {}),
            ...(c.figure ? { figure: c.figure } : {}),
          })),
        ),
        JSON.stringify(evidenceOf(element, entry)),
        inspection.placeId,
        unit.unit_id,
        inspection.id,
        element.id,
        entry.checkId,
        siteMatchKey(inspection.placeId, rootElementId(db, element.id), entry.checkId),
        now,
      )
      count++
    }
  }
  return count
}

interface FindingRow {
  id: number
  source: string
  severity: string
  needs_review: number
  title: string
  detail: string
  clauses_json: string
  evidence_json: string
  place_id: number | null
  place_name: string | null
  unit_id: number | null
  unit_name: string | null
  inspection_id: number | null
  element_id: number | null
  check_id: string | null
  match_key: string
  created_at: string
}

export function listFindings(db: Db, filter: ParsedInputOf<'findings:list'>): Finding[] {
  // Findings of an inspection that was corrected by a submitted revision are superseded by the revision's own.
  const where = [
    `NOT EXISTS (SELECT 1 FROM inspections r WHERE r.revision_of = f.inspection_id AND r.status = 'submitted')`,
  ]
  const params: unknown[] = []
  const add = (sql: string, value: unknown) => {
    where.push(sql)
    params.push(value)
  }
  if (filter.source) add('f.source = ?', filter.source)
  if (filter.placeId) add('f.place_id = ?', filter.placeId)
  if (filter.unitId) add('f.unit_id = ?', filter.unitId)
  if (filter.inspectionId) add('f.inspection_id = ?', filter.inspectionId)
  if (filter.itemId) {
    add('f.id IN (SELECT finding_id FROM rectification_item_findings WHERE item_id = ?)', filter.itemId)
  }
  const rows = db
    .prepare(
      `SELECT f.*, p.name AS place_name, u.name AS unit_name FROM findings f
       LEFT JOIN places p ON p.id = f.place_id LEFT JOIN units u ON u.id = f.unit_id
       WHERE ${where.join(' AND ')} ORDER BY f.id`,
    )
    .all(...params) as FindingRow[]
  return rows.map((r) => ({
    id: r.id,
    source: r.source as FindingSource,
    severity: r.severity as Severity,
    needsReview: r.needs_review === 1,
    title: r.title,
    detail: r.detail,
    clauses: JSON.parse(r.clauses_json) as Finding['clauses'],
    evidence: JSON.parse(r.evidence_json) as Finding['evidence'],
    placeId: r.place_id,
    placeName: r.place_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    inspectionId: r.inspection_id,
    elementId: r.element_id,
    checkId: r.check_id,
    matchKey: r.match_key,
    createdAt: r.created_at,
  }))
}
