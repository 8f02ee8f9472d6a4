import { categories, categoryLabel } from './categories'
import { formatRange, readingTolerances, units } from './units'
import type { Catalog, ClauseRef, CodeInfo, InputDefinition, LimitSpec, Severity, UnitId } from './types'
import { severityLabels } from '../format/index'

// One severity scale for every screen, document and the CLI (shared/format).
export { severityLabels } from '../format/index'

// ── JSON description (no functions; safe to JSON.stringify) ──

export interface InputJson {
  id: string
  label: string
  kind: InputDefinition['kind']
  optional: boolean
  hint?: string
  unit?: string
  unitLabel?: string
  allowedUnits?: string[]
  min?: number
  max?: number
  step?: number
  options?: { id: string; label: string }[]
  /** Selects which requirement applies; judged for every option while blank (fail first). */
  context?: boolean
  /** The input's own measuring tolerance, when it differs from its unit's (see CatalogJson.tolerances). */
  tolerance?: { amount: number; source: string }
}

export interface CheckJson {
  id: string
  category: string
  categoryLabel: string
  title: string
  requirement: string
  severity: Severity
  clauses: ClauseRef[]
  inputs: InputJson[]
  requires?: string[][]
  appliesWhen?: string
  /** Context inputs' options from the least to the most demanding. */
  leniency?: Record<string, (string | boolean)[]>
  /** One cause, one failure: what this check leaves to another check of the same element. */
  defersTo?: { checkId: string; what: string }[]
  /** Single-reading limits as data. */
  limits?: LimitSpec[]
}

export interface CatalogJson {
  id: string
  name: string
  version: string
  locale: string
  codes: CodeInfo[]
  categories: { id: string; label: string; order: number }[]
  /** Measuring tolerance by the unit a reading is typed in (a reading beyond a limit by less is needs-review). */
  tolerances: { unit: UnitId; amount: number; in: UnitId; source: string }[]
  checks: CheckJson[]
}

function inputToJson(def: InputDefinition): InputJson {
  const base: InputJson = { id: def.id, label: def.label, kind: def.kind, optional: def.optional === true }
  if (def.hint !== undefined) base.hint = def.hint
  if (def.kind === 'boolean') return def.context ? { ...base, context: true } : base
  if (def.kind === 'choice')
    return {
      ...base,
      options: def.options.map((o) => ({ id: o.id, label: o.label })),
      ...(def.context ? { context: true } : {}),
    }
  const out: InputJson = {
    ...base,
    unit: def.unit,
    unitLabel: units[def.unit].label,
    allowedUnits: [...def.allowedUnits],
    min: def.min,
    max: def.max,
  }
  if (def.step !== undefined) out.step = def.step
  if (def.tolerance) out.tolerance = { ...def.tolerance }
  return out
}

function clauseToJson(c: ClauseRef): ClauseRef {
  const out: ClauseRef = {
    code: c.code,
    clause: c.clause,
    mandatory: c.mandatory,
    level: c.level,
    confidence: c.confidence,
  }
  if (c.item !== undefined) out.item = c.item
  if (c.supersededBy !== undefined) out.supersededBy = c.supersededBy
  if (c.note !== undefined) out.note = c.note
  if (c.figure !== undefined) out.figure = c.figure
  return out
}

/** A plain, JSON-serialisable description of a catalog (for `access-audit catalog --json` and the UI). */
export function catalogToJson(catalog: Catalog): CatalogJson {
  const used = new Set<string>(catalog.categories)
  return {
    id: catalog.id,
    name: catalog.name,
    version: catalog.version,
    locale: catalog.locale,
    codes: catalog.codes.map((c) => ({ ...c })),
    categories: categories
      .filter((c) => used.has(c.id))
      .map((c) => ({ id: c.id, label: c.label, order: c.order })),
    tolerances: Object.entries(readingTolerances).map(([unit, t]) => ({ unit: unit as UnitId, ...t })),
    checks: catalog.checks.map((check) => {
      const out: CheckJson = {
        id: check.id,
        category: check.category,
        categoryLabel: categoryLabel(check.category),
        title: check.title,
        requirement: check.requirement,
        severity: check.severity,
        clauses: check.clauses.map(clauseToJson),
        inputs: check.inputs.map(inputToJson),
      }
      if (check.requires) out.requires = check.requires.map((set) => [...set])
      if (check.appliesWhen) out.appliesWhen = check.appliesWhen.description
      if (check.leniency)
        out.leniency = Object.fromEntries(Object.entries(check.leniency).map(([k, v]) => [k, [...v]]))
      if (check.defersTo) out.defersTo = check.defersTo.map((d) => ({ ...d }))
      if (check.limits) out.limits = check.limits.map((l) => ({ ...l }))
      return out
    }),
  }
}

