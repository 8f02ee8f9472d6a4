import type { ClauseRefs } from './clause-refs'
import { getGbClause } from './gbt37668-clauses'
import { compareCriterionIds, getCriterion } from './wcag-criteria'

/**
 * Where an automatic rule, own check, document rule or manual item sits in GB/T 37668-2019, derived from its
 * refs: principle (可感知性 … 兼容性) → section of chapter 3 → 技术要求 clause. The principle follows from the
 * WCAG SC (GB/T 37668 shares WCAG's four principles); the chapter-3 section per principle is inferred from the
 * reported clause numbers; clause numbers are those the reference reports (gbt37668-clauses.ts). How sure each
 * part is stays in the data (`status`, `sectionConfirmed`), never in user-facing text: a report prints the clause
 * when there is one and leaves the cell empty otherwise.
 */

export type GbPrinciple = '可感知性' | '可操作性' | '可理解性' | '兼容性'

/**
 * reported: every WCAG SC involved has a reported clause (single secondary source, not read in the standard);
 * partly-reported: some do; unverified: GB/T 37668 has the requirement (its SCs predate it) but no clause number
 * is known; postdates: only WCAG 2.2 SCs, which the 2019 standard predates; none: no WCAG SC and no clause (best
 * practice, 适老化-only items).
 */
export type GbMappingStatus = 'reported' | 'partly-reported' | 'unverified' | 'postdates' | 'none'

export interface Gbt37668Mapping {
  principle: GbPrinciple | null
  /** Chapter-3 section of the principle ('3.2' …); inferred from reported clause numbers, never confirmed. */
  section: string | null
  sectionConfirmed: false
  /** Reported clause numbers, in order. */
  clauses: string[]
  status: GbMappingStatus
}

export const gbPrinciples: ReadonlyArray<{ principle: GbPrinciple; wcag: string; section: string }> = [
  { principle: '可感知性', wcag: '1', section: '3.2' },
  { principle: '可操作性', wcag: '2', section: '3.3' },
  { principle: '可理解性', wcag: '3', section: '3.4' },
  { principle: '兼容性', wcag: '4', section: '3.5' },
]

function principleOf(refs: Pick<ClauseRefs, 'wcag' | 'gbt37668'>) {
  const first = [...refs.wcag].sort(compareCriterionIds)[0]
  if (first) return gbPrinciples.find((p) => p.wcag === first.split('.')[0]) ?? null
  const clause = refs.gbt37668[0]
  return clause ? (gbPrinciples.find((p) => clause.startsWith(`${p.section}.`)) ?? null) : null
}

export function gbt37668MappingOf(refs: Pick<ClauseRefs, 'wcag' | 'gbt37668'>): Gbt37668Mapping {
  const p = principleOf(refs)
  const clauses = [...new Set(refs.gbt37668)].sort(compareCriterionIds)
  const criteria = refs.wcag.map((id) => getCriterion(id)).filter((c) => c !== undefined)
  const pre22 = criteria.filter((c) => c.gbt37668Status !== 'postdates')
  const withClause = pre22.filter((c) => c.gbt37668Status === 'reported')
  let status: GbMappingStatus
  if (criteria.length === 0) status = clauses.length > 0 ? 'reported' : 'none'
  else if (pre22.length === 0) status = clauses.length > 0 ? 'reported' : 'postdates'
  else if (withClause.length === pre22.length) status = 'reported'
  else status = withClause.length > 0 || clauses.length > 0 ? 'partly-reported' : 'unverified'
  return {
    principle: p?.principle ?? null,
    section: p?.section ?? null,
    sectionConfirmed: false,
    clauses,
    status,
  }
}

/** zh-CN title of a reported clause, for reports ('3.2.1.3 非文本控件：…'). */
export function gbClauseLabel(id: string): string {
  const clause = getGbClause(id)
  return clause ? `${id} ${clause.titleZh.split('：')[0]}` : id
}

/**
 * Order of a conformance report: by principle (items with none last), then by the first WCAG SC, then by the
 * first GB/T 37668 clause (GB-only items after the WCAG ones of their principle), then by id.
 */
export function compareByClause(
  a: { refs: Pick<ClauseRefs, 'wcag' | 'gbt37668'>; id: string },
  b: { refs: Pick<ClauseRefs, 'wcag' | 'gbt37668'>; id: string },
): number {
  const rank = (r: Pick<ClauseRefs, 'wcag' | 'gbt37668'>) => {
    const p = principleOf(r)
    return p ? gbPrinciples.indexOf(p) : gbPrinciples.length
  }
  const firstSc = (r: Pick<ClauseRefs, 'wcag'>) => [...r.wcag].sort(compareCriterionIds)[0] ?? null
  const firstGb = (r: Pick<ClauseRefs, 'gbt37668'>) => [...r.gbt37668].sort(compareCriterionIds)[0] ?? null
  const d = rank(a.refs) - rank(b.refs)
  if (d !== 0) return d
  const sa = firstSc(a.refs)
  const sb = firstSc(b.refs)
  if (sa !== sb) {
    if (sa === null) return 1
    if (sb === null) return -1
    const c = compareCriterionIds(sa, sb)
    if (c !== 0) return c
  }
  const ga = firstGb(a.refs)
  const gb = firstGb(b.refs)
  if (ga !== gb) {
    if (ga === null) return 1
    if (gb === null) return -1
    const c = compareCriterionIds(ga, gb)
    if (c !== 0) return c
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
