import { compareCriterionIds, getCriterion, type WcagLevel } from './wcag-criteria'

/**
 * Where a finding sits in the three rule sets. `gbt37668` lists only clause numbers the reference reports; an
 * empty list means "clause number not verified", not "no GB/T 37668 requirement" (see `sourceNote`).
 */
export interface ClauseRefs {
  wcag: string[]
  gbt37668: string[]
  /** Strictest (lowest) WCAG level involved; null for best practice and non-WCAG items. */
  level: WcagLevel | null
  /** Ids into `ageingRules`. */
  ageing: string[]
}

const LEVEL_RANK: Readonly<Record<WcagLevel, number>> = { A: 0, AA: 1, AAA: 2 }

export function lowestLevel(levels: ReadonlyArray<WcagLevel | null | undefined>): WcagLevel | null {
  let best: WcagLevel | null = null
  for (const l of levels) if (l && (best === null || LEVEL_RANK[l] < LEVEL_RANK[best])) best = l
  return best
}

function uniq(values: Iterable<string>): string[] {
  return [...new Set(values)]
}

/**
 * Builds refs from WCAG SC ids: unknown ids are dropped, GB clauses and 适老化 rules come from the criteria
 * table; `extra` adds refs that have no WCAG SC (e.g. GB-only clauses).
 */
export function refsForCriteria(ids: Iterable<string>, extra: Partial<ClauseRefs> = {}): ClauseRefs {
  const criteria = uniq(ids)
    .map((id) => getCriterion(id))
    .filter((c) => c !== undefined)
    .sort((a, b) => compareCriterionIds(a.id, b.id))
  return {
    wcag: criteria.map((c) => c.id),
    gbt37668: uniq([...criteria.flatMap((c) => c.gbt37668), ...(extra.gbt37668 ?? [])]),
    level: extra.level !== undefined ? extra.level : lowestLevel(criteria.map((c) => c.level)),
    ageing: uniq([...criteria.flatMap((c) => c.ageing), ...(extra.ageing ?? [])]),
  }
}

/** 'wcag111' → '1.1.1', 'wcag1412' → '1.4.12'; null for any other tag. */
export function scFromAxeTag(tag: string): string | null {
  const m = /^wcag(\d)(\d)(\d+)$/.exec(tag)
  return m ? `${m[1]}.${m[2]}.${Number(m[3])}` : null
}

/** 'wcag2a' / 'wcag21a' / 'wcag2a-obsolete' → 'A', 'wcag22aa' → 'AA', 'wcag2aaa' → 'AAA'; else null. */
export function levelFromAxeTag(tag: string): WcagLevel | null {
  const m = /^wcag2\d?(a{1,3})(-obsolete)?$/.exec(tag)
  if (!m) return null
  return m[1] === 'a' ? 'A' : m[1] === 'aa' ? 'AA' : 'AAA'
}
