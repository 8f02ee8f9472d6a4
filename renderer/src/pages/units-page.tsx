import { useState } from 'react'
import { Button, Checkbox, Input, Select, Space, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { unitKindLabels, unitKinds, type Unit, type UnitKind } from '../../../shared/domain/units'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { StatusTag } from '../components/status-tag'
import { useArchiveFlow } from './archive-flow'
import { UnitForm } from './unit-form'

type Editing = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; unit: Unit }

const collator = new Intl.Collator('zh-CN')

export function UnitsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')
  const [kind, setKind] = useState<UnitKind | undefined>()
  const [includeArchived, setIncludeArchived] = useState(false)
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' })

  const units = useQuery({
    queryKey: ['units:list', search, kind, includeArchived],
    queryFn: () => api.call('units:list', { search: search || undefined, kind, includeArchived }),
  })
  const archive = useArchiveFlow<Unit>({
    keys: 'units',
    setArchived: (unit, archived) => api.call('units:setArchived', { id: unit.id, archived }),
    refreshing: units.isFetching,
    onChanged: () => void queryClient.invalidateQueries({ queryKey: ['units:list'] }),
  })

  const columns: ColumnsType<Unit> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      sorter: (a, b) => collator.compare(a.name, b.name),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      render: (k: UnitKind) => unitKindLabels[k],
      sorter: (a, b) => collator.compare(unitKindLabels[a.kind], unitKindLabels[b.kind]),
    },
    { title: t('units.contactPerson'), dataIndex: 'contactPerson', render: (v: string | null) => v ?? '—' },
    { title: t('units.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('units.placeCount'), dataIndex: 'placeCount', sorter: (a, b) => a.placeCount - b.placeCount },
    {
      title: t('common.status'),
      dataIndex: 'archived',
      render: (archived: boolean) => <StatusTag archived={archived} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, unit: Unit) => (
        <Space>
          <Button
            size="small"
            onClick={() => setEditing({ mode: 'edit', unit })}
            aria-label={`${t('common.edit')} ${unit.name}`}
          >
            {t('common.edit')}
          </Button>
          <Button
            size="small"
            onClick={() => archive.request(unit)}
            aria-label={`${unit.archived ? t('common.restore') : t('common.archive')} ${unit.name}`}
          >
            {unit.archived ? t('common.restore') : t('common.archive')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeading>{t('units.title')}</PageHeading>
      <p className="aa-intro">{t('units.intro')}</p>
      <div className="aa-toolbar" role="search" aria-label={t('units.searchLabel')}>
        <div className="aa-field">
          <label htmlFor="units-search">{t('units.searchLabel')}</label>
          <Input.Search
            id="units-search"
            allowClear
            placeholder={t('units.searchPlaceholder')}
            onSearch={(value) => setSearch(value.trim())}
            enterButton={t('common.search')}
            style={{ width: 320 }}
          />
        </div>
        <div className="aa-field">
          <label htmlFor="units-kind">{t('units.kindFilter')}</label>
          <Select<UnitKind | ''>
            id="units-kind"
            value={kind ?? ''}
            onChange={(v) => setKind(v === '' ? undefined : v)}
            style={{ width: 180 }}
            options={[
              { value: '', label: t('common.all') },
              ...unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] })),
            ]}
          />
        </div>
        <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)}>
          {t('common.includeArchived')}
        </Checkbox>
        <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
          {t('units.createTitle')}
        </Button>
      </div>
      <ErrorAlert error={units.error} />
      {archive.outcome}
      <Table<Unit>
        rowKey="id"
        columns={columns}
        dataSource={units.data ?? []}
        loading={units.isLoading}
        pagination={{
          pageSize: 20,
          showTotal: (count) => t('common.resultCount', { count }),
          hideOnSinglePage: true,
        }}
        title={() => <span className="aa-visually-hidden">{t('units.tableCaption')}</span>}
      />
      {editing.mode !== 'closed' && (
        <UnitForm
          unit={editing.mode === 'edit' ? editing.unit : null}
          onClose={() => setEditing({ mode: 'closed' })}
          onSaved={(unit) => {
            setEditing({ mode: 'closed' })
            archive.saved(`${t('common.saved')}：${unit.name}`)
          }}
        />
      )}
      {archive.dialog}
    </>
  )
}
