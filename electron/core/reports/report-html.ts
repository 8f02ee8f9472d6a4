import type {
  IndicatorView,
  ReportCounts,
  ReportRow,
  ReportSummary,
} from '../../../shared/domain/rectification'
import { formatChineseDay } from '../../../shared/format/index'
import { escapeHtml } from '../documents/html-escape'
import {
  countDefinitions,
  countKeys,
  countLabels,
  formatCount,
  indicatorFigure,
  indicatorTarget,
  laterYearsText,
  shortMonthLabel,
} from '../../../shared/domain/report-definitions'
import { splitPlanEntries } from '../../../shared/domain/plan-indicators'
import { planLabel } from '../../../shared/domain/plan-periods'
import { barChartSvg } from './report-svg'

/**
 * The printable summary report (A4, open CJK fonts). Every value is escaped: unit names, categories and clause
 * labels are typed by people or taken from audited websites.
 */

/** No script, no fetch: the report is a finished document (the rendering page has JavaScript off as well). */
const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const style = `
@page { size: A4; margin: 20mm 18mm 20mm 18mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif; font-size: 10.5pt;
       color: #000; line-height: 1.5; margin: 0; }
h1 { font-family: 'Noto Serif CJK SC', 'Noto Serif SC', 'Source Han Serif SC', serif; font-size: 20pt;
     text-align: center; margin: 0 0 6mm; font-weight: 700; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; break-after: avoid; }
.meta { margin: 0 0 4mm; display: grid; grid-template-columns: max-content 1fr; gap: 0 4mm; }
.meta dt { font-weight: 700; } .meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; break-inside: auto; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #e8e8e8; font-weight: 700; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; width: 9%; }
table.counts th[scope='row'] { width: 37%; font-weight: 400; }
table.counts thead th { font-size: 9pt; padding: 1.2mm 0.8mm; }
table.indicators { table-layout: fixed; } table.indicators td.num { width: auto; white-space: normal; }
.figure { white-space: nowrap; }
tr { break-inside: avoid; }
caption { text-align: left; font-weight: 700; padding-bottom: 1mm; }
.chart { display: block; max-width: 170mm; margin: 2mm 0; break-inside: avoid; }
.empty { color: #333; font-style: italic; }
.definitions { font-size: 9.5pt; } .definitions dt { font-weight: 700; margin-top: 1mm; }
.definitions dd { margin: 0 0 0 6mm; }
`

function countsHead(first: string): string {
  return `<tr><th scope="col">${escapeHtml(first)}</th>${countKeys
    .map((k) => `<th scope="col" class="num">${escapeHtml(countLabels[k])}</th>`)
    .join('')}</tr>`
}

function countCells(row: ReportCounts): string {
  return countKeys.map((k) => `<td class="num">${escapeHtml(formatCount(row, k))}</td>`).join('')
}

function rowsTable(caption: string, first: string, rows: readonly ReportRow[]): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(caption)}：本期间没有数据。</p>`
  return `<table class="counts"><caption>${escapeHtml(caption)}</caption><thead>${countsHead(first)}</thead><tbody>${rows
    .map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th>${countCells(r)}</tr>`)
    .join('')}</tbody></table>`
}

function indicatorsTable(indicators: readonly IndicatorView[]): string {
  const body = indicators
    .map((i) => {
      // Yearly entries: the plan period's (the figure is their sum), then any later years apart.
      const within = splitPlanEntries(i.entries, i.plan).within
      const later = laterYearsText(i)
      const entries =
        (within.length === 0
          ? ''
          : `<br><small>${escapeHtml(within.map((e) => `${e.year} 年 ${e.value} ${i.unit}`).join('；'))}</small>`) +
        (later === null ? '' : `<br><small>${escapeHtml(later)}</small>`)
      const met = i.met === null ? '—' : i.met ? '已达标' : '未达标'
      return `<tr><th scope="row">${escapeHtml(i.title)}（${escapeHtml(i.unit)}）<br><small>${
        i.kind === 'manual' ? '填报' : '自动统计'
      }</small></th><td class="num"><span class="figure">${escapeHtml(indicatorFigure(i))}</span>${entries}</td><td>${escapeHtml(indicatorTarget(i))}</td><td>${met}</td><td><small>${escapeHtml(i.definition)}</small></td></tr>`
    })
    .join('')
  return `<table class="indicators"><caption>规划指标</caption><colgroup><col style="width:28%"><col style="width:21%"><col style="width:10%"><col style="width:9%"><col style="width:32%"></colgroup><thead><tr><th scope="col">指标</th><th scope="col" class="num">完成情况</th><th scope="col">目标</th><th scope="col">达标</th><th scope="col">口径</th></tr></thead><tbody>${body}</tbody></table>`
}

