import { findCheck } from '../../../shared/catalog/index'
import type { Severity } from '../../../shared/catalog/types'
import type { ClauseRef, EvidenceRef, ItemElement } from '../../../shared/domain/rectification'
import { manualChecks } from '../../../shared/web/manual-checks'
import { getCriterion } from '../../../shared/web/wcag-criteria'
import { manualCheckIdOf, webRuleIdOf } from '../findings/match-keys'

/**
 * What an item says (where, what was found, what to do, clauses, elements, evidence), derived from its findings
 * each time it is read, so a re-inspection's newer measurement or a re-run's newer snippet shows up at once.
 * A notice freezes this content in its snapshot when it is issued.
 */

/** One linked finding with what the derivation needs from its inspection/element. */
export interface LinkedFinding {
  id: number
  itemId: number
  source: 'site' | 'web'
  severity: Severity
  title: string
  detail: string
  clausesJson: string
  evidenceJson: string
  checkId: string | null
  matchKey: string
  elementLabel: string | null
  catalogId: string | null
  inspectionId: number | null
  inspectedOn: string | null
  auditRunId: number | null
  createdAt: string
  /** False for a finding of an inspection replaced by a submitted correction (its revision's finding stands). */
  stands: boolean
}

export interface ItemContent {
  location: string
  found: string
  remedy: string
  clauses: ClauseRef[]
  elements: ItemElement[]
  elementCount: number
  evidence: EvidenceRef[]
}

export interface ItemIdentity {
  source: 'site' | 'web'
  groupKey: string
  title: string
  placeName: string | null
  portalName: string | null
}

/** Elements listed on an item (the rest are counted); evidence images per item. */
export const maxListedElements = 10
export const maxEvidencePerItem = 6

const severityRank: Record<Severity, number> = { critical: 0, major: 1, minor: 2 }

export function worstSeverity(values: Iterable<Severity>): Severity {
  let worst: Severity = 'minor'
  for (const value of values) if (severityRank[value] < severityRank[worst]) worst = value
  return worst
}

export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank[a] - severityRank[b]
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

/** A clause list as a finding records it (its clauses_json). */
export type ClauseSource = Pick<LinkedFinding, 'clausesJson'>

export function unionClauses(sources: readonly ClauseSource[]): ClauseRef[] {
  const seen = new Map<string, ClauseRef>()
  for (const source of sources) {
    for (const c of parseJson<ClauseRef[]>(source.clausesJson, [])) {
      const key = `${c.code}|${c.clause}`
      const known = seen.get(key)
      if (!known) seen.set(key, { code: c.code, clause: c.clause, mandatory: Boolean(c.mandatory) })
      else if (c.mandatory) known.mandatory = true
    }
  }
  return [...seen.values()]
}

/** Web findings' rule id: the finding's check id, else the rule segment of its match key. */
export function ruleIdOf(finding: { checkId: string | null; matchKey: string }): string {
  if (finding.checkId) return finding.checkId
  return webRuleIdOf(finding.matchKey)
}

function latest(findings: readonly LinkedFinding[]): LinkedFinding | undefined {
  return findings[findings.length - 1]
}

function siteContent(
  item: ItemIdentity,
  findings: readonly LinkedFinding[],
  clauseSources: readonly ClauseSource[],
): ItemContent {
  const last = latest(findings)
  const elementLabel = last?.elementLabel ?? item.title.split('：')[0] ?? item.title
  const check = last?.checkId ? findCheck(last.checkId, last.catalogId ?? undefined) : undefined
  const photos: string[] = []
  // Newest photos first: they show the state the notice asks to fix.
  for (const finding of [...findings].reverse()) {
    const evidence = parseJson<{ photos?: unknown }>(finding.evidenceJson, {})
    if (!Array.isArray(evidence.photos)) continue
    for (const sha of evidence.photos) {
      if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) && !photos.includes(sha)) photos.push(sha)
    }
  }
  return {
    location: item.placeName ? `${item.placeName}·${elementLabel}` : elementLabel,
    found: last?.detail ?? '',
    remedy: check?.requirement ?? '',
    clauses: unionClauses(clauseSources),
    elements: [{ label: elementLabel }],
    elementCount: 1,
    evidence: photos.slice(0, maxEvidencePerItem).map((ref) => ({ kind: 'photo', ref })),
  }
}

/** The rule's help text: the finding title without its "（rule-id）" suffix. */
function ruleHelp(title: string, ruleId: string): string {
  const suffix = `（${ruleId}）`
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title
}

/**
 * Detail lines written by web-findings.ts: description, then the node's fix summary, then context lines, the
 * last one the rule's help page (参考：<url>).
 */
function detailParts(detail: string): {
  description: string
  fixSummary: string | null
  helpUrl: string | null
} {
  const lines = detail.split('\n').filter(Boolean)
  const second = lines[1]
  const isContext = (line: string) => /^(需人工复核|页面：|本页共|参考：)/.test(line)
  const reference = lines
    .find((line) => line.startsWith('参考：'))
    ?.slice('参考：'.length)
    .trim()
  return {
    description: lines[0] ?? '',
    fixSummary: second && !isContext(second) ? second : null,
    helpUrl: reference && /^https?:\/\//.test(reference) ? reference : null,
  }
}

