import { useState } from 'react'
import { Button, Checkbox, Input, Select, Space, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { placeTypeLabels, placeTypes, type Place, type PlaceType } from '../../../shared/domain/places'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { RegistryImportDialog } from '../components/registry-import-dialog'
import { StatusTag } from '../components/status-tag'
import { useArchiveFlow } from './archive-flow'
import { PlaceForm } from './place-form'

type Editing = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; place: Place }

const collator = new Intl.Collator('zh-CN')

export function PlacesPage() {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')
  const [type, setType] = useState<PlaceType | undefined>()
  const [unitId, setUnitId] = useState<number | undefined>()
  const [includeArchived, setIncludeArchived] = useState(false)
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' })
  const [importing, setImporting] = useState(false)

  const places = useQuery({
    queryKey: ['places:list', search, type, unitId, includeArchived],
    queryFn: () => api.call('places:list', { search: search || undefined, type, unitId, includeArchived }),
  })
  const units = useQuery({
    queryKey: ['units:list', 'all-active'],
    queryFn: () => api.call('units:list', {}),
  })
  const archive = useArchiveFlow<Place>({
    keys: 'places',
    setArchived: (place, archived) => api.call('places:setArchived', { id: place.id, archived }),
    refreshing: places.isFetching,
    onChanged: () => void queryClient.invalidateQueries({ queryKey: ['places:list'] }),
  })

  const columns: ColumnsType<Place> = [
    {
      title: t('places.name'),
      dataIndex: 'name',
      sorter: (a, b) => collator.compare(a.name, b.name),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('places.type'),
      dataIndex: 'type',
      render: (v: PlaceType) => placeTypeLabels[v],
      sorter: (a, b) => collator.compare(placeTypeLabels[a.type], placeTypeLabels[b.type]),
    },
    { title: t('places.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
    {
      title: t('places.unit'),
      dataIndex: 'unitName',
      render: (v: string | null) => v ?? t('places.unitNone'),
      sorter: (a, b) => collator.compare(a.unitName ?? '', b.unitName ?? ''),
    },
    {
      title: t('common.status'),
      dataIndex: 'archived',
      render: (archived: boolean) => <StatusTag archived={archived} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, place: Place) => (
        <Space>
          <Button
            size="small"
            onClick={() => setEditing({ mode: 'edit', place })}
            aria-label={`${t('common.edit')} ${place.name}`}
          >
            {t('common.edit')}
          </Button>
          <Button
            size="small"
            onClick={() => archive.request(place)}
            aria-label={`${place.archived ? t('common.restore') : t('common.archive')} ${place.name}`}
          >
            {place.archived ? t('common.restore') : t('common.archive')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeading>{t('places.title')}</PageHeading>
      <p className="aa-intro">{t('places.intro')}</p>
      <div className="aa-toolbar" role="search" aria-label={t('places.searchLabel')}>
        <div className="aa-field">
          <label htmlFor="places-search">{t('places.searchLabel')}</label>
          <Input.Search
            id="places-search"
            allowClear
            placeholder={t('places.searchPlaceholder')}
            onSearch={(value) => setSearch(value.trim())}
            enterButton={t('common.search')}
            style={{ width: 320 }}
          />
        </div>
        <div className="aa-field">
          <label htmlFor="places-type">{t('places.typeFilter')}</label>
          <Select<PlaceType | ''>
            id="places-type"
            value={type ?? ''}
            onChange={(v) => setType(v === '' ? undefined : v)}
            style={{ width: 180 }}
            options={[
              { value: '', label: t('common.all') },
              ...placeTypes.map((p) => ({ value: p, label: placeTypeLabels[p] })),
            ]}
          />
        </div>
        <div className="aa-field">
          <label htmlFor="places-unit">{t('places.unitFilter')}</label>
          <Select<number>
            id="places-unit"
            value={unitId ?? 0}
            onChange={(v) => setUnitId(v === 0 ? undefined : v)}
            style={{ width: 260 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: 0, label: t('common.all') },
              ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        </div>
        <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)}>
          {t('common.includeArchived')}
        </Checkbox>
        <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
          {t('places.createTitle')}
        </Button>
        <Button onClick={() => setImporting(true)}>{t('registryImport.button')}</Button>
      </div>
      <ErrorAlert error={places.error} />
      {archive.outcome}
      <Table<Place>
        rowKey="id"
        columns={columns}
        dataSource={places.data ?? []}
        loading={places.isLoading}
        pagination={{
          pageSize: 20,
          showTotal: (count) => t('common.resultCount', { count }),
          hideOnSinglePage: true,
        }}
        title={() => <span className="aa-visually-hidden">{t('places.tableCaption')}</span>}
      />
      {editing.mode !== 'closed' && (
        <PlaceForm
          place={editing.mode === 'edit' ? editing.place : null}
          units={units.data ?? []}
          onClose={() => setEditing({ mode: 'closed' })}
          onSaved={(place) => {
            setEditing({ mode: 'closed' })
            archive.saved(`${t('common.saved')}：${place.name}`)
          }}
        />
      )}
      {archive.dialog}
      {importing && (
        <RegistryImportDialog
          kind="places"
          onClose={() => setImporting(false)}
          onImported={() => void queryClient.invalidateQueries({ queryKey: ['places:list'] })}
        />
      )}
    </>
  )
}
