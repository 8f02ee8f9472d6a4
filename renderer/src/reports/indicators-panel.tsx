import { useState } from 'react'
import { Button, Form, Input, InputNumber, Progress, Select, Typography } from 'antd'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { splitPlanEntries } from '../../../shared/domain/plan-indicators'
import { planLabel, type PlanRef } from '../../../shared/domain/plan-periods'
import type { IndicatorView } from '../../../shared/domain/rectification'
import { indicatorFigure, indicatorTarget } from '../../../shared/domain/report-definitions'
import { useApi } from '../api/api-context'
import { applyFieldErrors } from '../api/form-errors'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'

function IndicatorCard({ indicator: i }: { indicator: IndicatorView }) {
  const { t } = useTranslation()
  const whole = i.targetValue ?? i.outOf
  const percent = whole ? Math.min(100, Math.round((i.value / whole) * 100)) : null
  const headingId = `aa-indicator-${i.id}`
  const { within, after } = splitPlanEntries(i.entries, i.plan)
  return (
    <li className="aa-indicator">
      <Typography.Title level={3} id={headingId} className="aa-indicator-title">
        {i.title}
      </Typography.Title>
      <p className="aa-indicator-figure">
        <strong data-testid={`indicator-${i.id}`}>{indicatorFigure(i)}</strong>
        <span className="aa-indicator-meta">
          {' · '}
          {i.target || i.targetPending
            ? t('reports.indicators.target', { target: indicatorTarget(i) })
            : t('reports.indicators.noTarget')}
          {' · '}
          {i.kind === 'manual' ? t('reports.indicators.manual') : t('reports.indicators.derived')}
          {i.met === null ? null : (
            <>
              {' · '}
              <span className={i.met ? 'aa-indicator-met' : 'aa-indicator-unmet'}>
                <span aria-hidden="true">{i.met ? '✓ ' : '✗ '}</span>
                {i.met ? t('reports.indicators.met') : t('reports.indicators.notMet')}
              </span>
            </>
          )}
        </span>
      </p>
      {percent !== null ? (
        <Progress
          percent={percent}
          strokeColor="#002d72"
          railColor="#d9d9d9"
          aria-label={t('reports.indicators.progress', { title: i.title })}
          format={(p) => `${p}%`}
        />
      ) : null}
      <p className="aa-indicator-definition">{i.definition}</p>
      {i.basis ? (
        <p className="aa-indicator-definition">{t('reports.indicators.basis', { basis: i.basis })}</p>
      ) : null}
      {i.kind === 'manual' ? (
        <div>
          <Typography.Text strong>{t('reports.indicators.entries')}</Typography.Text>
          {i.entries.length === 0 ? (
            <p>{t('reports.indicators.noEntries')}</p>
          ) : (
            <ul className="aa-indicator-entries">
              {/* The plan period's years (the figure is their sum), then later years, marked as not counted. */}
              {within.map((e) => (
                <li key={e.year}>
                  {t('reports.indicators.entry', { year: e.year, value: e.value, unit: i.unit })}
                  {e.note ? `（${e.note}）` : ''}
                </li>
              ))}
              {after.map((e) => (
                <li key={e.year} data-testid={`indicator-later-${i.id}`}>
                  {t('reports.indicators.laterEntry', { year: e.year, value: e.value, unit: i.unit })}
                  {e.note ? `（${e.note}）` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </li>
  )
}

interface RecordValues {
  indicatorId: string
  year: number | null
  value: number | null
  note?: string
}

/** The form to record one year's figure of a manual indicator (the ≥362 households of the plan). */
function RecordForm({ manual, firstYear }: { manual: IndicatorView[]; firstYear: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<RecordValues>()
  const [error, setError] = useState<unknown>(null)
  const thisYear = new Date().getFullYear()
  const save = useMutation({
    mutationFn: (v: RecordValues) =>
      api.call('indicators:record', {
        indicatorId: v.indicatorId,
        year: v.year as number,
        value: v.value as number,
        note: v.note?.trim() ? v.note.trim() : null,
      }),
    onSuccess: (views, v) => {
      setError(null)
      const saved = views.find((i) => i.id === v.indicatorId) ?? manual.find((i) => i.id === v.indicatorId)
      const later = saved !== undefined && (v.year ?? 0) > saved.plan.endYear
      announce(
        t(later ? 'reports.indicators.savedLater' : 'reports.indicators.saved', {
          year: v.year,
          value: v.value,
          unit: saved?.unit ?? '',
          plan: saved?.plan.shortName ?? '',
          total: saved?.value ?? 0,
        }),
      )
      form.setFieldsValue({ value: null, note: '' })
      void queryClient.invalidateQueries({ queryKey: ['reports:summary'] })
    },
    onError: (caught) => setError(applyFieldErrors(form, caught)),
  })
  const field = (name: string) => ({ field: name })
  return (
    <section aria-labelledby="aa-indicator-record" className="aa-indicator-record">
      <Typography.Title level={3} id="aa-indicator-record">
        {t('reports.indicators.recordHeading')}
      </Typography.Title>
      <ErrorAlert error={error} />
      <Form<RecordValues>
        form={form}
        name="indicator-record"
        layout="vertical"
        initialValues={{ indicatorId: manual[0]?.id, year: thisYear, value: null, note: '' }}
        onFinish={(v) => save.mutate(v)}
      >
        {manual.length > 1 ? (
          <Form.Item name="indicatorId" label={t('reports.indicators.indicator')}>
            <Select options={manual.map((i) => ({ value: i.id, label: i.title }))} />
          </Form.Item>
        ) : (
          <Form.Item name="indicatorId" hidden>
            <Input />
          </Form.Item>
        )}
        <div className="aa-indicator-record-row">
          <Form.Item
            name="year"
            label={t('reports.indicators.year')}
            extra={t('reports.indicators.yearHelp', { from: firstYear })}
            rules={[
              {
                required: true,
                message: t('reports.indicators.required', field(t('reports.indicators.year'))),
              },
              {
                type: 'integer',
                message: t('reports.indicators.integer', field(t('reports.indicators.year'))),
              },
            ]}
          >
            <InputNumber<number> controls={false} />
          </Form.Item>
          <Form.Item
            name="value"
            label={t('reports.indicators.amount')}
            rules={[
              {
                required: true,
                message: t('reports.indicators.required', field(t('reports.indicators.amount'))),
              },
              {
                type: 'integer',
                message: t('reports.indicators.integer', field(t('reports.indicators.amount'))),
              },
              {
                type: 'number',
                min: 0,
                message: t('reports.indicators.negative', field(t('reports.indicators.amount'))),
              },
            ]}
          >
            <InputNumber<number> controls={false} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('reports.indicators.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('reports.indicators.save')}
        </Button>
      </Form>
    </section>
  )
}

export function IndicatorsPanel(props: {
  indicators: IndicatorView[]
  plan: PlanRef | null
  /** The first year of the earliest plan (recorded figures start there). */
  firstYear: number
}) {
  const { indicators, plan } = props
  const { t } = useTranslation()
  const manual = indicators.filter((i) => i.kind === 'manual')
  return (
    <section aria-labelledby="aa-report-indicators" className="aa-report-indicators">
      <Typography.Title level={2} id="aa-report-indicators">
        {plan
          ? t('reports.indicators.headingPlan', { plan: planLabel(plan) })
          : t('reports.indicators.heading')}
      </Typography.Title>
      <p>{t('reports.indicators.intro')}</p>
      {plan ? (
        <p>{t('reports.indicators.basisOf', { name: plan.name })}</p>
      ) : (
        <p>{t('reports.indicators.noPlan')}</p>
      )}
      {plan && !plan.published ? (
        <p data-testid="plan-pending">{t('reports.indicators.pendingPlan')}</p>
      ) : null}
      <ul className="aa-indicator-list">
        {indicators.map((i) => (
          <IndicatorCard key={i.id} indicator={i} />
        ))}
      </ul>
      {manual.length > 0 ? <RecordForm manual={manual} firstYear={props.firstYear} /> : null}
    </section>
  )
}
