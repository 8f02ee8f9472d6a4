import { useState } from 'react'
import { Select, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { AuditComparisonView, FindingChangeKind } from '../../../shared/domain/audits'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { ChangeTag, PageLink } from './tags'

type Row = AuditComparisonView['findings'][number]
const kinds: FindingChangeKind[] = ['new', 'persisting', 'fixed', 'unchecked']

/** 与上次检测对比: counts per change and a list filtered by change. */
export function RunComparison({ runId }: { runId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const [filter, setFilter] = useState<FindingChangeKind | ''>('')
  const compare = useQuery({
    queryKey: ['audits:compare', runId],
    queryFn: () => api.call('audits:compare', { runId }),
  })
  const data = compare.data

  const columns: ColumnsType<Row> = [
    {
      title: t('webAudits.compare.change'),
      dataIndex: 'change',
      render: (c: FindingChangeKind) => <ChangeTag change={c} />,
    },
    { title: t('webAudits.compare.problem'), dataIndex: 'title' },
    { title: t('webAudits.compare.rule'), dataIndex: 'ruleId', render: (v: string) => <code>{v}</code> },
    { title: t('webAudits.compare.page'), dataIndex: 'pageUrl', render: (v: string) => <PageLink url={v} /> },
  ]

  return (
    <section className="aa-wa-section" aria-labelledby="wa-compare-heading">
      <h2 id="wa-compare-heading">{t('webAudits.compare.heading')}</h2>
      <ErrorAlert error={compare.error} />
      {data && data.previousRunId === null && <p>{t('webAudits.compare.none')}</p>}
      {data && data.previousRunId !== null && (
        <>
          <p>{t('webAudits.compare.intro', { id: data.previousRunId })}</p>
          <dl className="aa-wa-stats" data-testid="compare-counts">
            {kinds.map((k) => (
              <div key={k}>
                <dt>{t(`webAudits.compare.${k}`)}</dt>
                <dd>{data.counts[k]}</dd>
              </div>
            ))}
          </dl>
          <div className="aa-toolbar">
            <div className="aa-field">
              <label htmlFor="wa-compare-filter">{t('webAudits.compare.filter')}</label>
              <Select<FindingChangeKind | ''>
                id="wa-compare-filter"
                value={filter}
                onChange={setFilter}
                style={{ width: 200 }}
                options={[
                  { value: '', label: t('webAudits.compare.all') },
                  ...kinds.map((k) => ({
                    value: k,
                    label: `${t(`webAudits.compare.${k}`)}（${data.counts[k]}）`,
                  })),
                ]}
              />
            </div>
          </div>
          <Table<Row>
            rowKey={(r) => `${r.change}|${r.ruleId}|${r.pageUrl}|${r.title}`}
            size="small"
            columns={columns}
            dataSource={data.findings.filter((f) => filter === '' || f.change === filter)}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('webAudits.compare.empty') }}
            title={() => <span className="aa-visually-hidden">{t('webAudits.compare.caption')}</span>}
          />
        </>
      )}
    </section>
  )
}
