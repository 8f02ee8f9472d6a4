import { Button, Space, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { AuditBatchView } from '../../../shared/domain/audits'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { canResume } from './batch-progress'
import { formatDateTime } from './format'
import { RunStatusTag } from './tags'

/** 最近的检测批次, with resume for paused or cancelled ones. */
export function RecentBatches({ onShow }: { onShow: (batchId: number) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const batches = useQuery({ queryKey: ['audits:batches'], queryFn: () => api.call('audits:batches', {}) })
  const resume = useMutation({
    mutationFn: (batchId: number) => api.call('audits:resume', { batchId }),
    onSuccess: (next) => {
      void queryClient.invalidateQueries({ queryKey: ['audits:batches'] })
      queryClient.setQueryData(['audits:batch', next.batchId], next)
      announce(t('webAudits.batch.resumed', { id: next.batchId }))
      onShow(next.batchId)
    },
  })

  const columns: ColumnsType<AuditBatchView> = [
    { title: '#', dataIndex: 'batchId' },
    { title: t('webAudits.batch.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('webAudits.batch.portals'),
      key: 'portals',
      render: (_: unknown, b) => b.runs.map((r) => r.portalName).join('、') || '—',
    },
    {
      title: t('webAudits.batch.status'),
      dataIndex: 'status',
      render: (v: AuditBatchView['status']) => <RunStatusTag status={v} batch />,
    },
    {
      title: t('webAudits.batch.progress'),
      key: 'progress',
      render: (_: unknown, b) =>
        t('webAudits.batch.pages', { done: b.done + b.failed + b.skipped, total: b.total }),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, b) => (
        <Space>
          <Button
            size="small"
            onClick={() => onShow(b.batchId)}
            aria-label={t('webAudits.batch.viewNamed', { id: b.batchId })}
          >
            {t('webAudits.batch.view')}
          </Button>
          {canResume(b) && (
            <Button
              size="small"
              onClick={() => resume.mutate(b.batchId)}
              aria-label={t('webAudits.batch.resumeNamed', { id: b.batchId })}
            >
              {t('webAudits.batch.resume')}
            </Button>
          )}
        </Space>
      ),
    },
  ]

  return (
    <section aria-labelledby="wa-recent-heading">
      <h2 id="wa-recent-heading">{t('webAudits.batch.recent')}</h2>
      <ErrorAlert error={batches.error ?? resume.error} />
      <Table<AuditBatchView>
        rowKey="batchId"
        size="small"
        columns={columns}
        dataSource={batches.data ?? []}
        loading={batches.isLoading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('webAudits.batch.noneRecent') }}
        title={() => <span className="aa-visually-hidden">{t('webAudits.batch.recentCaption')}</span>}
      />
    </section>
  )
}