function portalTable(summary: ReportSummary): string {
  if (summary.portalScores.length === 0) return '<p class="empty">本期间没有完成的网站检测。</p>'
  const rows = summary.portalScores
    .flatMap((p) =>
      p.points.map(
        (pt, i) =>
          `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${p.points.length}">${escapeHtml(p.portalName)}</th>` : ''}<td>${escapeHtml(
            pt.date,
          )}</td><td class="num">${pt.score === null ? '—' : escapeHtml(pt.score.toFixed(1))}</td></tr>`,
      ),
    )
    .join('')
  return `<table><caption>门户网站检测得分（满分 100）</caption><thead><tr><th scope="col">网站</th><th scope="col">检测日期</th><th scope="col" class="num">得分</th></tr></thead><tbody>${rows}</tbody></table>`
}

export interface ReportHtmlOptions {
  unitName: string | null
  generatedAt: string
}

export function reportHtml(summary: ReportSummary, options: ReportHtmlOptions): string {
  const period = `${formatChineseDay(summary.from)} 至 ${formatChineseDay(summary.to)}`
  const months = summary.byMonth
  const monthChart =
    months.length > 0
      ? barChartSvg({
          id: 'month',
          title: '各月发现与核验通过的整改项',
          // "9月" under each bar and the year once under its first month: full labels would run together.
          categories: months.map((m) => shortMonthLabel(m.key)),
          groups: months.map((m, index) =>
            index === 0 || m.key.endsWith('-01') ? `${m.key.slice(0, 4)}年` : null,
          ),
          descriptions: months.map((m) => m.label),
          series: [
            { name: '发现', values: months.map((m) => m.found) },
            { name: '核验通过', values: months.map((m) => m.verified) },
          ],
        })
      : ''
  const topUnits = summary.byUnit.slice(0, 12)
  const unitChart =
    topUnits.length > 0
      ? barChartSvg({
          id: 'unit',
          title: '各责任单位发现与核验通过的整改项',
          categories: topUnits.map((u) => u.label),
          series: [
            { name: '发现', values: topUnits.map((u) => u.found) },
            { name: '核验通过', values: topUnits.map((u) => u.verified) },
          ],
        })
      : ''
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}"><title>无障碍整改统计报表</title><style>${style}</style></head>
<body>
<h1>无障碍整改统计报表</h1>
<dl class="meta">
<dt>统计期间</dt><dd>${escapeHtml(period)}</dd>
<dt>责任单位</dt><dd>${escapeHtml(options.unitName ?? '全部责任单位')}</dd>
<dt>统计截至</dt><dd>${escapeHtml(formatChineseDay(summary.asOf))}（超期和指标按此日计算）</dd>
<dt>生成时间</dt><dd>${escapeHtml(options.generatedAt)}</dd>
</dl>
<h2>一、总体情况</h2>
<table class="counts"><caption>整改项合计</caption><thead>${countsHead('范围')}</thead><tbody><tr><th scope="row">合计</th>${countCells(
    summary.totals,
  )}</tr></tbody></table>
<h2>二、按月份</h2>
${monthChart}
${rowsTable('按月份统计', '月份', months)}
<h2>三、按责任单位</h2>
${unitChart}
${rowsTable('按责任单位统计', '责任单位', summary.byUnit)}
<h2>四、按设施类别</h2>
${rowsTable('按设施类别统计', '类别', summary.byCategory)}
<h2>五、按规范条款</h2>
${rowsTable('按规范条款统计（一项涉及多个条款时每个条款各计一次）', '条款', summary.byClause)}
<h2>六、门户网站检测得分</h2>
${portalTable(summary)}
<h2>七、规划指标${summary.plan ? `（${escapeHtml(planLabel(summary.plan))}）` : ''}</h2>
${summary.plan ? `<p>依据：${escapeHtml(summary.plan.name)}${summary.plan.published ? '' : '（尚未发布，目标待发布）'}</p>` : '<p class="empty">尚未设置规划期。</p>'}
${indicatorsTable(summary.indicators)}
<h2>附：统计口径</h2>
<dl class="definitions">${countKeys
    .map((k) => `<dt>${escapeHtml(countLabels[k])}</dt><dd>${escapeHtml(countDefinitions[k])}</dd>`)
    .join('')}</dl>
</body></html>`
}
