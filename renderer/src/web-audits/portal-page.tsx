import { Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { AuditRunView } from '../../../shared/domain/audits'
import type { Portal } from '../../../shared/domain/portals'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { StatusTag } from '../components/status-tag'
import { formatDateTime } from './format'
import { PortalActions } from './portal-actions'
import { RunSummary } from './run-summary'
import { PageLink, RunStatusTag, ScoreText } from './tags'
import './web-audits.css'

/** /web-audits/portals/:id — the portal (editable, archivable), its runs over time and the latest run's summary. */
export function PortalPage() {
  const { t } = useTranslation()
  const api = useApi()
  const id = Number(useParams().id)
  const valid = Number.isInteger(id) && id > 0
  const portal = useQuery({
    queryKey: ['portals:get', id],
    queryFn: () => api.call('portals:get', { id }),
    enabled: valid,
  })
  const runs = useQuery({
    queryKey: ['audits:runs', id],
    queryFn: () => api.call('audits:runs', { portalId: id }),
    enabled: valid,
  })
  if (!portal.data) {
    return (
      <>
        <PageHeading>{t('webAudits.title')}</PageHeading>
        <ErrorAlert error={portal.error} />
        {!portal.error && <p>{t('webAudits.portal.loading')}</p>}
      </>
    )
  }
  const ordered = [...(runs.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return <PortalView portal={portal.data} runs={ordered} error={runs.error} />
}

function PortalView({ portal, runs, error }: { portal: Portal; runs: AuditRunView[]; error: unknown }) {
  const { t } = useTranslation()
  const latest = runs.find((r) => r.summary !== null)
  const columns: ColumnsType<AuditRunView> = [
    {
      title: t('webAudits.portal.date'),
      dataIndex: 'createdAt',
      render: (v: string, r) => (
        <Link
          to={`/web-audits/runs/${r.runId}`}
          aria-label={t('webAudits.portal.openNamed', { date: formatDateTime(v) })}
        >
          {formatDateTime(v)}
        </Link>
      ),
    },
    {
      title: t('webAudits.portal.score'),
      dataIndex: 'score',
      render: (v: number | null) => <ScoreText score={v} />,
    },
    {
      title: t('webAudits.portal.status'),
      dataIndex: 'status',
      render: (v: string) => <RunStatusTag status={v} />,
    },
    {
      title: t('webAudits.run.pagesAudited'),
      key: 'pages',
      render: (_: unknown, r) => (r.summary ? `${r.summary.pages.audited} / ${r.summary.pages.total}` : '—'),
    },
  ]
  return (
    <div className="aa-wa">
      <PageHeading>{portal.name}</PageHeading>
      <p>
        <Link to="/web-audits">{t('webAudits.portal.back')}</Link>
      </p>
      <dl className="aa-wa-meta">
        <dt>{t('webAudits.portal.startUrl')}</dt>
        <dd>
          <PageLink url={portal.startUrl} />
        </dd>
        <dt>{t('webAudits.portal.unit')}</dt>
        <dd>{portal.unitName ?? t('webAudits.form.unitNone')}</dd>
        <dt>{t('webAudits.portal.limits')}</dt>
        <dd>{t('webAudits.portal.limitsText', { pages: portal.maxPages, depth: portal.maxDepth })}</dd>
        <dt>{t('common.status')}</dt>
        <dd data-testid="portal-state">
          <StatusTag archived={portal.archived} />
          {portal.archived && (
            <span style={{ marginInlineStart: 8 }}>{t('webAudits.portal.archivedNote')}</span>
          )}
        </dd>
      </dl>
      <PortalActions portal={portal} />
      <section className="aa-wa-section" aria-labelledby="wa-runs-heading">
        <h2 id="wa-runs-heading">{t('webAudits.portal.runs')}</h2>
        <ErrorAlert error={error} />
        <Table<AuditRunView>
          rowKey="runId"
          size="small"
          columns={columns}
          dataSource={runs}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: t(portal.archived ? 'webAudits.portal.noRunsArchived' : 'webAudits.portal.noRuns'),
          }}
          title={() => <span className="aa-visually-hidden">{t('webAudits.portal.runsCaption')}</span>}
        />
      </section>
      {latest && (
        <section className="aa-wa-section" aria-labelledby="wa-latest-heading">
          <h2 id="wa-latest-heading">
            {t('webAudits.portal.latest')}（{formatDateTime(latest.createdAt)}）
          </h2>
          <RunSummary run={latest} level={3} />
          <p>
            <Link to={`/web-audits/runs/${latest.runId}`}>{t('webAudits.portal.open')}</Link>
          </p>
        </section>
      )}
    </div>
  )
}
