import { useEffect, useMemo, useRef, useState } from 'react'
import { Alert, Button, Input, Select, Space, Typography } from 'antd'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import {
  itemStatusLabels,
  itemStatuses,
  type RectificationItemSummary,
} from '../../../shared/domain/rectification'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { localToday } from './dates'
import { DropDialog, MergeDialog, ScheduleDialog } from './item-dialogs'
import { groupItems } from './item-groups'
import { ItemTable } from './item-table'
import { NoticeDialog } from './notice-dialog'
import { RectificationNav } from './rectification-nav'
import { mergeRefusal, noticeRefusal } from './selection-rules'
import { invalidateRectification } from './queries'
import { UnitFilter } from './unit-filter'

type StatusFilter = (typeof itemStatuses)[number] | 'overdue' | 'active' | 'all'

type Dialog =
  | { kind: 'closed' }
  | { kind: 'drop'; item: RectificationItemSummary }
  | { kind: 'merge'; items: RectificationItemSummary[] }
  | { kind: 'schedule'; items: RectificationItemSummary[] }
  | { kind: 'notice'; items: RectificationItemSummary[] }

/** 整改跟踪 → 整改项: generated from findings on open, grouped by unit and place/portal, with bulk actions. */
export function ItemsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const noticeId = Number(params.get('notice')) || undefined
  const [status, setStatus] = useState<StatusFilter>(noticeId ? 'all' : 'active')
  const [source, setSource] = useState<'' | 'site' | 'web'>('')
  const [unitId, setUnitId] = useState<number>(0)
  const [search, setSearch] = useState('')
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const [dialog, setDialog] = useState<Dialog>({ kind: 'closed' })
  const [refusal, setRefusal] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const today = localToday()

  const filters = {
    status,
    source: source || undefined,
    unitId: unitId || undefined,
    noticeId,
    search: search || undefined,
  }
  const list = useQuery({
    queryKey: ['rectification:list', filters],
    queryFn: () => api.call('rectification:list', filters),
  })
  const notice = useQuery({
    queryKey: ['notices:get', noticeId],
    queryFn: () => api.call('notices:get', { id: noticeId ?? 0 }),
    enabled: noticeId !== undefined,
  })

  const sync = useMutation({
    mutationFn: () => api.call('rectification:sync', {}),
    onSuccess: (result) => {
      invalidateRectification(queryClient)
      const text = t('rectification.synced', result)
      setOutcome(text)
      announce(text)
    },
  })
  // New findings since the last visit become items at once; a ref keeps StrictMode's double effect to one call.
  const syncedOnOpen = useRef(false)
  useEffect(() => {
    if (syncedOnOpen.current) return
    syncedOnOpen.current = true
    sync.mutate()
  }, [sync])

  const rows = useMemo(() => list.data ?? [], [list.data])
  const groups = useMemo(() => groupItems(rows), [rows])
  // Only what is on screen counts as selected: a filter change never leaves hidden items in a bulk action.
  const selectedItems = rows.filter((i) => selected.has(i.id))
  const toggle = (ids: number[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev)
      for (const id of ids) {
        if (on) next.add(id)
        else next.delete(id)
      }
      return next
    })

  const bulk = (kind: 'merge' | 'schedule' | 'notice') => {
    const why =
      kind === 'merge' ? mergeRefusal(selectedItems) : kind === 'notice' ? noticeRefusal(selectedItems) : null
    setRefusal(why)
    if (why) {
      announce(why)
      return
    }
    setDialog({ kind, items: selectedItems })
  }

  const closeAfter = (message: string) => {
    setDialog({ kind: 'closed' })
    invalidateRectification(queryClient)
    setOutcome(message)
    announce(message)
  }

  const unitLabel = (name: string | null) => name ?? t('rectification.unitNone')
  const locationLabel = (name: string | null, src: 'site' | 'web') =>
    `${name ?? t('rectification.locationNone')}（${t(`rectification.sources.${src}`)}）`

  return (
    <div className="aa-rect">
      <PageHeading>{t('rectification.title')}</PageHeading>
      <RectificationNav />
      <p className="aa-intro">{t('rectification.intro')}</p>
      <div className="aa-toolbar">
        <Button loading={sync.isPending} onClick={() => sync.mutate()}>
          {t('rectification.sync')}
        </Button>
        {outcome && (
          <span className="aa-rect-outcome" data-testid="rect-outcome">
            {outcome}
          </span>
        )}
      </div>
      <div className="aa-toolbar" role="search" aria-label={t('rectification.filters')}>
        <div className="aa-field">
          <label htmlFor="rect-status">{t('rectification.statusFilter')}</label>
          <Select<StatusFilter>
            id="rect-status"
            value={status}
            onChange={setStatus}
            style={{ width: '14em', maxWidth: '100%' }}
            options={[
              { value: 'active', label: t('rectification.statusOptions.active') },
              { value: 'overdue', label: t('rectification.statusOptions.overdue') },
              ...itemStatuses.map((s) => ({ value: s, label: itemStatusLabels[s] })),
              { value: 'all', label: t('rectification.statusOptions.all') },
            ]}
          />
        </div>
        <div className="aa-field">
          <label htmlFor="rect-source">{t('rectification.sourceFilter')}</label>
          <Select<'' | 'site' | 'web'>
            id="rect-source"
            value={source}
            onChange={setSource}
            style={{ width: '9em', maxWidth: '100%' }}
            options={[
              { value: '', label: t('rectification.sourceAll') },
              { value: 'site', label: t('rectification.sources.site') },
              { value: 'web', label: t('rectification.sources.web') },
            ]}
          />
        </div>
        <UnitFilter
          id="rect-unit"
          label={t('rectification.unitFilter')}
          value={unitId}
          onChange={setUnitId}
        />
        <div className="aa-field">
          <label htmlFor="rect-search">{t('rectification.searchLabel')}</label>
          <Input.Search
            id="rect-search"
            allowClear
            placeholder={t('rectification.searchPlaceholder')}
            onSearch={(value) => setSearch(value.trim())}
            enterButton={t('common.search')}
            style={{ width: '18em', maxWidth: '100%' }}
          />
        </div>
      </div>
      {noticeId !== undefined && (
        <Alert
          type="info"
          showIcon
          title={t('rectification.notices.filteredBy', { number: notice.data?.number ?? `#${noticeId}` })}
          action={
            <Button size="small" onClick={() => setParams({})}>
              {t('rectification.notices.clearNotice')}
            </Button>
          }
        />
      )}
      <ErrorAlert error={list.error ?? sync.error} />
      <section className="aa-rect-bulk" aria-labelledby="rect-bulk-heading">
        <Typography.Title level={2} id="rect-bulk-heading" className="aa-visually-hidden">
          {t('rectification.bulk.heading')}
        </Typography.Title>
        <span id="rect-selected-count" aria-live="polite">
          {t('rectification.selectedCount', { count: selectedItems.length })}
        </span>
        <Space wrap>
          <Button
            type="primary"
            disabled={selectedItems.length === 0}
            onClick={() => bulk('notice')}
            aria-describedby="rect-selected-count"
          >
            {t('rectification.bulk.notice')}
          </Button>
          <Button
            disabled={selectedItems.length === 0}
            onClick={() => bulk('schedule')}
            aria-describedby="rect-selected-count"
          >
            {t('rectification.bulk.schedule')}
          </Button>
          <Button
            disabled={selectedItems.length === 0}
            onClick={() => bulk('merge')}
            aria-describedby="rect-selected-count"
          >
            {t('rectification.bulk.merge')}
          </Button>
          <Button disabled={selectedItems.length === 0} onClick={() => setSelected(new Set())}>
            {t('rectification.clearSelection')}
          </Button>
        </Space>
        {refusal && selectedItems.length > 0 && (
          <Alert type="warning" showIcon role="alert" title={refusal} data-testid="bulk-refusal" />
        )}
      </section>
      {list.isSuccess && rows.length === 0 && <p>{t('rectification.none')}</p>}
      {list.isLoading && <p>{t('app.loading')}</p>}
      {groups.map((unit) => (
        <section key={unit.key} className="aa-rect-unit" aria-labelledby={`rect-${unit.key}`}>
          <Typography.Title level={2} id={`rect-${unit.key}`} className="aa-rect-unit-heading">
            {unitLabel(unit.unitName)}
            <span className="aa-rect-count">{t('rectification.groupCount', { count: unit.count })}</span>
          </Typography.Title>
          {unit.locations.map((loc) => {
            const label = locationLabel(loc.name, loc.source)
            return (
              <section
                key={loc.key}
                className="aa-rect-location"
                aria-labelledby={`rect-${unit.key}-${loc.key}`}
              >
                <Typography.Title
                  level={3}
                  id={`rect-${unit.key}-${loc.key}`}
                  className="aa-rect-loc-heading"
                >
                  {label}
                  <span className="aa-rect-count">
                    {t('rectification.groupCount', { count: loc.items.length })}
                  </span>
                </Typography.Title>
                <ItemTable
                  caption={t('rectification.tableCaption', {
                    unit: unitLabel(unit.unitName),
                    location: label,
                  })}
                  groupLabel={label}
                  items={loc.items}
                  selected={selected}
                  onToggle={toggle}
                  onDrop={(item) => setDialog({ kind: 'drop', item })}
                  today={today}
                />
              </section>
            )
          })}
        </section>
      ))}
      {dialog.kind === 'drop' && (
        <DropDialog
          item={dialog.item}
          onClose={() => setDialog({ kind: 'closed' })}
          onSaved={(item) => closeAfter(t('rectification.drop.done', { title: item.title }))}
        />
      )}
      {dialog.kind === 'merge' && (
        <MergeDialog
          items={dialog.items}
          onClose={() => setDialog({ kind: 'closed' })}
          onSaved={(item) => {
            setSelected(new Set())
            closeAfter(t('rectification.merge.done', { count: dialog.items.length - 1, title: item.title }))
          }}
        />
      )}
      {dialog.kind === 'schedule' && (
        <ScheduleDialog
          items={dialog.items}
          onClose={() => setDialog({ kind: 'closed' })}
          onSaved={(result) =>
            closeAfter(
              result.failures.length === 0
                ? t('rectification.schedule.done', { count: result.done })
                : t('rectification.schedule.partial', {
                    done: result.done,
                    failed: result.failures.length,
                    reasons: result.failures.join('；'),
                  }),
            )
          }
        />
      )}
      {dialog.kind === 'notice' && (
        <NoticeDialog
          items={dialog.items}
          onClose={() => {
            setDialog({ kind: 'closed' })
            invalidateRectification(queryClient)
          }}
          onIssued={() => {
            setSelected(new Set())
            invalidateRectification(queryClient)
          }}
        />
      )}
    </div>
  )
}
