import { useState } from 'react'
import { Button, Checkbox, Input, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Portal } from '../../../shared/domain/portals'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { RegistryImportDialog } from '../components/registry-import-dialog'
import { PageHeading } from '../components/page-heading'
import { StatusTag } from '../components/status-tag'
import { BatchProgress } from './batch-progress'
import { formatDateTime } from './format'
import { ImportDialog } from './import-dialog'
import { PortalForm } from './portal-form'
import { RecentBatches } from './recent-batches'
import { PageLink, ScoreText } from './tags'
import './web-audits.css'

type Dialog = { kind: 'closed' } | { kind: 'create' } | { kind: 'import' } | { kind: 'bulkImport' }

const collator = new Intl.Collator('zh-CN')

/** 网站检测: the registered portals, selection → batch, the live progress panel and recent batches. */
export function PortalsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')
  const [includeArchived, setIncludeArchived] = useState(false)
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const [dialog, setDialog] = useState<Dialog>({ kind: 'closed' })
  const [batchId, setBatchId] = useState<number | null>(null)

  const portals = useQuery({
    queryKey: ['portals:list', search, includeArchived],
    queryFn: () => api.call('portals:list', { search: search || undefined, includeArchived }),
  })
  // An empty list with archived portals hidden must not read as "nothing registered": count what is hidden.
  const hidden = useQuery({
    queryKey: ['portals:list', search, true],
    queryFn: () => api.call('portals:list', { search: search || undefined, includeArchived: true }),
    enabled: !includeArchived && portals.data?.length === 0,
  })
  const hiddenCount = includeArchived ? 0 : (hidden.data?.length ?? 0)
  const units = useQuery({
    queryKey: ['units:list', 'all-active'],
    queryFn: () => api.call('units:list', {}),
  })
  const start = useMutation({
    mutationFn: () => api.call('audits:start', { portalIds: [...selected] }),
    onSuccess: (batch) => {
      queryClient.setQueryData(['audits:batch', batch.batchId], batch)
      void queryClient.invalidateQueries({ queryKey: ['audits:batches'] })
      setBatchId(batch.batchId)
      announce(t('webAudits.started', { id: batch.batchId, count: selected.size }))
    },
  })

  const rows = portals.data ?? []
  // An archived portal is shown for reference only: it is not audited until it is restored.
  const selectable = rows.filter((p) => !p.archived)
  const allSelected = selectable.length > 0 && selectable.every((p) => selected.has(p.id))
  const someSelected = selectable.some((p) => selected.has(p.id))
  const toggle = (id: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  const refreshList = () => void queryClient.invalidateQueries({ queryKey: ['portals:list'] })

  const columns: ColumnsType<Portal> = [
    {
      title: (
        <Checkbox
          checked={allSelected}
          indeterminate={someSelected && !allSelected}
          disabled={selectable.length === 0}
          onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((p) => p.id)) : new Set())}
        >
          {t('webAudits.selectAll')}
        </Checkbox>
      ),
      key: 'select',
      width: 100,
      render: (_: unknown, p: Portal) => (
        <Checkbox
          checked={selected.has(p.id)}
          disabled={p.archived}
          onChange={(e) => toggle(p.id, e.target.checked)}
        >
          <span className="aa-visually-hidden">{t('webAudits.selectPortal', { name: p.name })}</span>
        </Checkbox>
      ),
    },
    {
      title: t('webAudits.columns.name'),
      dataIndex: 'name',
      sorter: (a, b) => collator.compare(a.name, b.name),
      defaultSortOrder: 'ascend',
      render: (name: string, p: Portal) => (
        <>
          <Link to={`/web-audits/portals/${p.id}`}>{name}</Link>
          {p.archived && (
            <>
              {' '}
              <StatusTag archived />
            </>
          )}
        </>
      ),
    },
    {
      title: t('webAudits.columns.startUrl'),
      dataIndex: 'startUrl',
      render: (url: string) => <PageLink url={url} />,
    },
    {
      title: t('webAudits.columns.unit'),
      dataIndex: 'unitName',
      render: (v: string | null) => v ?? t('webAudits.form.unitNone'),
      sorter: (a, b) => collator.compare(a.unitName ?? '', b.unitName ?? ''),
    },
    {
      title: t('webAudits.columns.score'),
      dataIndex: 'lastScore',
      render: (v: number | null, p: Portal) => (p.lastRunAt ? <ScoreText score={v} /> : t('webAudits.never')),
      sorter: (a, b) => (a.lastScore ?? -1) - (b.lastScore ?? -1),
    },
    {
      title: t('webAudits.columns.lastRunAt'),
      dataIndex: 'lastRunAt',
      render: (v: string | null) => formatDateTime(v),
    },
  ]

  return (
    <div className="aa-wa">
      <PageHeading>{t('webAudits.title')}</PageHeading>
      <p className="aa-intro">{t('webAudits.intro')}</p>
      <div className="aa-toolbar" role="search" aria-label={t('webAudits.searchLabel')}>
        <div className="aa-field">
          <label htmlFor="portals-search">{t('webAudits.searchLabel')}</label>
          <Input.Search
            id="portals-search"
            allowClear
            placeholder={t('webAudits.searchPlaceholder')}
            onSearch={(value) => setSearch(value.trim())}
            enterButton={t('common.search')}
            style={{ width: 320 }}
          />
        </div>
        <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)}>
          {t('common.includeArchived')}
        </Checkbox>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('webAudits.form.createTitle')}</Button>
        <Button onClick={() => setDialog({ kind: 'import' })}>{t('webAudits.import.button')}</Button>
        <Button onClick={() => setDialog({ kind: 'bulkImport' })}>{t('registryImport.button')}</Button>
      </div>
      <ErrorAlert error={portals.error ?? start.error} />
      <Table<Portal>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={portals.isLoading}
        locale={{
          emptyText:
            hiddenCount > 0 ? t('webAudits.noneActive', { count: hiddenCount }) : t('webAudits.none'),
        }}
        pagination={{
          pageSize: 20,
          showTotal: (count) => t('common.resultCount', { count }),
          hideOnSinglePage: true,
        }}
        title={() => <span className="aa-visually-hidden">{t('webAudits.tableCaption')}</span>}
      />
      <div className="aa-toolbar">
        <Button
          type="primary"
          disabled={selected.size === 0}
          loading={start.isPending}
          onClick={() => start.mutate()}
          aria-describedby="wa-selected-count"
        >
          {t('webAudits.start')}
        </Button>
        <span id="wa-selected-count">{t('webAudits.selectedCount', { count: selected.size })}</span>
      </div>
      {batchId !== null && <BatchProgress key={batchId} batchId={batchId} />}
      <RecentBatches onShow={setBatchId} />
      {dialog.kind === 'create' && (
        <PortalForm
          portal={null}
          units={units.data ?? []}
          onClose={() => setDialog({ kind: 'closed' })}
          onSaved={(portal) => {
            setDialog({ kind: 'closed' })
            refreshList()
            announce(t('webAudits.form.created', { name: portal.name }))
          }}
        />
      )}
      {dialog.kind === 'import' && (
        <ImportDialog onClose={() => setDialog({ kind: 'closed' })} onImported={refreshList} />
      )}
      {dialog.kind === 'bulkImport' && (
        <RegistryImportDialog
          kind="portals"
          onClose={() => setDialog({ kind: 'closed' })}
          onImported={refreshList}
        />
      )}
    </div>
  )
}