// ── plain-text table ──

/** Terminal columns a string occupies (CJK and full-width forms count 2). */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6)
    w += wide ? 2 : 1
  }
  return w
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (displayWidth(line + ch) > width) {
      lines.push(line)
      line = ch.trim() ? ch : ''
    } else line += ch
  }
  if (line || !lines.length) lines.push(line)
  return lines
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)))
}

export function formatClause(c: ClauseRef): string {
  const item = c.item ? `第${c.item}款` : ''
  return `${c.code} 第${c.clause}条${item}`
}

function clauseCell(c: ClauseRef): string {
  const flags = [
    c.supersededBy ? '已取代' : '',
    c.confidence === 'low' ? '数值待核对' : '',
    c.level === 'A' ? '宜' : '',
  ]
    .filter(Boolean)
    .join('，')
  return `${c.mandatory ? '★' : ' '}${formatClause(c)}${flags ? `（${flags}）` : ''}`
}

function inputCell(def: InputDefinition): string {
  const opt = def.optional ? '，选填' : ''
  const ctx = (def.kind === 'boolean' || def.kind === 'choice') && def.context ? '，适用情形' : ''
  if (def.kind === 'boolean') return `${def.label}（是/否${opt}${ctx}）`
  if (def.kind === 'choice') return `${def.label}（${def.options.map((o) => o.label).join('/')}${opt}${ctx}）`
  const range = formatRange(def.min, def.max, def.unit)
  if (def.allowedUnits.length === 1) return `${def.label}（${range}${opt}）`
  const sym = def.allowedUnits.map((u) => units[u].symbol).join('/')
  return `${def.label}（${sym}；${range}${opt}）`
}

export interface TableOptions {
  /** Wrap width (terminal columns) of the title and inputs columns. */
  titleWidth?: number
  inputsWidth?: number
}

/** A readable plain-text table of a catalog for a terminal; ★ marks mandatory clauses. */
export function formatCatalogTable(catalog: Catalog, options: TableOptions = {}): string {
  const titleWidth = options.titleWidth ?? 24
  const inputsWidth = options.inputsWidth ?? 44
  const header = ['编号', '类别', '标题', '输入项（单位；合理范围）', '条款', '严重程度']
  const rows = catalog.checks.map((c) => [
    [c.id],
    [categoryLabel(c.category)],
    [
      ...wrap(c.title, titleWidth),
      ...(c.defersTo ?? []).flatMap((d) => wrap(`（${d.what}由 ${d.checkId} 判定）`, titleWidth)),
    ],
    c.inputs.flatMap((i) => wrap(inputCell(i), inputsWidth)),
    c.clauses.map(clauseCell),
    [severityLabels[c.severity]],
  ])
  const widths = header.map((h, col) =>
    Math.max(displayWidth(h), ...rows.flatMap((r) => r[col]!.map((line) => displayWidth(line)))),
  )
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-')
  const renderRow = (cells: string[][]) => {
    const height = Math.max(...cells.map((c) => c.length))
    const out: string[] = []
    for (let i = 0; i < height; i++)
      out.push(
        cells
          .map((c, col) => pad(c[i] ?? '', widths[col]!))
          .join(' | ')
          .trimEnd(),
      )
    return out
  }
  const tolerance = Object.entries(readingTolerances)
    .filter(([unit, t]) => t.amount > 0 && (unit === 'mm' || unit === '%' || unit === 'deg' || t.in === unit))
    .map(([, t]) => t.source)
  const lines = [
    `${catalog.name}`,
    `目录编号 ${catalog.id}，版本 ${catalog.version}，共 ${catalog.checks.length} 项检查`,
    '★ 强制性条文；（已取代）旧条文仅供参考，不作为判定依据；（数值待核对）数值尚未与规范原文核对，不判为不合格，结论为待复核；（宜）建议性条文，只作提示',
    '判定：合格 / 不合格 / 待复核（须由专家判断）/ 未填写 / 不适用；已填写的值无论空白项如何填写都不合格时即判不合格（“适用情形”空白时按每一种情形判断）',
    `测量误差：${[...new Set(tolerance)].join('；')}；测得值超出限值但差值小于测量误差时判为待复核`,
    '',
    ...renderRow(header.map((h) => [h])),
    rule,
  ]
  for (const r of rows) lines.push(...renderRow(r), rule)
  return lines.join('\n')
}
