import { useState } from 'react'
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { indicatorCatalog } from '../../../shared/domain/plan-indicators'
import { planLabel, type PlanPeriod } from '../../../shared/domain/plan-periods'
import { useApi } from '../api/api-context'
import { useActionOutcome } from '../components/action-outcome'
import { ErrorAlert } from '../components/error-alert'
import { FormDialog } from '../components/form-dialog'
import { ScrollRegion } from '../components/scroll-region'

/**
 * 设置 → 规划与指标: the plan periods (十四五, 十五五, …) with their indicators and targets. The team enters a new
 * plan's figures when it is published; until then its targets read 待发布 in the reports.
 */

interface IndicatorRow {
  indicatorId?: string
  builtIn: boolean
  title: string
  unit: string
  target: string
  targetValue: number | null
  basis: string
}

interface PlanValues {
  shortName: string
  name: string
  startYear: number | null
  endYear: number | null
  published: boolean
  indicators: IndicatorRow[]
}

type Editing = { mode: 'closed' } | { mode: 'edit'; plan: PlanPeriod } | { mode: 'create' }

export function PlanSettings() {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const plans = useQuery({ queryKey: ['plans:list'], queryFn: () => api.call('plans:list', {}) })
  const outcome = useActionOutcome(plans.isFetching, 'plan-outcome')
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' })

  const columns: ColumnsType<PlanPeriod> = [
    { title: t('plans.columns.period'), key: 'period', render: (_: unknown, p) => planLabel(p) },
    { title: t('plans.columns.name'), dataIndex: 'name' },
    {
      title: t('plans.columns.status'),
      key: 'status',
      render: (_: unknown, p) => (p.published ? t('plans.published') : t('plans.unpublished')),
    },
    {
      title: t('plans.columns.indicators'),
      key: 'indicators',
      render: (_: unknown, p) =>
        t('plans.indicatorCount', {
          count: p.indicators.length,
          targets: p.indicators.filter((i) => i.target !== null).length,
        }),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p) => (
        <Button
          size="small"
          onClick={() => setEditing({ mode: 'edit', plan: p })}
          aria-label={t('plans.editNamed', { plan: planLabel(p) })}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ]

  return (
    <section aria-labelledby="settings-plans" style={{ marginTop: 32 }}>
      <Typography.Title level={2} id="settings-plans" style={{ fontSize: '1.25em' }}>
        {t('plans.heading')}
      </Typography.Title>
      <p className="aa-intro">{t('plans.intro')}</p>
      <ErrorAlert error={plans.error} />
      {outcome.element}
      <ScrollRegion className="aa-rect-table-scroll" label={t('plans.caption')}>
        <Table<PlanPeriod>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={plans.data ?? []}
          loading={plans.isLoading}
          pagination={false}
          title={() => <span className="aa-visually-hidden">{t('plans.caption')}</span>}
        />
      </ScrollRegion>
      <p>
        <Button onClick={() => setEditing({ mode: 'create' })}>{t('plans.create')}</Button>
      </p>
      {editing.mode !== 'closed' && (
        <PlanDialog
          plan={editing.mode === 'edit' ? editing.plan : null}
          onClose={() => setEditing({ mode: 'closed' })}
          onSaved={(saved) => {
            setEditing({ mode: 'closed' })
            for (const key of ['plans:list', 'reports:summary'])
              void queryClient.invalidateQueries({ queryKey: [key] })
            outcome.show({ text: t('plans.saved', { plan: planLabel(saved) }) })
          }}
        />
      )}
    </section>
  )
}

function rowsOf(plan: PlanPeriod | null): IndicatorRow[] {
  const source = plan?.indicators ?? indicatorCatalog.map((d) => ({ ...d, indicatorId: d.id, builtIn: true }))
  return source.map((i) => ({
    indicatorId: i.indicatorId,
    builtIn: i.builtIn,
    title: i.title,
    unit: i.unit,
    target: 'target' in i ? (i.target ?? '') : '',
    targetValue: 'targetValue' in i ? i.targetValue : null,
    basis: 'basis' in i ? (i.basis ?? '') : '',
  }))
}

function PlanDialog(props: {
  plan: PlanPeriod | null
  onClose: () => void
  onSaved: (plan: PlanPeriod) => void
}) {
  const { plan } = props
  const { t } = useTranslation()
  const api = useApi()
  const [form] = Form.useForm<PlanValues>()
  // `preserve`: the rows' indicatorId and builtIn are not form fields, but the dialog needs them (and the save).
  const indicators: IndicatorRow[] = Form.useWatch('indicators', { form, preserve: true }) ?? rowsOf(plan)
  const missingBuiltIns = indicatorCatalog.filter((d) => !indicators.some((i) => i.indicatorId === d.id))

  const save = (v: PlanValues) => {
    // The whole store, not only the registered fields: each row's indicatorId and builtIn travel with it.
    const rows = (form.getFieldsValue(true) as PlanValues).indicators
    return api.call('plans:save', {
      ...(plan ? { id: plan.id, version: plan.version } : {}),
      shortName: v.shortName,
      name: v.name,
      startYear: v.startYear ?? Number.NaN,
      endYear: v.endYear ?? Number.NaN,
      published: v.published,
      indicators: rows.map((i) => ({
        ...(i.builtIn && i.indicatorId ? { indicatorId: i.indicatorId } : {}),
        ...(i.builtIn ? {} : { title: i.title, unit: i.unit }),
        target: i.target || null,
        targetValue: i.targetValue ?? null,
        basis: i.basis || null,
      })),
    })
  }

  return (
    <FormDialog<PlanValues, PlanPeriod>
      form={form}
      name="plan"
      title={plan ? t('plans.editTitle', { plan: planLabel(plan) }) : t('plans.create')}
      initialValues={{
        shortName: plan?.shortName ?? '',
        name: plan?.name ?? '',
        startYear: plan?.startYear ?? null,
        endYear: plan?.endYear ?? null,
        published: plan?.published ?? false,
        indicators: rowsOf(plan),
      }}
      save={save}
      onSaved={props.onSaved}
      onClose={props.onClose}
      rootClassName="aa-plan-dialog"
    >
      <div className="aa-rect-form-row">
        <Form.Item label={t('plans.fields.shortName')} name="shortName" required>
          <Input autoFocus maxLength={20} style={{ width: '8em' }} />
        </Form.Item>
        <Form.Item label={t('plans.fields.startYear')} name="startYear" required>
          <InputNumber<number> controls={false} style={{ width: '7em' }} />
        </Form.Item>
        <Form.Item label={t('plans.fields.endYear')} name="endYear" required>
          <InputNumber<number> controls={false} style={{ width: '7em' }} />
        </Form.Item>
      </div>
      <Form.Item label={t('plans.fields.name')} name="name" required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="published" valuePropName="checked" extra={t('plans.fields.publishedHelp')}>
        <Checkbox>{t('plans.fields.published')}</Checkbox>
      </Form.Item>
      <Typography.Title level={3} style={{ fontSize: '1.1em' }}>
        {t('plans.fields.indicators')}
      </Typography.Title>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => {
              const row = indicators[field.name]
              const title = row?.title || t('plans.fields.newIndicator')
              return (
                <fieldset key={field.key} className="aa-plan-indicator">
                  <legend>{title}</legend>
                  {!row?.builtIn && (
                    <div className="aa-rect-form-row">
                      <Form.Item label={t('plans.fields.title')} name={[field.name, 'title']} required>
                        <Input maxLength={60} />
                      </Form.Item>
                      <Form.Item label={t('plans.fields.unit')} name={[field.name, 'unit']} required>
                        <Input maxLength={10} style={{ width: '6em' }} />
                      </Form.Item>
                    </div>
                  )}
                  <div className="aa-rect-form-row">
                    <Form.Item
                      label={t('plans.fields.target')}
                      name={[field.name, 'target']}
                      extra={t('plans.fields.targetHelp')}
                    >
                      <Input maxLength={40} style={{ width: '10em' }} />
                    </Form.Item>
                    <Form.Item
                      label={t('plans.fields.targetValue')}
                      name={[field.name, 'targetValue']}
                      extra={t('plans.fields.targetValueHelp')}
                    >
                      <InputNumber<number> controls={false} min={0} style={{ width: '8em' }} />
                    </Form.Item>
                  </div>
                  <Form.Item label={t('plans.fields.basis')} name={[field.name, 'basis']}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Button size="small" onClick={() => remove(field.name)}>
                    {t('plans.removeNamed', { title })}
                  </Button>
                </fieldset>
              )
            })}
            <Space wrap>
              {missingBuiltIns.length > 0 && (
                <Select<string>
                  aria-label={t('plans.addBuiltIn')}
                  placeholder={t('plans.addBuiltIn')}
                  value={null as unknown as string}
                  style={{ minWidth: '16em' }}
                  options={missingBuiltIns.map((d) => ({ value: d.id, label: d.title }))}
                  onChange={(id) => {
                    const def = indicatorCatalog.find((d) => d.id === id)
                    if (def)
                      add({
                        indicatorId: def.id,
                        builtIn: true,
                        title: def.title,
                        unit: def.unit,
                        target: '',
                        targetValue: null,
                        basis: '',
                      } satisfies IndicatorRow)
                  }}
                />
              )}
              <Button
                onClick={() =>
                  add({
                    builtIn: false,
                    title: '',
                    unit: '',
                    target: '',
                    targetValue: null,
                    basis: '',
                  } satisfies IndicatorRow)
                }
              >
                {t('plans.addCustom')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </FormDialog>
  )
}
