import { useState } from 'react'
import { Checkbox } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { groupManualChecks, manualProgress, type ManualProgress } from '../../../shared/web/manual-checks'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { ManualItem } from './manual-item'
import './manual-checklist.css'

/**
 * The guided manual checklist of a portal: what axe cannot decide, answered by the inspector, grouped by principle
 * with progress per group and overall, and a filter to resume at the unanswered items.
 */
export function ManualChecklist({ portalId, runId }: { portalId: number; runId: number | null }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const list = useQuery({
    queryKey: ['audits:manualChecklist', portalId],
    queryFn: () => api.call('audits:manualChecklist', { portalId }),
  })
  // "只看未答" keeps the items unanswered when it was turned on: an item saved meanwhile stays where it is, so the
  // Save button the inspector just pressed keeps focus instead of vanishing from under it.
  const [shown, setShown] = useState<ReadonlySet<string> | null>(null)
  const items = list.data ?? []
  const overall = manualProgress(items)

  function toggleFilter(on: boolean) {
    const next = on ? new Set(items.filter((i) => i.status === null).map((i) => i.checkId)) : null
    setShown(next)
    // The list changes below the checkbox, out of sight of a screen reader: say what it now holds.
    announce(
      next
        ? t('webAudits.manual.filteredOn', { count: next.size })
        : t('webAudits.manual.filteredOff', { count: items.length }),
    )
  }

  const groups = groupManualChecks(items).map(({ group, items: all }) => ({
    group,
    items: all,
    progress: manualProgress(all),
    visibleCount: shown ? all.filter((i) => shown.has(i.checkId)).length : all.length,
  }))
  return (
    <section className="aa-wa-section" aria-labelledby="wa-manual-heading">
      <h2 id="wa-manual-heading">{t('webAudits.manual.heading')}</h2>
      <p className="aa-intro">
        {t('webAudits.manual.intro')}
        {t('webAudits.manual.groupsIntro')}
      </p>
      <ErrorAlert error={list.error} />
      {list.isLoading && <p>{t('webAudits.manual.loading')}</p>}
      {list.data && (
        <>
          <div className="aa-wa-manual-bar">
            {/* Polite and atomic: after each save a screen reader hears the whole new line once. */}
            <p
              className="aa-wa-manual-progress"
              role="status"
              aria-live="polite"
              aria-atomic="true"
              data-testid="manual-progress"
            >
              {t('webAudits.manual.progress', { ...overall })}
            </p>
            <ProgressMeter {...overall} />
            <Checkbox
              checked={shown !== null}
              onChange={(e) => toggleFilter(e.target.checked)}
              aria-describedby="wa-manual-filter-hint"
            >
              {t('webAudits.manual.onlyUnanswered')}
            </Checkbox>
            <p id="wa-manual-filter-hint" className="aa-wa-muted">
              {t('webAudits.manual.onlyUnansweredHint')}
            </p>
          </div>
          {shown !== null && shown.size === 0 && <p>{t('webAudits.manual.allAnswered')}</p>}
          {/* Filtered-out items are hidden, not unmounted, so a choice or note not yet saved survives the filter. */}
          {groups.map(({ group, items: all, progress, visibleCount }) => (
            <div
              key={group.id}
              className="aa-wa-manual-group"
              data-group={group.id}
              hidden={visibleCount === 0}
            >
              <h3>
                {group.titleZh}{' '}
                <span className="aa-wa-manual-count">
                  {t('webAudits.manual.groupProgress', { ...progress })}
                </span>
              </h3>
              <ul className="aa-wa-manual-list">
                {all.map((item) => (
                  <ManualItem
                    key={item.checkId}
                    item={item}
                    portalId={portalId}
                    runId={runId}
                    hidden={shown !== null && !shown.has(item.checkId)}
                  />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  )
}

/** A bar for the eye only; the status line above says the same in words. */
function ProgressMeter({ total, answered }: ManualProgress) {
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100)
  return (
    <div className="aa-wa-manual-meter" aria-hidden="true">
      <div style={{ width: `${percent}%` }} />
    </div>
  )
}
