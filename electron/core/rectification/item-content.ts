import { findCheck } from '../../../shared/catalog/index'
import type { Severity } from '../../../shared/catalog/types'
import type { ClauseRef, EvidenceRef, ItemElement } from '../../../shared/domain/rectification'
import { manualChecks, type ManualCheck } from '../../../shared/web/manual-checks'
import { getRuleOverlap, type RuleOverlap } from '../../../shared/web/rule-overlaps'
import { webRuleText } from '../../../shared/web/rule-texts'
import { getCriterion } from '../../../shared/web/wcag-criteria'
import { joinSentences, sentence } from '../../../shared/domain/zh-sentences'
import { manualCheckIdOf, parseMatchKey, webRuleIdOf } from '../findings/match-keys'

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
  /** What the item is called wherever it is shown (web: the team's own name of the problem, never a rule id). */
  title: string
  location: string
  found: string
  remedy: string
  clauses: ClauseRef[]
  elements: ItemElement[]
  elementCount: number
  evidence: EvidenceRef[]
  /** Web: every rule that reported the item's findings (several when overlapping rules were merged). */
  ruleIds: string[]
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
      const item = trimmed(c.item)
      const figure = trimmed(c.figure)
      // One clause and 款 is cited once; the figures its findings were judged against are all kept.
      const key = `${c.code}|${c.clause}|${item ?? ''}`
      const known = seen.get(key)
      if (!known) {
        seen.set(key, {
          code: c.code,
          clause: c.clause,
          ...(item ? { item } : {}),
          ...(figure ? { figure } : {}),
          mandatory: Boolean(c.mandatory),
        })
        continue
      }
      if (c.mandatory) known.mandatory = true
      if (figure) known.figure = joinFigures(known.figure, figure)
    }
  }
  return [...seen.values()]
}

function trimmed(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

function joinFigures(known: string | undefined, added: string): string {
  const parts = new Set([...(known ? known.split('；') : []), ...added.split('；')].map((p) => p.trim()))
  parts.delete('')
  return [...parts].join('；')
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
    title: item.title,
    location: item.placeName ? `${item.placeName}·${elementLabel}` : elementLabel,
    found: last?.detail ?? '',
    remedy: check?.requirement ?? '',
    clauses: unionClauses(clauseSources),
    elements: [{ label: elementLabel }],
    elementCount: 1,
    evidence: photos.slice(0, maxEvidencePerItem).map((ref) => ({ kind: 'photo', ref })),
    ruleIds: [],
  }
}

/** The finding title without the "（rule-id）" suffix web-findings.ts gives it. */
function withoutRuleSuffix(title: string, ruleId: string): string {
  const suffix = `（${ruleId}）`
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title
}

/**
 * The second line of a web finding's detail (web-findings.ts: description, the node's message, context lines):
 * the node's message. Only an own check's message is plain zh-CN about the element ("文字与背景对比度 2.5:1，低于
 * 4.5:1"); axe's ("修复以下任一问题：" and check texts) speaks to a developer using axe and is never shown.
 */
function ownNodeMessage(detail: string, ruleId: string): string | null {
  if (!ruleId.startsWith('aa-')) return null
  const second = detail.split('\n').filter(Boolean)[1]
  if (!second || /^(需人工复核|页面：|本页共|参考：)/.test(second)) return null
  return second.trim() || null
}

/** The defect group of a web item's defect key, or undefined. */
export function overlapOfGroupKey(groupKey: string): RuleOverlap | undefined {
  const key = parseMatchKey(groupKey)
  return key?.kind === 'web-defect' ? getRuleOverlap(key.groupId) : undefined
}

/** The rule of a web item's rule key, or null. */
function ruleOfGroupKey(groupKey: string): string | null {
  const key = parseMatchKey(groupKey)
  return key?.kind === 'web-rule' ? key.ruleId : null
}

/**
 * The name and remedy of a web item: its defect group's, else its rule's (shared/web/rule-texts.ts), else — a rule
 * the table does not know, e.g. after an axe upgrade — the finding's own title without the rule id.
 */
function webTexts(item: ItemIdentity): { title: string; remedy: string | null } {
  const group = overlapOfGroupKey(item.groupKey)
  if (group) return { title: group.title, remedy: group.remedy }
  const rule = ruleOfGroupKey(item.groupKey)
  const text = rule ? webRuleText(rule) : undefined
  if (text) return { title: text.title, remedy: text.remedy }
  return { title: rule ? withoutRuleSuffix(item.title, rule) : item.title, remedy: null }
}

/**
 * The title an item is stored with: a web item's name of the problem (never "…（rule-id）"), a manual check's
 * "…不符合要求（人工检查）", a site finding's own title.
 */
export function itemTitleOf(source: 'site' | 'web', groupKey: string, findingTitle: string): string {
  if (source === 'site') return findingTitle
  const manual = manualCheckIdOf(groupKey)
  if (manual)
    return manualTitle(
      manualChecks.find((c) => c.id === manual),
      findingTitle,
    )
  return webTexts({ source, groupKey, title: findingTitle, placeName: null, portalName: null }).title
}

/** "WCAG 2.2 成功准则 1.1.1“非文本内容”（A 级）", or the check's own name for checks outside WCAG. */
function manualRequirement(check: ManualCheck): string {
  const criterion = check.criterion ? getCriterion(check.criterion) : undefined
  if (criterion) return `WCAG 2.2 成功准则 ${criterion.id}“${criterion.nameZh}”（${criterion.level} 级）`
  return `“${check.titleZh}”`
}

