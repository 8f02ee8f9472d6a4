import ExcelJS from 'exceljs'
import type { ReportRow, ReportSummary } from '../../../shared/domain/rectification'
import {
  countDefinitions,
  countKeys,
  countLabels,
  indicatorTarget,
} from '../../../shared/domain/report-definitions'
import { splitPlanEntries } from '../../../shared/domain/plan-indicators'
import { planLabel } from '../../../shared/domain/plan-periods'
// The documents module's own Excel helpers (as notice-xlsx uses them); imported from their file, not the module
// index, which would load the Word library with it.
import { excelText, styleHeaderRow } from '../documents/xlsx-sheet'

/**
 * The summary report as an Excel workbook: one sheet per breakdown plus the indicators, numbers stored as numbers
 * (so the team can sum and chart them), a frozen header row, and a sheet with the definitions.
 *
 * Every text cell goes through `excelText` (the documents module's `printableText`, cut to Excel's cell limit): unit, portal and clause names are typed by people or taken from
 * audited websites, and one control character in a cell makes Excel refuse the whole file.
 */

const text = excelText
const styleHeader = (sheet: ExcelJS.Worksheet) => styleHeaderRow(sheet)

function countsSheet(book: ExcelJS.Workbook, name: string, first: string, rows: readonly ReportRow[]): void {
  const sheet = book.addWorksheet(name)
  sheet.columns = [
    { header: first, key: 'label', width: 36 },
    ...countKeys.map((k) => ({ header: countLabels[k], key: k, width: k === 'medianDaysToFix' ? 20 : 12 })),
  ]
  for (const row of rows) {
    // A missing median stays an empty cell, not 0 days.
    sheet.addRow({ ...row, label: text(row.label), medianDaysToFix: row.medianDaysToFix ?? undefined })
  }
  styleHeader(sheet)
}

export async function reportXlsx(summary: ReportSummary, unitName: string | null): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  book.creator = '无障碍督查'
  book.created = new Date(0)

  const overview = book.addWorksheet('总体情况')
  overview.columns = [
    { header: '项目', key: 'label', width: 24 },
    { header: '数值', key: 'value', width: 40 },
  ]
  overview.addRow({ label: '统计期间开始', value: summary.from })
  overview.addRow({ label: '统计期间结束', value: summary.to })
  overview.addRow({ label: '责任单位', value: text(unitName ?? '全部责任单位') })
  overview.addRow({ label: '统计截至', value: summary.asOf })
  for (const k of countKeys) {
    const value = summary.totals[k]
    overview.addRow({ label: countLabels[k], value: value ?? undefined })
  }
  styleHeader(overview)

  countsSheet(book, '按月份', '月份', summary.byMonth)
  countsSheet(book, '按责任单位', '责任单位', summary.byUnit)
  countsSheet(book, '按设施类别', '类别', summary.byCategory)
  countsSheet(book, '按规范条款', '条款', summary.byClause)

  const portals = book.addWorksheet('网站得分')
  portals.columns = [
    { header: '网站', key: 'portal', width: 30 },
    { header: '检测日期', key: 'date', width: 14 },
    { header: '得分', key: 'score', width: 10 },
    { header: '检测编号', key: 'runId', width: 10 },
  ]
  for (const p of summary.portalScores) {
    for (const pt of p.points) {
      portals.addRow({
        portal: text(p.portalName),
        date: pt.date,
        score: pt.score ?? undefined,
        runId: pt.runId,
      })
    }
  }
  styleHeader(portals)

  const indicators = book.addWorksheet('规划指标')
  indicators.columns = [
    { header: '指标', key: 'title', width: 34 },
    { header: '规划期', key: 'plan', width: 24 },
    { header: '单位', key: 'unit', width: 8 },
    { header: '完成数', key: 'value', width: 10 },
    { header: '规划期后（不计入目标）', key: 'later', width: 14 },
    { header: '总数', key: 'outOf', width: 10 },
    { header: '目标', key: 'target', width: 12 },
    { header: '达标', key: 'met', width: 8 },
    { header: '来源', key: 'kind', width: 10 },
    { header: '口径', key: 'definition', width: 80 },
  ]
  for (const i of summary.indicators) {
    const later = i.kind === 'manual' ? splitPlanEntries(i.entries, i.plan).after : []
    indicators.addRow({
      title: text(i.title),
      plan: text(planLabel(i.plan)),
      unit: text(i.unit),
      value: i.value,
      later: later.length === 0 ? undefined : later.reduce((sum, e) => sum + e.value, 0),
      outOf: i.outOf ?? undefined,
      target: indicatorTarget(i),
      met: i.met === null ? '' : i.met ? '是' : '否',
      kind: i.kind === 'manual' ? '填报' : '自动统计',
      definition: text(i.definition),
    })
  }
  styleHeader(indicators)

  const entries = book.addWorksheet('指标年度填报')
  entries.columns = [
    { header: '指标', key: 'title', width: 34 },
    { header: '年度', key: 'year', width: 8 },
    { header: '数值', key: 'value', width: 10 },
    { header: '计入规划目标', key: 'inPlan', width: 14 },
    { header: '备注', key: 'note', width: 40 },
  ]
  for (const i of summary.indicators) {
    for (const e of i.entries) {
      const inPlan = e.year >= i.plan.startYear && e.year <= i.plan.endYear
      entries.addRow({
        title: text(i.title),
        year: e.year,
        value: e.value,
        inPlan: inPlan ? '是' : '否（规划期后）',
        note: text(e.note),
      })
    }
  }
  styleHeader(entries)

  const definitions = book.addWorksheet('统计口径')
  definitions.columns = [
    { header: '统计项', key: 'label', width: 24 },
    { header: '口径', key: 'definition', width: 100 },
  ]
  for (const k of countKeys) definitions.addRow({ label: countLabels[k], definition: countDefinitions[k] })
  styleHeader(definitions)

  return new Uint8Array(await book.xlsx.writeBuffer())
}
