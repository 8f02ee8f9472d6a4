import { useState } from 'react'
import { Button, Input, Select, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { InspectionStatus, InspectionSummary } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { NewInspectionDialog } from './new-inspection-dialog'
import { InspectionStatusTag } from './status-tags'
import './inspections.css'

const collator = new Intl.Collator('zh-CN')

/** 现场检查: every inspection with its counts, filters, and the dialog that starts a new one. */
export function InspectionsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const navigate = useNavigate()
  const [search, setSearch] = useState('')
  const [status, setStatus] = useState<InspectionStatus | undefined>()
  const [placeId, setPlaceId] = useState<number | undefined>()
  const [creating, setCreating] = useState(false)

  const inspections = useQuery({
    queryKey: ['inspections:list', search, status, placeId],
    queryFn: () => api.call('inspections:list', { search: search || undefined, status, placeId }),
  })
  const places = useQuery({
    queryKey: ['places:list', 'inspections'],
    queryFn: () => api.call('places:list', {}),
  })

  const columns: ColumnsType<InspectionSummary> = [
    {
      title: t('inspections.columns.place'),
      dataIndex: 'placeName',
      sorter: (a, b) => collator.compare(a.placeName, b.placeName),
      render: (name: string, row) => (
        <Link
          to={`/inspections/${row.id}`}
          aria-label={t('inspections.openNamed', { place: name, date: row.inspectedOn })}
        >
          {name}
        </Link>
      ),
    },
    { title: t('inspections.columns.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
    {
      title: t('inspections.columns.date'),
      dataIndex: 'inspectedOn',
      sorter: (a, b) => a.inspectedOn.localeCompare(b.inspectedOn),
      defaultSortOrder: 'descend',
    },
    { title: t('inspections.columns.inspectors'), dataIndex: 'inspectors' },
    {
      title: t('inspections.columns.status'),
      dataIndex: 'status',
      render: (s: InspectionStatus, row) => (
        <span className="aa-status-cell">
          <InspectionStatusTag status={s} />
          {row.previousInspectionId && <span>{t('inspections.reinspection')}</span>}
          {row.revisionOf && <span>{t('inspections.revision')}</span>}
        </span>
      ),
    },
    { title: t('inspections.columns.elements'), dataIndex: 'elementCount', align: 'right' },
    {
      title: t('inspections.columns.fail'),
      dataIndex: 'failCount',
      align: 'right',
      sorter: (a, b) => a.failCount - b.failCount,
    },
    { title: t('inspections.columns.review'), dataIndex: 'reviewCount', align: 'right' },
    {
      title: t('inspections.columns.notEntered'),
      dataIndex: 'notEnteredCount',
      align: 'right',
      sorter: (a, b) => a.notEnteredCount - b.notEnteredCount,
    },
  ]

  return (
    <div className="aa-insp-screen">
      <PageHeading>{t('inspections.title')}</PageHeading>
      <p className="aa-intro">{t('inspections.intro')}</p>
      <div className="aa-toolbar" role="search" aria-label={t('inspections.searchLabel')}>
        <div className="aa-field">
          <label htmlFor="inspections-search">{t('inspections.searchLabel')}</label>
          <Input.Search
            id="inspections-search"
            allowClear
            placeholder={t('inspections.searchPlaceholder')}
            onSearch={(value) => setSearch(value.trim())}
            enterButton={t('common.search')}
            style={{ width: 300 }}
          />
        </div>
        <div className="aa-field">
          <label htmlFor="inspections-status">{t('inspections.statusFilter')}</label>
          <Select<InspectionStatus | ''>
            id="inspections-status"
            value={status ?? ''}
            onChange={(v) => setStatus(v === '' ? undefined : v)}
            style={{ width: 140 }}
            options={[
              { value: '', label: t('common.all') },
              { value: 'draft', label: t('inspections.status.draft') },
              { value: 'submitted', label: t('inspections.status.submitted') },
            ]}
          />
        </div>
        <div className="aa-field">
          <label htmlFor="inspections-place">{t('inspections.placeFilter')}</label>
          <Select<number>
            id="inspections-place"
            value={placeId ?? 0}
            onChange={(v) => setPlaceId(v === 0 ? undefined : v)}
            style={{ width: 260 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: 0, label: t('common.all') },
              ...(places.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
        </div>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('inspections.newInspection')}
        </Button>
      </div>
      <ErrorAlert error={inspections.error} />
      <Table<InspectionSummary>
        rowKey="id"
        columns={columns}
        dataSource={inspections.data ?? []}
        loading={inspections.isLoading}
        // At 200 % zoom or the largest text the table scrolls in its own box rather than wrapping every cell.
        scroll={{ x: 'max-content' }}
        pagination={{
          pageSize: 20,
          showTotal: (count) => t('common.resultCount', { count }),
          hideOnSinglePage: true,
        }}
        title={() => <span className="aa-visually-hidden">{t('inspections.tableCaption')}</span>}
      />
      {creating && (
        <NewInspectionDialog
          places={places.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(inspection) => {
            setCreating(false)
            announce(
              inspection.previousInspectionId
                ? t('inspections.create.createdReinspection', {
                    place: inspection.placeName,
                    count: inspection.elements.length,
                  })
                : t('inspections.create.created', { place: inspection.placeName }),
            )
            void navigate(`/inspections/${inspection.id}`)
          }}
        />
      )}
    </div>
  )
}
