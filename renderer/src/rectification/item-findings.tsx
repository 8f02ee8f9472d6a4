import { Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Finding } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { SeverityTag } from '../inspections/status-tags'
import { formatDateTime } from '../web-audits/format'

/**
 * 问题记录: each finding linked to the item, oldest first — the first inspection or run, the re-inspections that
 * found it again, and the findings of duplicates merged into it. A finding of an inspection later corrected by a
 * revision is not listed (the revision's own finding is).
 */
export function ItemFindings({ itemId }: { itemId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  // Only this item's findings: a unit's web findings over years of audits run to hundreds of thousands.
  const filter = { itemId }
  const findings = useQuery({
    queryKey: ['findings:list', filter],
    queryFn: () => api.call('findings:list', filter),
  })
  if (findings.error) return <ErrorAlert error={findings.error} />
  if (!findings.data) return <p>{t('app.loading')}</p>
  const rows = findings.data
  const columns: ColumnsType<Finding> = [
    {
      title: t('rectification.detail.findingAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
    { title: t('rectification.detail.findingTitle'), dataIndex: 'title' },
    {
      title: t('rectification.detail.severity'),
      dataIndex: 'severity',
      render: (s: Finding['severity']) => <SeverityTag severity={s} />,
    },
    {
      title: t('rectification.detail.findingDetail'),
      dataIndex: 'detail',
      render: (v: string) => <span className="aa-rect-pre">{v}</span>,
    },
    {
      title: t('rectification.detail.findingOrigin'),
      key: 'origin',
      render: (_: unknown, f) =>
        f.inspectionId !== null
          ? t('rectification.detail.findingInspection', { id: f.inspectionId })
          : (f.evidence.pageUrl ?? t('rectification.sources.web')),
    },
  ]
  return (
    <>
      <p data-testid="item-findings-count">
        {t('rectification.detail.findingsCount', { count: rows.length })}
      </p>
      {/* Focusable, so a keyboard user can scroll it sideways when the text is large (only the pager, when there
          is one, is a control of its own). */}
      <div
        className="aa-rect-table-scroll"
        role="region"
        aria-label={t('rectification.detail.findingsCaption')}
        tabIndex={0}
        data-testid="item-findings"
      >
        <Table<Finding>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={
            rows.length > 50 ? { pageSize: 50, hideOnSinglePage: true, showSizeChanger: false } : false
          }
        />
      </div>
    </>
  )
}
