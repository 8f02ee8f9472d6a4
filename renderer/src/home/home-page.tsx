import type { ReactNode } from 'react'
import { Button, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { TodayItem, TodayList, TodaySummary } from '../../../shared/domain/today'
import {
  formatCount,
  formatDateTime,
  formatDeadlineDistance,
  formatSeverity,
} from '../../../shared/format/index'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import './home.css'

/** How often the home screen asks again while it is open (it also asks when the window regains focus). */
const refreshMs = 60_000

type Key = Exclude<keyof TodaySummary, 'today'>

/** Where each kind of work is done: the full, filtered list. */
const targets: Record<Key, string> = {
  overdue: '/rectification?status=overdue',
  proposals: '/rectification?status=proposed',
  dueSoon: '/rectification?status=notified',
  toVerify: '/rectification?status=claimed',
  toNotify: '/rectification?status=open',
  drafts: '/inspections',
  batches: '/web-audits',
}

const order: Key[] = ['overdue', 'proposals', 'dueSoon', 'toVerify', 'toNotify', 'drafts', 'batches']

/** 今日待办: the first screen — counts and lists of what needs the user now, each linking to where to act. */
export function HomePage() {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const today = useQuery({
    queryKey: ['today:summary'],
    queryFn: () => api.call('today:summary', {}),
    refetchInterval: refreshMs,
    refetchOnWindowFocus: true,
  })
  const data = today.data
  const total = data ? order.reduce((sum, key) => sum + data[key].count, 0) : 0

  return (
    <div className="aa-home">
      <PageHeading>{t('home.title')}</PageHeading>
      <p className="aa-intro">{t('home.intro')}</p>
      <div className="aa-toolbar">
        {data && (
          <span className="aa-home-updated">
            {t('home.updatedAt', { time: formatDateTime(new Date(today.dataUpdatedAt).toISOString()) })}
          </span>
        )}
        <Button
          loading={today.isFetching}
          onClick={() => void today.refetch().then(() => announce(t('home.refreshed')))}
        >
          {t('home.refresh')}
        </Button>
      </div>
      <ErrorAlert error={today.error} />
      {today.isLoading && <p>{t('app.loading')}</p>}
      {data && (
        <>
          <section aria-labelledby="home-summary-heading">
            <Typography.Title level={2} id="home-summary-heading" className="aa-visually-hidden">
              {t('home.summary')}
            </Typography.Title>
            <ul className="aa-home-cards">
              {order.map((key) => (
                <li
                  key={key}
                  className={data[key].count > 0 ? 'aa-home-card aa-home-card-due' : 'aa-home-card'}
                >
                  <Link to={targets[key]}>
                    <span className="aa-home-card-count">{data[key].count}</span>
                    <span className="aa-home-card-label">{t(`home.cards.${key}`)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          {total === 0 && <p data-testid="home-all-clear">{t('home.allClear')}</p>}
          <ItemSection
            id="overdue"
            list={data.overdue}
            describe={(i) => t('home.entry.overdue', { days: i.days })}
          />
          <Section id="proposals" count={data.proposals.count} hint={t('home.hints.proposals')}>
            {data.proposals.entries.map((p) => (
              <li key={p.proposalId}>
                <Link to={`/rectification/items/${p.itemId}`}>{p.title}</Link>
                <span className="aa-home-meta">
                  {[p.unitName ?? t('home.entry.unitNone'), p.where].filter(Boolean).join(' · ')}
                </span>
                <span className="aa-home-detail">
                  {p.explanation}（{t('home.entry.proposedAt', { time: formatDateTime(p.proposedAt) })}）
                </span>
              </li>
            ))}
          </Section>
          <ItemSection
            id="dueSoon"
            list={data.dueSoon}
            describe={(i) =>
              t('home.entry.dueIn', { distance: formatDeadlineDistance(i.days ?? 0), deadline: i.deadline })
            }
          />
          <ItemSection id="toVerify" list={data.toVerify} hint={t('home.hints.toVerify')} />
          <Section id="toNotify" count={data.toNotify.count} hint={t('home.hints.toNotify')}>
            {data.toNotify.entries.map((u) => (
              <li key={u.unitId ?? 'none'}>
                <Link to={`/rectification?status=open${u.unitId ? `&unit=${u.unitId}` : ''}`}>
                  {t('home.entry.unitCount', {
                    unit: u.unitName ?? t('home.entry.unitNone'),
                    count: u.count,
                  })}
                </Link>
              </li>
            ))}
          </Section>
          <Section id="drafts" count={data.drafts.count}>
            {data.drafts.entries.map((d) => (
              <li key={d.inspectionId}>
                <Link to={`/inspections/${d.inspectionId}`}>
                  {t('home.entry.draft', {
                    place: d.placeName,
                    date: d.inspectedOn,
                    count: d.elementCount,
                    time: formatDateTime(d.updatedAt),
                  })}
                </Link>
              </li>
            ))}
          </Section>
          <Section id="batches" count={data.batches.count}>
            {data.batches.entries.map((b) => (
              <li key={b.batchId}>
                <Link to="/web-audits">
                  {t('home.entry.batch', {
                    id: b.batchId,
                    time: formatDateTime(b.createdAt),
                    portals: b.portals.join('、') || '—',
                  })}
                </Link>
                <span className="aa-home-detail">
                  {t(`home.entry.batchReason.${b.reason}`, {
                    count: b.reason === 'paused' ? b.remainingPages : b.failedPages,
                    error: b.error ?? '',
                  })}
                </span>
              </li>
            ))}
          </Section>
        </>
      )}
    </div>
  )
}

/** One kind of work: a heading with its count, the most urgent entries and a link to all of them. */
function Section(props: { id: Key; count: number; hint?: string; children: ReactNode }) {
  const { t } = useTranslation()
  if (props.count === 0) return null
  const headingId = `home-${props.id}-heading`
  return (
    <section className="aa-home-section" aria-labelledby={headingId} data-testid={`home-${props.id}`}>
      <Typography.Title level={2} id={headingId}>
        {t(`home.sections.${props.id}`)}
        <span className="aa-home-section-count">{formatCount(props.count, '项')}</span>
      </Typography.Title>
      {props.hint && <p className="aa-home-hint">{props.hint}</p>}
      <ul className="aa-home-list">{props.children}</ul>
      <p>
        <Link to={targets[props.id]}>
          {props.id === 'batches' ? t('home.openBatches') : t('home.viewAll', { count: props.count })}
        </Link>
      </p>
    </section>
  )
}

function ItemSection(props: {
  id: Key
  list: TodayList<TodayItem>
  hint?: string
  describe?: (item: TodayItem) => string
}) {
  const { t } = useTranslation()
  return (
    <Section id={props.id} count={props.list.count} {...(props.hint ? { hint: props.hint } : {})}>
      {props.list.entries.map((item) => (
        <li key={item.id}>
          <Link to={`/rectification/items/${item.id}`}>{item.title}</Link>
          <span className="aa-home-meta">
            {[item.unitName ?? t('home.entry.unitNone'), item.where, formatSeverity(item.severity)]
              .filter(Boolean)
              .join(' · ')}
          </span>
          {props.describe && <span className="aa-home-detail">{props.describe(item)}</span>}
        </li>
      ))}
    </Section>
  )
}
