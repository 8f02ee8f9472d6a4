import { useId, useState, type ReactNode } from 'react'
import { Button, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/**
 * A chart with a visible title and its figures as a table one button away: the chart is for seeing the shape,
 * the table is the same data for screen readers, keyboard users and anyone who wants the exact numbers.
 */
export function ChartFigure(props: { title: string; empty: boolean; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation()
  const [showTable, setShowTable] = useState(false)
  const titleId = useId()
  const tableId = useId()
  return (
    <figure className="aa-report-figure" aria-labelledby={titleId}>
      <Typography.Title level={3} id={titleId} className="aa-report-figure-title">
        {props.title}
      </Typography.Title>
      {props.empty ? (
        <p>{t('reports.charts.empty')}</p>
      ) : (
        <>
          <div className="aa-report-chart">{props.chart}</div>
          <Button aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
            {showTable ? t('reports.charts.hideTable') : t('reports.charts.showTable')}
          </Button>
          <div id={tableId} hidden={!showTable} className="aa-report-figure-table">
            {showTable ? props.table : null}
          </div>
        </>
      )}
    </figure>
  )
}