/**
 * What the unit must do, in words it can act on: the rule's requirement, how to fix the element (axe's zh-CN
 * summary), the success criteria to meet by their Chinese names, and where the fix is explained.
 */
function webRemedy(
  help: string,
  parts: ReturnType<typeof detailParts>,
  clauses: readonly ClauseRef[],
): string {
  const criteria = clauses
    .filter((c) => c.code.startsWith('WCAG'))
    .map((c) => getCriterion(c.clause))
    .filter((c) => c !== undefined)
    .map((c) => `${c.id}“${c.nameZh}”（${c.level} 级）`)
  return [
    help,
    parts.fixSummary,
    criteria.length ? `整改后应达到 WCAG 成功准则 ${criteria.join('、')}` : null,
    parts.helpUrl ? `修改方法参见：${parts.helpUrl}` : null,
  ]
    .filter(Boolean)
    .join('。')
}

function manualContent(
  item: ItemIdentity,
  findings: readonly LinkedFinding[],
  clauseSources: readonly ClauseSource[],
  checkId: string,
): ItemContent {
  const check = manualChecks.find((c) => c.id === checkId)
  const last = latest(findings)
  const clauses = findings.length
    ? unionClauses(clauseSources)
    : [
        ...(check?.refs.wcag ?? []).map((c) => ({ code: 'WCAG 2.2', clause: c, mandatory: false })),
        ...(check?.refs.gbt37668 ?? []).map((c) => ({
          code: 'GB/T 37668-2019',
          clause: c,
          mandatory: false,
        })),
      ]
  return {
    location: `${item.portalName ?? ''}（人工检查）`,
    found: last?.detail ?? check?.promptZh ?? '',
    remedy: check ? `按“${check.titleZh}”的要求整改：${check.promptZh}` : '',
    clauses,
    elements: [],
    elementCount: 0,
    evidence: [],
  }
}

function webContent(
  item: ItemIdentity,
  findings: readonly LinkedFinding[],
  fixedKeys: ReadonlySet<string>,
  clauseSources: readonly ClauseSource[],
): ItemContent {
  const manual = manualCheckIdOf(item.groupKey)
  if (manual) return manualContent(item, findings, clauseSources, manual)
  // The same element found in several runs is one element: keep its newest finding.
  const byKey = new Map<string, LinkedFinding>()
  for (const finding of findings) {
    byKey.delete(finding.matchKey)
    byKey.set(finding.matchKey, finding)
  }
  const all = [...byKey.values()]
  // Elements the latest run shows fixed are not asked for again. When all of them are, the item itself awaits
  // the inspector's verification: its elements stay listed, marked as no longer found, rather than vanishing.
  const stillReported = all.filter((f) => !fixedKeys.has(f.matchKey))
  const allFixed = all.length > 0 && stillReported.length === 0
  const current = allFixed ? all : stillReported
  const elements: ItemElement[] = []
  const evidence: EvidenceRef[] = []
  const pages = new Set<string>()
  for (const finding of current) {
    const e = parseJson<{ pageUrl?: string; selector?: string; html?: string; screenshot?: string }>(
      finding.evidenceJson,
      {},
    )
    if (e.pageUrl) pages.add(e.pageUrl)
    if (elements.length < maxListedElements) {
      elements.push({ pageUrl: e.pageUrl ?? '', selector: e.selector ?? '', html: e.html ?? '' })
    }
    if (e.screenshot && evidence.length < maxEvidencePerItem && !e.screenshot.includes('..')) {
      evidence.push({ kind: 'screenshot', ref: e.screenshot })
    }
  }
  const last = latest(findings)
  const parts = detailParts(last?.detail ?? '')
  const ruleId = last ? ruleIdOf(last) : ''
  const help = last ? ruleHelp(last.title, ruleId) : item.title
  const clauses = unionClauses(clauseSources)
  const portal = item.portalName ?? ''
  const location =
    pages.size === 1 ? `${portal}（页面：${[...pages][0]}）` : `${portal}（${pages.size} 个页面）`
  return {
    location,
    found: [
      current.length > 1 ? `${parts.description}（共 ${current.length} 处）` : parts.description,
      allFixed ? '（最近一次检测已不再发现，待核验）' : '',
    ].join(''),
    remedy: webRemedy(help, parts, clauses),
    clauses,
    elements,
    elementCount: current.length,
    evidence,
  }
}

/**
 * Findings must come oldest first (item-rows.ts linkedFindings). `fixedKeys`: the match keys of web elements the
 * portal's latest run shows fixed (web-element-status.ts). `clauseSources`: the clause lists whose union are the
 * item's clauses, in the order they were first found — the findings' own unless the caller passes only each web
 * element's newest finding (item-rows.ts), which would lose a list an element had in an earlier run.
 */
export function itemContent(
  item: ItemIdentity,
  findings: readonly LinkedFinding[],
  fixedKeys: ReadonlySet<string> = new Set(),
  clauseSources: readonly ClauseSource[] = findings,
): ItemContent {
  return item.source === 'site'
    ? siteContent(item, findings, clauseSources)
    : webContent(item, findings, fixedKeys, clauseSources)
}
