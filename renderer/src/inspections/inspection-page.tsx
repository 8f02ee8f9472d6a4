import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Alert, Button } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { Inspection, InspectionElement } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { AddElementForm } from './add-element-form'
import { ComparisonSummary } from './comparison-summary'
import { ElementSection, type PreviousElement } from './element-section'
import { enterMovesToNextField } from './enter-navigation'
import { FindingsList } from './findings-list'
import { HeaderEdit } from './header-edit'
import { InspectionHeader } from './inspection-header'
import { PlaceGpsOffer } from './place-gps-offer'
import { liveSummary, type LiveCache } from './live-summary'
import { inspectionKey, isConflict, useMutationQueue } from './mutation-queue'
import { clearPending } from './pending-store'
import { ConflictAlert, SaveStatus } from './save-status'
import { SubmitBar, SubmitBarLink, SUBMIT_BAR_ID } from './submit-bar'
import { VerdictCounts } from './status-tags'
import { sharedKey } from './shared-fields'
import { checkKey } from './draft-values'
import { checksForCategory } from '../../../shared/catalog/index'
import { useAutosave } from './use-autosave'
import { domId } from './format'
import './inspections.css'

/** The route: a new id is a new page (its own drafts and queue), e.g. after 更正 navigates to the revision. */
export function InspectionRoute() {
  const { id } = useParams()
  const numeric = Number(id)
  return <InspectionPage key={numeric} id={numeric} />
}

function useInspection(id: number) {
  const api = useApi()
  return useQuery({
    queryKey: inspectionKey(id),
    queryFn: () => api.call('inspections:get', { id }),
    enabled: Number.isInteger(id) && id > 0,
  })
}

function focusHeading(elementId: number) {
  const heading = document.getElementById(domId('element', elementId))
  heading?.setAttribute('tabindex', '-1')
  heading?.focus()
}

