/// <reference lib="dom" />
import { evaluateIn } from '../page-call'
import type { PageHelpers } from '../page-helpers'
import { flagsToOutcomes, MARKS_PROPERTY, type Flag } from './marked-nodes'
import type { CheckContext, OwnOutcome } from './own-check'

/**
 * The table rules: aa-table-headers (data tables without header cells), aa-table-complex-headers (multi-level
 * headers with no scope / headers), aa-layout-table-markup (F46: data markup in a table marked as layout) and
 * aa-nested-table. Telling layout from data is a heuristic (as axe's isDataTable): a verdict needs strong signals,
 * weaker ones give needs-review, and tables axe's own td-has-header already reports are left to it.
 */

export interface TableFacts {
  i: number
  /** role attribute ('' when none). */
  role: string
  rows: number
  cols: number
  /** Share of cells (0–1) holding text. */
  filled: number
  /** Share of non-empty cells that are numbers, dates, amounts or percentages. */
  numeric: number
  /** Share of non-empty cells with more than 80 characters (paragraphs: a layout sign). */
  long: number
  /** Cells holding a form control, a list or several block elements. */
  blocky: number
  th: number
  /** td/th with role columnheader / rowheader. */
  roleHeaders: number
  scope: number
  headersAttr: number
  /** caption, summary attribute, thead or tfoot present. */
  captionOrGroups: boolean
  /** Header rows (rows whose cells are all th). */
  headerRows: number
  /** Rows (after the first) starting with a th. */
  rowHeaders: number
  /** th with colspan or rowspan > 1. */
  spanningHeaders: number
  /** Cells draw visible borders (attribute or CSS). */
  borders: boolean
  /** Tables this one sits in. */
  depth: number
  /** The table it sits in has th, caption, summary, thead or tfoot. */
  parentData: boolean
  containsTable: boolean
  /** axe's td-has-header reports a cell of this table. */
  reportedByAxe: boolean
}

const MARK_KEY = 'tables'

export function gatherTables(_h: PageHelpers, prop: string, key: string, axeCells: string[]): TableFacts[] {
  const w = window as unknown as Record<string, Record<string, Element[]> | undefined>
  if (!w[prop]) Object.defineProperty(w, prop, { value: {}, enumerable: false })
  const marked: Element[] = []
  ;(w[prop] as Record<string, Element[]>)[key] = marked
  const reported = new Set<Element>()
  for (const selector of axeCells) {
    try {
      const cell = document.querySelector(selector)
      const table = cell?.closest('table')
      if (table) reported.add(table)
    } catch {
      // a selector this document cannot parse
    }
  }
  const numeric =
    /^[\s¥$￥€£+\-−]*[\d,，.]+\s*(%|％|元|万元|亿元|人|户|个|件|次|年|月|日|岁|m|km|㎡|平方米)?\s*$|^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?$/
  const out: TableFacts[] = []
  for (const table of Array.from(document.querySelectorAll('table')).slice(0, 300)) {
    const shown =
      typeof table.checkVisibility === 'function'
        ? table.checkVisibility({ visibilityProperty: true })
        : table.getClientRects().length > 0
    if (!shown || table.closest('[aria-hidden="true"]')) continue
    const rows = Array.from(table.rows).filter((r) => r.closest('table') === table)
    let cols = 0
    let cells = 0
    let filled = 0
    let nums = 0
    let long = 0
    let blocky = 0
    let headerRows = 0
    let rowHeaders = 0
    let borders = table.getAttribute('border') !== null && table.getAttribute('border') !== '0'
    rows.forEach((row, r) => {
      const rowCells = Array.from(row.cells)
      cols = Math.max(
        cols,
        rowCells.reduce((n, c) => n + (c.colSpan || 1), 0),
      )
      if (rowCells.length > 0 && rowCells.every((c) => c.localName === 'th')) headerRows++
      else if (r > 0 && rowCells[0]?.localName === 'th') rowHeaders++
      for (const c of rowCells) {
        cells++
        const text = (c.textContent ?? '').replace(/\s+/g, ' ').trim()
        if (text) {
          filled++
          if (numeric.test(text)) nums++
          if (text.length > 80) long++
        }
        if (
          c.querySelector('input, select, textarea, ul, ol, iframe') ||
          c.querySelectorAll('div, p').length > 2
        )
          blocky++
        if (!borders && cells <= 12) {
          const cs = getComputedStyle(c)
          if (parseFloat(cs.borderTopWidth) > 0 && cs.borderTopStyle !== 'none') borders = true
        }
      }
    })
    const own = <T extends Element>(list: NodeListOf<T>): T[] =>
      Array.from(list).filter((e) => e.closest('table') === table)
    const ths = own(table.querySelectorAll('th'))
    let depth = 0
    for (let p = table.parentElement?.closest('table'); p; p = p.parentElement?.closest('table')) depth++
    const parent = table.parentElement?.closest('table')
    const parentData =
      !!parent &&
      (!!parent.caption ||
        parent.hasAttribute('summary') ||
        !!parent.tHead ||
        !!parent.tFoot ||
        Array.from(parent.querySelectorAll('th')).some((th) => th.closest('table') === parent))
    out.push({
      i: marked.push(table) - 1,
      role: (table.getAttribute('role') ?? '').trim().toLowerCase(),
      rows: rows.length,
      cols,
      filled: cells ? filled / cells : 0,
      numeric: filled ? nums / filled : 0,
      long: filled ? long / filled : 0,
      blocky,
      th: ths.length,
      roleHeaders: own(table.querySelectorAll('[role=columnheader], [role=rowheader]')).length,
      scope: own(table.querySelectorAll('[scope]')).length,
      headersAttr: own(table.querySelectorAll('[headers]')).length,
      captionOrGroups: !!table.caption || table.hasAttribute('summary') || !!table.tHead || !!table.tFoot,
      headerRows,
      rowHeaders,
      spanningHeaders: ths.filter((t) => t.colSpan > 1 || t.rowSpan > 1).length,
      borders,
      depth,
      parentData,
      containsTable: table.querySelector('table') !== null,
      reportedByAxe: reported.has(table),
    })
  }
  return out
}

