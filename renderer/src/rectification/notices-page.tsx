import { useState } from 'react'
import { Button, Space, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import {
  itemStatuses,
  itemStatusLabels,
  type ExportFormat,
  type NoticeSummary,
} from '../../../shared/domain/rectification'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { ScrollRegion } from '../components/scroll-region'
import { saveExportedFile } from './download'
import { printHtml } from './print-frame'
import { RectificationNav } from './rectification-nav'
import { UnitFilter } from './unit-filter'

const formatLabels: Record<ExportFormat, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel' }

/** 整改通知书: the issued notices with their items' progress; print, export and open their items. */
export function NoticesPage() {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const [unitId, setUnitId] = useState(0)

  const notices = useQuery({
    queryKey: ['notices:list', unitId],
    queryFn: () => api.call('notices:list', { unitId: unitId || undefined }),
  })

  const print = useMutation({
    mutationFn: async (notice: NoticeSummary) => {
      announce(t('rectification.notices.printing'))
      const { html } = await api.call('notices:html', { id: notice.id })
      await printHtml(html, t('rectification.notices.printFrame'))
      return notice
    },
    onSuccess: (notice) => announce(t('rectification.notices.printReady', { number: notice.number })),
  })
  const exportFile = useMutation({
    mutationFn: async (args: { notice: NoticeSummary; format: ExportFormat }) => {
      announce(t('rectification.notices.exporting', { format: formatLabels[args.format] }))
      return api.call('notices:export', { id: args.notice.id, format: args.format })
    },
    onSuccess: (file) => {
      saveExportedFile(file)
      announce(t('rectification.notices.exported', { file: file.fileName }))
    },
  })

  const columns: ColumnsType<NoticeSummary> = [
    { title: t('rectification.notices.columns.number'), dataIndex: 'number' },
    { title: t('rectification.notices.columns.unit'), dataIndex: 'unitName', className: 'aa-rect-wrap' },
    { title: t('rectification.notices.columns.issuedOn'), dataIndex: 'issuedOn', className: 'aa-rect-date' },
    {
      title: t('rectification.notices.columns.deadline'),
      dataIndex: 'deadline',
      render: (deadline: string, n: NoticeSummary) => (
        <>
          <span className="aa-rect-date">{deadline}</span>
          {n.overdueCount > 0 && (
            <div className="aa-rect-overdue">
              <span aria-hidden="true">⚠ </span>
              {t('rectification.notices.overdue', { count: n.overdueCount })}
            </div>
          )}
        </>
      ),
    },
    {
      title: t('rectification.notices.columns.progress'),
      key: 'progress',
      render: (_: unknown, n) => <NoticeProgress notice={n} />,
    },
    {
      title: t('rectification.notices.columns.actions'),
      key: 'actions',
      render: (_: unknown, n) => (
        <Space wrap size="small">
          <Button
            size="small"
            onClick={() => print.mutate(n)}
            loading={print.isPending && print.variables.id === n.id}
            aria-label={t('rectification.notices.printNamed', { number: n.number })}
          >
            {t('rectification.notices.print')}
          </Button>
          {(['pdf', 'docx', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              size="small"
              onClick={() => exportFile.mutate({ notice: n, format })}
              loading={
                exportFile.isPending &&
                exportFile.variables.notice.id === n.id &&
                exportFile.variables.format === format
              }
              aria-label={t('rectification.notices.exportNamed', {
                number: n.number,
                format: formatLabels[format],
              })}
            >
              {t('rectification.notices.exportGroup')} {formatLabels[format]}
            </Button>
          ))}
          <Link
            to={`/rectification?notice=${n.id}`}
            aria-label={t('rectification.notices.itemsNamed', { number: n.number })}
          >
            {t('rectification.notices.items')}
          </Link>
        </Space>
      ),
    },
  ]

  return (
    <div className="aa-rect">
      <PageHeading>{t('rectification.notices.heading')}</PageHeading>
      <RectificationNav />
      <p className="aa-intro">{t('rectification.notices.intro')}</p>
      <div className="aa-toolbar" role="search" aria-label={t('rectification.notices.unitFilter')}>
        <UnitFilter
          id="notices-unit"
          label={t('rectification.notices.unitFilter')}
          value={unitId}
          onChange={setUnitId}
        />
      </div>
      <ErrorAlert error={notices.error ?? print.error ?? exportFile.error} />
      <ScrollRegion className="aa-rect-table-scroll" label={t('rectification.notices.caption')}>
        <Table<NoticeSummary>
          rowKey="id"
          columns={columns}
          dataSource={notices.data ?? []}
          loading={notices.isLoading}
          locale={{ emptyText: t('rectification.notices.none') }}
          pagination={{
            pageSize: 20,
            showTotal: (count) => t('common.resultCount', { count }),
            hideOnSinglePage: true,
          }}
          title={() => <span className="aa-visually-hidden">{t('rectification.notices.caption')}</span>}
        />
      </ScrollRegion>
    </div>
  )
}

/** "共 3 项：已通知 2、已核验 1" in words, the overdue count apart. */
function NoticeProgress({ notice }: { notice: NoticeSummary }) {
  const { t } = useTranslation()
  const parts = itemStatuses
    .filter((s) => (notice.statusCounts[s] ?? 0) > 0)
    .map((s) => `${itemStatusLabels[s]} ${notice.statusCounts[s]}`)
  return (
    <span data-testid="notice-progress">
      {t('rectification.notices.progress', { count: notice.itemCount })}
      {parts.length > 0 && `：${parts.join('、')}`}
    </span>
  )
}
