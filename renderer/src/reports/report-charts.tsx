import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReportRow, ReportSummary } from '../../../shared/domain/rectification'
import { countLabels, shortMonthLabel } from '../../../shared/domain/report-definitions'
import { ChartFigure } from './chart-figure'

/**
 * Series colours: navy and orange are 3.6:1 apart and each at least 3.5:1 against white; the second series is
 * also hatched and every bar carries its number, so nothing depends on telling colours apart.
 */
const foundColor = '#002d72'
const verifiedColor = '#d46b08'
const lineStyles = [
  { stroke: '#002d72', dash: undefined, dot: 'circle' },
  { stroke: '#d46b08', dash: '8 4', dot: 'square' },
  { stroke: '#1d6b3a', dash: '2 3', dot: 'diamond' },
  { stroke: '#7a1fa2', dash: '12 4 2 4', dot: 'triangle' },
] as const

/** Legend text in black: recharts colours it like the series, which for orange is below 4.5:1 on white. */
function legendText(value: string) {
  return <span style={{ color: '#000000' }}>{value}</span>
}

/** Month ticks: "3月" when the period lies in one year, "2025年3月" otherwise — so twelve months fit unrotated. */
function monthTick(rows: ReportRow[]): ((label: string, index: number) => string) | undefined {
  const years = new Set(rows.map((r) => r.key.slice(0, 4)))
  if (years.size !== 1) return undefined
  return (_label, index) => shortMonthLabel(rows[index]?.key ?? '')
}

const animate = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches

function HatchDefs() {
  return (
    <defs>
      <pattern
        id="aa-hatch-verified"
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill="#ffffff" />
        <rect width="3" height="6" fill={verifiedColor} />
      </pattern>
    </defs>
  )
}

function FoundVerifiedBars(props: {
  rows: Array<{ label: string; found: number; verified: number }>
  tickFormatter?: ((label: string, index: number) => string) | undefined
}) {
  const tilt = props.rows.length > (props.tickFormatter ? 12 : 4)
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={props.rows} accessibilityLayer margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
        <HatchDefs />
        <CartesianGrid strokeDasharray="3 3" stroke="#bfbfbf" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fill: '#262626' }}
          interval={0}
          tickFormatter={props.tickFormatter}
          angle={tilt ? -30 : 0}
          textAnchor={tilt ? 'end' : 'middle'}
          height={tilt ? 70 : 30}
        />
        <YAxis allowDecimals={false} tick={{ fill: '#262626' }} />
        <Tooltip />
        <Legend formatter={legendText} />
        <Bar
          dataKey="found"
          name={countLabels.found}
          fill={foundColor}
          stroke={foundColor}
          isAnimationActive={animate}
        >
          <LabelList dataKey="found" position="top" fill="#000000" />
        </Bar>
        <Bar
          dataKey="verified"
          name={countLabels.verified}
          fill="url(#aa-hatch-verified)"
          stroke={verifiedColor}
          strokeWidth={2}
          isAnimationActive={animate}
        >
          <LabelList dataKey="verified" position="top" fill="#000000" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}

function FoundVerifiedTable(props: { rows: ReportRow[]; first: string }) {
  return (
    <Table<ReportRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={props.rows}
      columns={[
        { title: props.first, dataIndex: 'label', key: 'label' },
        { title: countLabels.found, dataIndex: 'found', key: 'found', align: 'right' },
        { title: countLabels.verified, dataIndex: 'verified', key: 'verified', align: 'right' },
        { title: countLabels.overdue, dataIndex: 'overdue', key: 'overdue', align: 'right' },
      ]}
    />
  )
}

export function MonthChart({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation()
  const rows = summary.byMonth
  return (
    <ChartFigure
      title={t('reports.charts.byMonth')}
      empty={rows.every((r) => r.found === 0 && r.verified === 0)}
      chart={<FoundVerifiedBars rows={rows} tickFormatter={monthTick(rows)} />}
      table={<FoundVerifiedTable rows={rows} first={t('reports.charts.month')} />}
    />
  )
}

export function UnitChart({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation()
  const rows = summary.byUnit.slice(0, 15)
  return (
    <ChartFigure
      title={t('reports.charts.byUnit')}
      empty={rows.length === 0}
      chart={<FoundVerifiedBars rows={rows} />}
      table={<FoundVerifiedTable rows={summary.byUnit} first={t('reports.charts.unit')} />}
    />
  )
}

interface ScoreRow {
  key: string
  portal: string
  date: string
  score: number | null
}

/** One line per portal over the run dates; each line has its own dash and marker shape as well as colour. */
export function PortalScoreChart({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation()
  const portals = summary.portalScores
  const dates = [...new Set(portals.flatMap((p) => p.points.map((pt) => pt.date)))].sort()
  const data = dates.map((date) => {
    const row: Record<string, string | number | null> = { date }
    for (const p of portals) {
      const point = [...p.points].reverse().find((pt) => pt.date === date)
      if (point) row[`p${p.portalId}`] = point.score
    }
    return row
  })
  const tableRows: ScoreRow[] = portals.flatMap((p) =>
    p.points.map((pt) => ({
      key: `${p.portalId}-${pt.runId}`,
      portal: p.portalName,
      date: pt.date,
      score: pt.score,
    })),
  )
  return (
    <ChartFigure
      title={t('reports.charts.portalScores')}
      empty={portals.length === 0}
      chart={
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={data} accessibilityLayer margin={{ top: 28, right: 32, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#bfbfbf" />
            <XAxis dataKey="date" tick={{ fill: '#262626' }} />
            <YAxis domain={[0, 100]} tick={{ fill: '#262626' }} />
            <Tooltip />
            <Legend formatter={legendText} />
            {portals.map((p, i) => {
              const style = lineStyles[i % lineStyles.length]!
              return (
                <Line
                  key={p.portalId}
                  type="linear"
                  dataKey={`p${p.portalId}`}
                  name={p.portalName}
                  stroke={style.stroke}
                  strokeWidth={2.5}
                  strokeDasharray={style.dash}
                  legendType={style.dot}
                  dot={{ r: 5, fill: style.stroke }}
                  connectNulls
                  isAnimationActive={animate}
                >
                  <LabelList dataKey={`p${p.portalId}`} position="top" fill="#000000" />
                </Line>
              )
            })}
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <Table<ScoreRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={tableRows}
          columns={[
            { title: t('reports.charts.portal'), dataIndex: 'portal', key: 'portal' },
            { title: t('reports.charts.date'), dataIndex: 'date', key: 'date' },
            {
              title: t('reports.charts.score'),
              dataIndex: 'score',
              key: 'score',
              align: 'right',
              render: (score: number | null) =>
                score === null ? t('reports.charts.noScore') : score.toFixed(1),
            },
          ]}
        />
      }
    />
  )
}
