import { useMemo, useState } from 'react'
import { Button, Input, Select, Space, Spin, Typography } from 'antd'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { planLabel } from '../../../shared/domain/plan-periods'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { BreakdownTable } from './breakdown-table'
import { ExportButtons } from './export-buttons'
import { IndicatorsPanel } from './indicators-panel'
import { matchingPreset, periodProblem, planOfPreset, presetIds, presetPeriod, type Period } from './period'
import { MonthChart, PortalScoreChart, UnitChart } from './report-charts'
import { ReportTotals } from './report-totals'
import './reports.css'

/** 统计报表: a period and unit → totals, charts (each with its data table), breakdowns, plan indicators, export. */
export function ReportsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const today = useMemo(() => new Date(), [])
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisYear', today))
  const [unitId, setUnitId] = useState<number | undefined>(undefined)
  const problem = periodProblem(period)
  const valid = problem === null
  const plans = useQuery({ queryKey: ['plans:list'], queryFn: () => api.call('plans:list', {}) })
  const planList = plans.data ?? []
  const activePreset = matchingPreset(period, today, planList)

  const units = useQuery({
    queryKey: ['units:list', 'all-active'],
    queryFn: () => api.call('units:list', {}),
  })
  const summary = useQuery({
    queryKey: ['reports:summary', period.from, period.to, unitId ?? null],
    queryFn: () => api.call('reports:summary', { ...period, unitId }),
    enabled: valid,
    placeholderData: keepPreviousData,
  })
  const data = summary.data

  return (
    <div className="aa-reports">
      <PageHeading>{t('reports.heading')}</PageHeading>
      <p>{t('reports.intro')}</p>

      <section aria-labelledby="aa-report-filters" className="aa-report-filters">
        <Typography.Title level={2} id="aa-report-filters">
          {t('reports.filters.heading')}
        </Typography.Title>
        <div role="group" aria-label={t('reports.filters.presets')} className="aa-report-presets">
          <Space wrap>
            {presetIds(planList).map((id) => {
              const plan = planOfPreset(id, planList)
              return (
                <Button
                  key={id}
                  type={activePreset === id ? 'primary' : 'default'}
                  aria-pressed={activePreset === id}
                  onClick={() => setPeriod(presetPeriod(id, today, planList))}
                >
                  {plan ? planLabel(plan) : t(`reports.filters.${id}`)}
                </Button>
              )
            })}
          </Space>
        </div>
        <div className="aa-report-filter-fields">
          <div className="aa-report-field">
            <label htmlFor="aa-report-from">{t('reports.filters.from')}</label>
            <Input
              id="aa-report-from"
              type="date"
              value={period.from}
              onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))}
            />
          </div>
          <div className="aa-report-field">
            <label htmlFor="aa-report-to">{t('reports.filters.to')}</label>
            <Input
              id="aa-report-to"
              type="date"
              value={period.to}
              aria-invalid={!valid}
              aria-describedby={!valid ? 'aa-report-range-error' : undefined}
              onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))}
            />
          </div>
          <div className="aa-report-field aa-report-field-unit">
            <label htmlFor="aa-report-unit">{t('reports.filters.unit')}</label>
            <Select<number | 'all'>
              id="aa-report-unit"
              value={unitId ?? 'all'}
              onChange={(v) => setUnitId(v === 'all' ? undefined : v)}
              showSearch={{ optionFilterProp: 'label' }}
              options={[
                { value: 'all', label: t('reports.filters.allUnits') },
                ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
          </div>
        </div>
        {!valid ? (
          <p id="aa-report-range-error" role="alert" className="aa-report-error">
            {t(`reports.filters.${problem ?? 'badRange'}`)}
          </p>
        ) : null}
      </section>

      <ErrorAlert error={summary.error} />
      {summary.isPending && valid ? (
        <Spin description={t('reports.loading')}>{<div style={{ minHeight: 80 }} />}</Spin>
      ) : null}

      {data ? (
        <div aria-busy={summary.isFetching} className="aa-report-body">
          <p className="aa-report-asof">
            {t('reports.asOf', { from: data.from, to: data.to, asOf: data.asOf })}
          </p>
          <ReportTotals totals={data.totals} />

          <section aria-labelledby="aa-report-charts">
            <Typography.Title level={2} id="aa-report-charts">
              {t('reports.charts.heading')}
            </Typography.Title>
            <div className="aa-report-chart-grid">
              <MonthChart summary={data} />
              <UnitChart summary={data} />
              <PortalScoreChart summary={data} />
            </div>
          </section>

          <section aria-labelledby="aa-report-tables">
            <Typography.Title level={2} id="aa-report-tables">
              {t('reports.tables.heading')}
            </Typography.Title>
            <BreakdownTable
              title={t('reports.tables.byUnit')}
              first={t('reports.tables.unit')}
              rows={data.byUnit}
            />
            <BreakdownTable
              title={t('reports.tables.byCategory')}
              first={t('reports.tables.category')}
              rows={data.byCategory}
            />
            <BreakdownTable
              title={t('reports.tables.byClause')}
              first={t('reports.tables.clause')}
              rows={data.byClause}
              note={t('reports.tables.byClauseNote')}
            />
          </section>

          <IndicatorsPanel
            indicators={data.indicators}
            plan={data.plan}
            firstYear={Math.min(
              ...planList.map((p) => p.startYear),
              data.plan?.startYear ?? today.getFullYear(),
            )}
          />
        </div>
      ) : null}

      <ExportButtons period={period} unitId={unitId} disabled={!valid} />
    </div>
  )
}
