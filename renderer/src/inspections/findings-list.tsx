import { Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Finding } from '../../../shared/domain/inspections'
import type { Severity } from '../../../shared/catalog/types'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { SeverityTag } from './status-tags'

const severityRank: Record<Severity, number> = { critical: 0, major: 1, minor: 2 }

/** 问题清单: the findings a submitted inspection created, for rectification. */
export function FindingsList({ inspectionId }: { inspectionId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const findings = useQuery({
    queryKey: ['findings:list', inspectionId],
    queryFn: () => api.call('findings:list', { inspectionId }),
  })
  const columns: ColumnsType<Finding> = [
    {
      title: t('inspections.findings.severity'),
      dataIndex: 'severity',
      render: (s: Severity) => <SeverityTag severity={s} />,
      sorter: (a, b) => severityRank[a.severity] - severityRank[b.severity],
    },
    {
      title: t('inspections.findings.title'),
      dataIndex: 'title',
      render: (title: string, f) => (
        <>
          {title}
          {f.needsReview && t('inspections.findings.needsReview')}
        </>
      ),
    },
    { title: t('inspections.findings.detail'), dataIndex: 'detail' },
    {
      title: t('inspections.findings.clause'),
      dataIndex: 'clauses',
      render: (clauses: Finding['clauses']) =>
        clauses.map((c) => (
          <div key={`${c.code}-${c.clause}`}>
            {c.mandatory ? '★' : ''}
            {t('inspections.findings.clauseText', { code: c.code, clause: c.clause })}
          </div>
        )),
    },
    { title: t('inspections.findings.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
  ]
  return (
    <section className="aa-panel" aria-labelledby="findings-heading">
      <Typography.Title level={2} id="findings-heading" style={{ fontSize: '1.2em' }}>
        {t('inspections.findings.heading')}
      </Typography.Title>
      <ErrorAlert error={findings.error} />
      {findings.data?.length === 0 ? (
        <p>{t('inspections.findings.none')}</p>
      ) : (
        <Table<Finding>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={findings.data ?? []}
          loading={findings.isLoading}
          pagination={false}
          title={() => <span className="aa-visually-hidden">{t('inspections.findings.caption')}</span>}
        />
      )}
    </section>
  )
}