export function InspectionPage({ id }: { id: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const query = useInspection(id)
  const inspection = query.data
  const previousQuery = useInspection(inspection?.previousInspectionId ?? 0)
  const previous = inspection?.previousInspectionId ? (previousQuery.data ?? null) : null
  const queue = useMutationQueue(id, inspection?.version)
  const autosave = useAutosave(id, queue)
  const { restore, flushNow, forget } = autosave
  const { run } = queue
  // One cache per page: a check's live result is reused while its draft and saved state are the same object.
  const [liveCache] = useState<LiveCache>(() => new Map())
  const [error, setError] = useState<unknown>(null)

  // On open, edits a crash or a closed window left behind are re-applied and saved.
  const restoredFor = useRef<number | null>(null)
  useEffect(() => {
    if (!inspection || restoredFor.current === inspection.id) return
    restoredFor.current = inspection.id
    const count = restore(inspection)
    if (count) announce(t('inspections.save.restored', { count }))
  }, [inspection, restore, announce, t])

  const reload = async (discard: boolean) => {
    if (discard) clearPending(id)
    queue.resume()
    const fresh = await query.refetch()
    if (!fresh.data) return
    const count = restore(fresh.data)
    announce(count ? t('inspections.save.restored', { count }) : t('inspections.save.reloaded'))
  }

  const removeElement = useCallback(
    (element: InspectionElement) => {
      run((baseVersion) =>
        api.call('inspections:removeElement', { elementId: element.id, baseVersion }),
      ).then(
        (next) => {
          announce(t('inspections.element.removed', { label: element.label }))
          // The button is gone with its facility: continue at the next facility, else at 添加设施.
          const following = next?.elements.find((e) => e.position > element.position) ?? next?.elements.at(-1)
          window.setTimeout(() => {
            if (following) focusHeading(following.id)
            else document.getElementById('add-element-category')?.focus()
          }, 50)
        },
        (caught: unknown) => !isConflict(caught) && setError(caught),
      )
    },
    [api, announce, t, run],
  )

  const previousFor = useMemo(() => {
    const map = new Map<number, PreviousElement>()
    if (!inspection || !previous) return map
    for (const e of inspection.elements)
      map.set(e.id, {
        date: previous.inspectedOn,
        element: previous.elements.find((p) => p.id === e.previousElementId),
      })
    return map
  }, [inspection, previous])

  const summary = useMemo(
    () => (inspection ? liveSummary(inspection, autosave.drafts, previous, liveCache) : null),
    [inspection, autosave.drafts, previous, liveCache],
  )

  // 沿用上次: sends what is typed first, then copies into what is still blank; the screen then shows the server's.
  const copyPrevious = useCallback(
    (element: InspectionElement, checkId?: string) => {
      const carriedBefore = (i: Inspection | null | undefined) => {
        const e = i?.elements.find((x) => x.id === element.id)
        return e
          ? e.carriedMeasurements.length + Object.values(e.checks).reduce((n, c) => n + c.carried.length, 0)
          : 0
      }
      void flushNow()
        .then(() =>
          run((baseVersion, current) => {
            const before = carriedBefore(current)
            return api
              .call('inspections:copyPrevious', {
                elementId: element.id,
                baseVersion,
                ...(checkId ? { checkId } : {}),
              })
              .then((next) => {
                const keys = checksForCategory(next.catalogId, element.category).map((c) =>
                  checkKey(element.id, c.id),
                )
                forget([...keys, sharedKey(element.id)])
                const count = Math.max(0, carriedBefore(next) - before)
                announce(count ? t('inspections.copy.copied', { count }) : t('inspections.copy.none'))
                // The button may be gone (nothing left to copy): focus the check, or the facility's heading.
                window.setTimeout(() => {
                  if (checkId) document.getElementById(domId('c', element.id, checkId))?.focus()
                  else focusHeading(element.id)
                }, 50)
                return next
              })
          }),
        )
        .catch((caught: unknown) => !isConflict(caught) && setError(caught))
    },
    [api, announce, flushNow, forget, run, t],
  )

  if (!inspection || !summary)
    return (
      <div className="aa-insp-screen">
        <PageHeading>{t('inspections.detail.titleFallback')}</PageHeading>
        <ErrorAlert error={query.error} />
        {query.isLoading && <p>{t('inspections.detail.loading')}</p>}
        <Link to="/inspections">{t('inspections.detail.backToList')}</Link>
      </div>
    )

  const readOnly = inspection.status !== 'draft'
  return (
    <Page
      inspection={inspection}
      headerEdit={
        <HeaderEdit
          inspection={inspection}
          previousDate={previous?.inspectedOn ?? null}
          queue={queue}
          onReload={() => reload(false)}
        />
      }
    >
      {queue.conflict && (
        <ConflictAlert onReload={() => void reload(false)} onDiscard={() => void reload(true)} />
      )}
      {inspection.previousInspectionId && previous && (
        <Alert
          type="info"
          showIcon
          title={t('inspections.detail.reinspectionNote', { date: previous.inspectedOn })}
        />
      )}
      {inspection.revisionOf && (
        <Alert
          type="info"
          showIcon
          title={t('inspections.detail.revisionOf', { id: inspection.revisionOf })}
        />
      )}
      {inspection.supersededBy && (
        <Alert
          type="warning"
          showIcon
          title={t('inspections.detail.supersededBy')}
          description={
            <Link to={`/inspections/${inspection.supersededBy}`}>{t('inspections.detail.openRevision')}</Link>
          }
        />
      )}
      {inspection.status === 'submitted' && <p className="aa-intro">{t('inspections.detail.readOnly')}</p>}
      <section
        className="aa-action-bar"
        id={SUBMIT_BAR_ID}
        aria-label={t('inspections.skip.region')}
        tabIndex={-1}
      >
        {inspection.status === 'draft' && !queue.conflict && (
          <SaveStatus
            state={autosave.state}
            error={autosave.error}
            onRetry={() => void autosave.flushNow()}
          />
        )}
        <SubmitBar inspection={inspection} queue={queue} summary={summary} flush={autosave.flushNow} />
      </section>
      <ErrorAlert error={error} />
      {inspection.elements.length > 0 && <VerdictCounts counts={summary.gaps.counts} />}
      {inspection.status === 'submitted' && <FindingsList inspectionId={inspection.id} />}
      {summary.comparison && previous && (
        <ComparisonSummary date={previous.inspectedOn} counts={summary.comparison} />
      )}
      {inspection.status === 'draft' && !queue.conflict && (
        <AddElementForm inspection={inspection} queue={queue} />
      )}
      {inspection.elements.length > 1 && (
        <nav aria-label={t('inspections.detail.contents')} className="aa-contents">
          {inspection.elements.map((e) => (
            <Button key={e.id} type="link" size="small" onClick={() => focusHeading(e.id)}>
              {e.label}
            </Button>
          ))}
        </nav>
      )}
      {inspection.elements.length === 0 ? (
        <p className="aa-hint">{t('inspections.detail.noElements')}</p>
      ) : (
        <p className="aa-hint">{t('inspections.check.mandatoryMark')}</p>
      )}
      <div onKeyDown={enterMovesToNextField}>
        {inspection.elements.map((element) => (
          <ElementSection
            key={element.id}
            catalogId={inspection.catalogId}
            element={element}
            drafts={autosave.drafts}
            summary={summary}
            readOnly={readOnly}
            previous={previousFor.get(element.id) ?? null}
            queue={queue}
            onCheckChange={autosave.edit}
            onRemove={removeElement}
            onCopyPrevious={copyPrevious}
          />
        ))}
      </div>
    </Page>
  )
}

function Page(props: { inspection: Inspection; headerEdit: ReactNode; children: ReactNode }) {
  const { inspection, children } = props
  const { t } = useTranslation()
  return (
    <div className="aa-inspection aa-insp-screen">
      <PageHeading>{`${t('inspections.title')}：${inspection.placeName}（${inspection.inspectedOn}）`}</PageHeading>
      <div className="aa-page-links">
        <Link to="/inspections">{t('inspections.detail.backToList')}</Link>
        {inspection.status === 'draft' && <SubmitBarLink />}
      </div>
      <InspectionHeader inspection={inspection} />
      {props.headerEdit}
      <PlaceGpsOffer inspection={inspection} />
      {children}
    </div>
  )
}
