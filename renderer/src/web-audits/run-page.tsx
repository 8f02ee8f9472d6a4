import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { AuditRunDetail, FailedPageView } from '../../../shared/domain/audits'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { formatDateTime } from './format'
import { ManualChecklist } from './manual-checklist'
import { RuleDetails } from './rule-drill'
import { ClauseExport, RunDocuments, RunOverlays } from './run-documents'
import { RunComparison } from './run-comparison'
import { RunSummary } from './run-summary'
import { PageLink, RunStatusTag } from './tags'
import './web-audits.css'

/** /web-audits/runs/:runId — one portal's audit: summary, failed pages, rules, comparison, manual checklist. */
export function RunPage() {
  const { t } = useTranslation()
  const api = useApi()
  const runId = Number(useParams().runId)
  const run = useQuery({
    queryKey: ['audits:run', runId],
    queryFn: () => api.call('audits:run', { runId }),
    enabled: Number.isInteger(runId) && runId > 0,
  })
  if (!run.data) {
    return (
      <>
        <PageHeading>{t('webAudits.title')}</PageHeading>
        <ErrorAlert error={run.error} />
        {!run.error && <p>{t('webAudits.run.loading')}</p>}
      </>
    )
  }
  return <RunView run={run.data} />
}

function RunView({ run }: { run: AuditRunDetail }) {
  const { t } = useTranslation()
  const violations = run.rules.filter((r) => !r.needsReview)
  const review = run.rules.filter((r) => r.needsReview)
  return (
    <div className="aa-wa">
      <PageHeading>{t('webAudits.run.title', { name: run.portalName })}</PageHeading>
      <p>
        {run.portalId !== null ? (
          <Link to={`/web-audits/portals/${run.portalId}`}>
            {t('webAudits.run.backToPortal', { name: run.portalName })}
          </Link>
        ) : (
          <Link to="/web-audits">{t('webAudits.portal.back')}</Link>
        )}
      </p>
      <dl className="aa-wa-meta">
        <dt>{t('webAudits.portal.startUrl')}</dt>
        <dd>
          <PageLink url={run.startUrl} />
        </dd>
        <dt>{t('webAudits.run.createdAt')}</dt>
        <dd>{formatDateTime(run.createdAt)}</dd>
        <dt>{t('webAudits.run.finishedAt')}</dt>
        <dd>{formatDateTime(run.finishedAt)}</dd>
        <dt>{t('webAudits.run.status')}</dt>
        <dd>
          <RunStatusTag status={run.status} />
        </dd>
      </dl>
      <section className="aa-wa-section">
        <RunSummary run={run} level={2} />
        <ClauseExport runId={run.runId} />
      </section>
      <RunOverlays overlays={run.overlays} />
      <FailedPages pages={run.failedPages} />
      <section className="aa-wa-section" aria-labelledby="wa-rules-heading">
        <h2 id="wa-rules-heading">{t('webAudits.run.rules')}</h2>
        {run.rules.length === 0 ? (
          <p>{t('webAudits.run.noRules')}</p>
        ) : (
          <p>{t('webAudits.run.rulesIntro')}</p>
        )}
        {[...violations, ...review].map((rule) => (
          <RuleDetails key={`${rule.ruleId}-${rule.needsReview}`} rule={rule} runId={run.runId} />
        ))}
      </section>
      <RunDocuments documents={run.documents} />
      <RunComparison runId={run.runId} />
      {run.portalId !== null && <ManualChecklist portalId={run.portalId} runId={run.runId} />}
    </div>
  )
}

function FailedPages({ pages }: { pages: FailedPageView[] }) {
  const { t } = useTranslation()
  return (
    <section className="aa-wa-section" aria-labelledby="wa-failed-heading">
      <h2 id="wa-failed-heading">{t('webAudits.run.failedPages')}</h2>
      {pages.length === 0 ? (
        <p>{t('webAudits.run.noFailedPages')}</p>
      ) : (
        <ul className="aa-wa-runs" data-testid="failed-pages">
          {pages.map((p) => (
            <li key={p.url}>
              <PageLink url={p.url} />：
              {t(`webAudits.failureReasons.${p.reason ?? 'unknown'}`, { defaultValue: p.reason ?? '' })}
              {p.status !== null && `（${t('webAudits.run.httpStatus', { status: p.status })}）`}
              {p.message && <span className="aa-wa-muted"> {p.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
