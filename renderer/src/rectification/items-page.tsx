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
import { useActionOutcome } from '../components/action-outcome'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { localToday } from './dates'
import { DropDialog, MergeDialog, ScheduleDialog } from './item-dialogs'
import { groupItems } from './item-groups'
import { ItemTable } from './item-table'
import { NoticeDialog } from './notice-dialog'
import { RectificationNav } from './rectification-nav'
import { claimRefusal, decideRefusal, mergeRefusal, noticeRefusal } from './selection-rules'
import { BulkClaimDialog, BulkDecideDialog } from './bulk-dialogs'
import { invalidateRectification } from './queries'
import { UnitFilter } from './unit-filter'

type StatusFilter = (typeof itemStatuses)[number] | 'overdue' | 'active' | 'all' | 'proposed'

const statusFilters: readonly StatusFilter[] = ['active', 'overdue', 'proposed', ...itemStatuses, 'all']

/** `?status=` from a link (今日待办), when it names a filter this list has. */
function statusParam(value: string | null): StatusFilter | null {
  return statusFilters.find((s) => s === value) ?? null
}

type BulkKind = 'merge' | 'schedule' | 'notice' | 'claim' | 'accept' | 'reject'

type Dialog =
  | { kind: 'closed' }
  | { kind: 'drop'; item: RectificationItemSummary }
  | { kind: BulkKind; items: RectificationItemSummary[] }

const bulkRules: Record<BulkKind, (items: readonly RectificationItemSummary[]) => string | null> = {
  notice: noticeRefusal,
  claim: claimRefusal,
  accept: decideRefusal,
  reject: decideRefusal,
  schedule: () => null,
  merge: mergeRefusal,
}

/** 整改跟踪 → 整改项: generated from findings on open, grouped by unit and place/portal, with bulk actions. */
export function ItemsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const noticeId = Number(params.get('notice')) || undefined
  const [status, setStatus] = useState<StatusFilter>(
    () => statusParam(params.get('status')) ?? (noticeId ? 'all' : 'active'),
  )
  const [source, setSource] = useState<'' | 'site' | 'web'>('')
  const [unitId, setUnitId] = useState<number>(() => Number(params.get('unit')) || 0)
  // A link followed while the list is already open (今日待办, back and forward) changes only the address: apply it.
  const statusFromUrl = statusParam(params.get('status'))
  const unitFromUrl = Number(params.get('unit')) || 0
  const [fromUrl, setFromUrl] = useState({ status: statusFromUrl, unit: unitFromUrl })
  if (fromUrl.status !== statusFromUrl || fromUrl.unit !== unitFromUrl) {
    setFromUrl({ status: statusFromUrl, unit: unitFromUrl })
    if (statusFromUrl) setStatus(statusFromUrl)
    setUnitId(unitFromUrl)
  }
  const [search, setSearch] = useState('')
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const [dialog, setDialog] = useState<Dialog>({ kind: 'closed' })
  const [refusal, setRefusal] = useState<string | null>(null)
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
  const outcome = useActionOutcome(list.isFetching, 'rect-outcome')
  const notice = useQuery({
    queryKey: ['notices:get', noticeId],
    queryFn: () => api.call('notices:get', { id: noticeId ?? 0 }),
    enabled: noticeId !== undefined,
  })

  const sync = useMutation({
    mutationFn: () => api.call('rectification:sync', {}),
    onSuccess: (result) => {
      invalidateRectification(queryClient)
      outcome.show({ text: t('rectification.synced', result) }, { focus: false })
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

  const bulk = (kind: BulkKind) => {
    const why = bulkRules[kind](selectedItems)
    setRefusal(why)
    if (why) {
      announce(why)
      return
    }
    setDialog({ kind, items: selectedItems })
  }

  // After an action the rows it changed may leave the list and the bulk buttons go disabled with the selection:
  // the outcome line takes the focus once the list has reloaded (see useActionOutcome).
  const closeAfter = (message: string, clearSelection = false) => {
    setDialog({ kind: 'closed' })
    if (clearSelection) setSelected(new Set())
    invalidateRectification(queryClient)
    outcome.show({ text: message })
  }

  // A bulk dialog closed without saving may have been refused because items changed meanwhile: reload them, so the
  // next attempt starts from what is stored.
  const closeRefused = () => {
    setDialog({ kind: 'closed' })
    invalidateRectification(queryClient)
  }
  const issuedNumber = useRef<string | null>(null)

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
        {outcome.element}
      </div>
      <div className="aa-toolbar" role="search" aria-label={t('rectification.filters')}>
        <div className="aa-field">
          <label htmlFor="rect-status">{t('rectification.statusFilter')}</label>
          <Select<StatusFilter>
            id="rect-status"
            virtual={false}
            value={status}
            onChange={setStatus}
            style={{ width: '14em', maxWidth: '100%' }}
            options={statusFilters.map((s) => ({
              value: s,
              label:
                s === 'active' || s === 'overdue' || s === 'all' || s === 'proposed'
                  ? t(`rectification.statusOptions.${s}`)
                  : itemStatusLabels[s],
            }))}
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
          {(['notice', 'claim', 'accept', 'reject', 'schedule', 'merge'] as const).map((kind) => (
            <Button
              key={kind}
              type={kind === 'notice' ? 'primary' : 'default'}
              disabled={selectedItems.length === 0}
              onClick={() => bulk(kind)}
              aria-describedby="rect-selected-count"
            >
              {t(`rectification.bulk.${kind}`)}
            </Button>
          ))}
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
          onSaved={(item) =>
            closeAfter(
              t('rectification.merge.done', { count: dialog.items.length - 1, title: item.title }),
              true,
            )
          }
        />
      )}
      {dialog.kind === 'schedule' && (
        <ScheduleDialog
          items={dialog.items}
          onClose={closeRefused}
          onSaved={(result) => closeAfter(t('rectification.schedule.done', { count: result.count }))}
        />
      )}
      {dialog.kind === 'claim' && (
        <BulkClaimDialog
          items={dialog.items}
          onClose={closeRefused}
          onSaved={(result) => closeAfter(t('rectification.bulkClaim.done', { count: result.count }), true)}
        />
      )}
      {(dialog.kind === 'accept' || dialog.kind === 'reject') && (
        <BulkDecideDialog
          items={dialog.items}
          accept={dialog.kind === 'accept'}
          onClose={closeRefused}
          onSaved={(result) =>
            closeAfter(
              t(
                dialog.kind === 'accept'
                  ? 'rectification.bulkDecide.accepted'
                  : 'rectification.bulkDecide.rejected',
                {
                  count: result.count,
                },
              ),
              true,
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
            // The dialog said it (and held the focus); once it closes the 签发 trigger is disabled with the
            // selection gone, so the outcome line takes the focus and says it again.
            if (issuedNumber.current)
              outcome.show({ text: t('rectification.notice.issued', { number: issuedNumber.current }) })
            issuedNumber.current = null
          }}
          onIssued={(notice) => {
            issuedNumber.current = notice.number
            setSelected(new Set())
            invalidateRectification(queryClient)
          }}
        />
      )}
    </div>
  )
}
