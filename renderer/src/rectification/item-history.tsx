import { Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { itemStatusLabels, type ItemEvent } from '../../../shared/domain/rectification'
import { authorshipLabel } from '../../../shared/domain/team'
import { formatDateTime } from '../web-audits/format'

/** 处理记录: every change of the item, oldest first, as the server recorded it. */
export function ItemHistory({ events }: { events: ItemEvent[] }) {
  const { t } = useTranslation()
  if (events.length === 0) return <p>{t('rectification.detail.historyNone')}</p>
  const columns: ColumnsType<ItemEvent> = [
    { title: t('rectification.detail.historyAt'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    {
      title: t('rectification.detail.historyAction'),
      dataIndex: 'action',
      render: (a: ItemEvent['action']) => t(`rectification.detail.events.${a}`, { defaultValue: a }),
    },
    {
      title: t('rectification.detail.historyChange'),
      key: 'change',
      render: (_: unknown, e) =>
        e.toStatus && e.toStatus !== e.fromStatus
          ? `${e.fromStatus ? itemStatusLabels[e.fromStatus] : '—'} → ${itemStatusLabels[e.toStatus]}`
          : '—',
    },
    {
      title: t('rectification.detail.historyNote'),
      dataIndex: 'note',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('team.recordedBy'),
      key: 'by',
      render: (_: unknown, e) => (
        <span style={{ color: 'rgba(0,0,0,0.65)' }}>
          {authorshipLabel(e.by, e.device) ?? t('team.unknown')}
        </span>
      ),
    },
  ]
  return (
    <Table<ItemEvent>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={events}
      pagination={false}
      title={() => <span className="aa-visually-hidden">{t('rectification.detail.historyCaption')}</span>}
    />
  )
}