const layoutRoles = new Set(['presentation', 'none'])

/** How strongly the table looks like a data table when it has no header markup: 'data', 'maybe' or 'layout'. */
export function dataTableSignal(t: TableFacts): 'data' | 'maybe' | 'layout' {
  if (layoutRoles.has(t.role)) return 'layout'
  if (t.role === 'table' || t.role === 'grid' || t.role === 'treegrid') return 'data'
  if (t.rows < 2 || t.cols < 2 || t.containsTable || t.blocky > 0 || t.long > 0.25) return 'layout'
  if (t.filled < 0.6) return 'layout'
  const big = t.rows >= 3 && t.cols >= 2
  if (t.captionOrGroups && big) return 'data'
  if (big && t.borders && t.numeric >= 0.3) return 'data'
  if (big && (t.borders || t.numeric >= 0.3 || t.captionOrGroups)) return 'maybe'
  return 'layout'
}

const hasHeaders = (t: TableFacts): boolean => t.th > 0 || t.roleHeaders > 0 || t.scope > 0

/** Header rows plus row headers, spans or several header rows: the browser's guess may be wrong. */
export function isComplexWithoutScope(t: TableFacts): boolean {
  if (layoutRoles.has(t.role) || t.th === 0 || t.scope > 0 || t.headersAttr > 0) return false
  return t.headerRows >= 2 || t.spanningHeaders > 0 || (t.headerRows >= 1 && t.rowHeaders >= 1)
}

/** F46: a table declared as layout that carries data-table markup. */
export function layoutWithDataMarkup(t: TableFacts): boolean {
  return layoutRoles.has(t.role) && (t.th > 0 || t.captionOrGroups || t.scope > 0 || t.headersAttr > 0)
}

export function tableFlags(tables: readonly TableFacts[]): { fail: Flag[]; review: Flag[] } {
  const fail: Flag[] = []
  const review: Flag[] = []
  const size = (t: TableFacts): string => `${t.rows} 行 × ${t.cols} 列`
  for (const t of tables) {
    if (!hasHeaders(t) && !t.reportedByAxe) {
      const signal = dataTableSignal(t)
      const flag = {
        ruleId: 'aa-table-headers' as const,
        i: t.i,
        summary: `数据表格（${size(t)}）没有用 th 标明任何表头`,
      }
      if (signal === 'data') fail.push(flag)
      else if (signal === 'maybe') review.push(flag)
    }
    if (isComplexWithoutScope(t))
      review.push({
        ruleId: 'aa-table-complex-headers',
        i: t.i,
        summary: `表格有${t.headerRows >= 2 ? '多行表头' : t.spanningHeaders > 0 ? '合并的表头单元格' : '行表头和列表头'}，但 th 都没有 scope，数据单元格也没有 headers`,
      })
    if (layoutWithDataMarkup(t))
      fail.push({
        ruleId: 'aa-layout-table-markup',
        i: t.i,
        summary: `表格标为 role="${t.role}"（排版用途），却含有 th、caption、summary 等数据表标记`,
      })
    const dataish = t.th > 0 || t.captionOrGroups || t.parentData
    if (t.depth > 0 && (dataish || t.depth >= 2))
      review.push({
        ruleId: 'aa-nested-table',
        i: t.i,
        summary: `表格嵌套在另一个表格中（第 ${t.depth + 1} 层）`,
      })
  }
  return { fail, review }
}

export async function checkTables(ctx: CheckContext): Promise<OwnOutcome[]> {
  // Cells axe's td-has-header reports, so the same table is not reported twice (frames left out).
  const axeCells = ctx.state.results
    .filter((r) => r.source === 'axe' && r.ruleId === 'td-has-header')
    .flatMap((r) => r.nodes.map((n) => n.selector))
    .filter((s) => !s.includes('>>>'))
  const facts = await evaluateIn(ctx.frame, ctx.timeoutMs, gatherTables, MARKS_PROPERTY, MARK_KEY, axeCells)
  const { fail, review } = tableFlags(facts)
  return [
    ...(await flagsToOutcomes(ctx, MARK_KEY, fail)),
    ...(await flagsToOutcomes(
      ctx,
      MARK_KEY,
      review,
      new Set(['aa-table-headers', 'aa-table-complex-headers', 'aa-nested-table']),
      {
        'aa-table-headers':
          '表格可能是数据表，但没有表头单元格；请确认：若是数据表，请把标题单元格写成 th；若只用于排版，可忽略。',
        'aa-table-complex-headers':
          '浏览器能否自动推断出每个数据单元格对应的表头无法确定，请用读屏软件逐格检查，或为 th 加 scope、为数据单元格加 headers。',
        'aa-nested-table':
          '嵌套表格按源码顺序朗读时可能打乱内容，请用读屏软件或关闭样式后确认阅读顺序是否合理。',
      },
    )),
  ]
}