/** A manual check's title as the item shows it: "非文本内容不符合要求（人工检查）". */
function manualTitle(check: ManualCheck | undefined, fallback: string): string {
  return check ? `${check.titleZh}不符合要求（人工检查）` : fallback
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
  // The inspector's record is what the unit reads (manual-answers.ts writes it as 检查记录：…); the check's
  // prompt is guidance for the inspector.
  const record = (last?.detail ?? '')
    .split('\n')
    .find((line) => line.startsWith('检查记录：'))
    ?.slice('检查记录：'.length)
    .trim()
  return {
    title: manualTitle(check, item.title),
    location: `${item.portalName ?? ''}（人工检查）`,
    found: record ? sentence(record) : '人工检查发现不符合要求。',
    remedy: check ? `请按${manualRequirement(check)}的要求整改${record ? '上述问题' : ''}。` : '',
    clauses,
    elements: [],
    elementCount: 0,
    evidence: [],
    ruleIds: [],
  }
}

interface ElementEntry {
  newest: LinkedFinding
  pageUrl: string
  /** Still reported by the latest run (by any of its findings). */
  current: boolean
  rules: Set<string>
}

/** Where the element is, for counting it once: the page (page-level defects) or the page and the element. */
function elementIdentity(
  finding: LinkedFinding,
  pageUrl: string,
  scope: 'page' | 'element' | 'rule',
): string {
  if (scope === 'rule') return finding.matchKey
  const fingerprint = finding.matchKey.slice(finding.matchKey.lastIndexOf(':') + 1)
  return scope === 'page' ? `page|${pageUrl}` : `element|${pageUrl}|${fingerprint}`
}

function webContent(
  item: ItemIdentity,
  findings: readonly LinkedFinding[],
  fixedKeys: ReadonlySet<string>,
  clauseSources: readonly ClauseSource[],
): ItemContent {
  const manual = manualCheckIdOf(item.groupKey)
  if (manual) return manualContent(item, findings, clauseSources, manual)
  const group = overlapOfGroupKey(item.groupKey)
  const scope = group?.scope ?? 'rule'
  // The same element found in several runs (or, for a defect group, by several rules) is one element: its newest
  // finding speaks for it; it is still wrong while any of its findings is (the latest run did not show it fixed).
  const byElement = new Map<string, ElementEntry>()
  // Two rules fingerprint one element differently (an element's features, a source line): in a defect group, an
  // element another rule already reported with the same code on the same page is that element.
  const byQuote = new Map<string, string>()
  for (const finding of findings) {
    const e = parseJson<{ pageUrl?: string; html?: string }>(finding.evidenceJson, {})
    const pageUrl = e.pageUrl ?? ''
    const rule = ruleIdOf(finding)
    let key = elementIdentity(finding, pageUrl, scope)
    const quote = scope === 'element' && e.html ? `${pageUrl}|${e.html.replace(/\s+/g, ' ').trim()}` : null
    const quoted = quote ? byQuote.get(quote) : undefined
    if (quoted && quoted !== key && !byElement.get(quoted)?.rules.has(rule)) key = quoted
    else if (quote && !quoted) byQuote.set(quote, key)
    const known = byElement.get(key)
    const current = !fixedKeys.has(finding.matchKey) || Boolean(known?.current)
    byElement.delete(key)
    byElement.set(key, { newest: finding, pageUrl, current, rules: new Set([...(known?.rules ?? []), rule]) })
  }
  const all = [...byElement.values()]
  // Elements the latest run shows fixed are not asked for again. When all of them are, the item itself awaits
  // the inspector's verification: its elements stay listed, marked as no longer found, rather than vanishing.
  const stillReported = all.filter((e) => e.current)
  const allFixed = all.length > 0 && stillReported.length === 0
  const current = allFixed ? all : stillReported
  const elements: ItemElement[] = []
  const evidence: EvidenceRef[] = []
  const pages = new Set<string>()
  for (const { newest } of current) {
    const e = parseJson<{ pageUrl?: string; selector?: string; html?: string; screenshot?: string }>(
      newest.evidenceJson,
      {},
    )
    if (e.pageUrl) pages.add(e.pageUrl)
    if (elements.length < maxListedElements) {
      elements.push({ pageUrl: e.pageUrl ?? '', selector: e.selector ?? '', html: e.html ?? '' })
    }
    if (e.screenshot && evidence.length < maxEvidencePerItem && !e.screenshot.includes('..')) {
      evidence.push({ kind: 'screenshot', ref: e.screenshot, ...(e.pageUrl ? { pageUrl: e.pageUrl } : {}) })
    }
  }
  const last = latest(findings)
  const texts = webTexts(item)
  const example = last ? ownNodeMessage(last.detail, ruleIdOf(last)) : null
  const count =
    scope === 'page'
      ? `${pages.size}个页面存在此问题`
      : pages.size > 1
        ? `${pages.size}个页面共${current.length}处存在此问题`
        : `共${current.length}处存在此问题`
  const portal = item.portalName ?? ''
  const location =
    pages.size === 1 ? `${portal}（页面：${[...pages][0]}）` : `${portal}（${pages.size} 个页面）`
  const remedy = texts.remedy ?? (last ? sentence(detailDescription(last.detail)) : '')
  return {
    title: texts.title,
    location,
    found: joinSentences([
      current.length > 0 ? count : '',
      example ? `例如：${example}` : '',
      allFixed ? '最近一次检测已不再发现，待核验' : '',
    ]),
    remedy,
    clauses: unionClauses(clauseSources),
    elements,
    elementCount: current.length,
    evidence,
    ruleIds: [...new Set(findings.map(ruleIdOf).filter(Boolean))],
  }
}

/** The first line of a web finding's detail: the rule's description (only for rules without a text of ours). */
function detailDescription(detail: string): string {
  return detail.split('\n').find(Boolean) ?? ''
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
