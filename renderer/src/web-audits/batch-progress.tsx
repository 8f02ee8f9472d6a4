import { useEffect, useRef } from 'react'
import { Alert, Button, Space } from 'antd'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AuditBatchView } from '../../../shared/domain/audits'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { formatDuration } from './format'
import { RunStatusTag, ScoreText } from './tags'

const resumable = new Set(['paused', 'cancelled', 'queued'])

export function canResume(batch: AuditBatchView): boolean {
  return !batch.active && resumable.has(batch.status)
}

/** The live panel of one batch: polls every second while the batch is active, announces the end once. */
export function BatchProgress({ batchId }: { batchId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const batch = useQuery({
    queryKey: ['audits:batch', batchId],
    queryFn: () => api.call('audits:batch', { batchId }),
    refetchInterval: (query) => (query.state.data?.active === false ? false : 1000),
  })
  const wasActive = useRef<boolean | null>(null)
  const data = batch.data

  useEffect(() => {
    if (!data) return
    if (wasActive.current === true && !data.active) {
      void queryClient.invalidateQueries({ queryKey: ['portals:list'] })
      void queryClient.invalidateQueries({ queryKey: ['audits:batches'] })
      announce(
        data.status === 'completed'
          ? t('webAudits.batch.finished', { id: data.batchId, done: data.done, failed: data.failed })
          : t('webAudits.batch.stopped', {
              id: data.batchId,
              status: t(`webAudits.batchStatus.${data.status}`),
            }),
      )
    }
    wasActive.current = data.active
  }, [data, announce, queryClient, t])

  const refresh = (next: AuditBatchView) => {
    queryClient.setQueryData(['audits:batch', batchId], next)
    void queryClient.invalidateQueries({ queryKey: ['audits:batches'] })
  }
  const cancel = useMutation({
    mutationFn: () => api.call('audits:cancel', { batchId }),
    onSuccess: (next) => (refresh(next), announce(t('webAudits.batch.cancelled', { id: batchId }))),
  })
  const resume = useMutation({
    mutationFn: () => api.call('audits:resume', { batchId }),
    onSuccess: (next) => (refresh(next), announce(t('webAudits.batch.resumed', { id: batchId }))),
  })

  return (
    <section className="aa-wa-panel" aria-labelledby="wa-batch-heading" data-testid="batch-progress">
      <h2 id="wa-batch-heading">
        {t('webAudits.batch.heading')}：{t('webAudits.batch.batchName', { id: batchId })}{' '}
        {data && <RunStatusTag status={data.status} batch />}
      </h2>
      <ErrorAlert error={batch.error ?? cancel.error ?? resume.error} />
      {data?.error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          title={t('webAudits.batch.errorTitle')}
          description={data.error}
        />
      )}
      {data && <ProgressNumbers batch={data} />}
      {data && (
        <Space style={{ marginTop: 12 }}>
          {data.active && (
            <Button danger onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {t('webAudits.batch.cancel')}
            </Button>
          )}
          {canResume(data) && (
            <Button onClick={() => resume.mutate()} loading={resume.isPending}>
              {t('webAudits.batch.resume')}
            </Button>
          )}
        </Space>
      )}
      {data && data.runs.length > 0 && (
        <>
          <h3>{t('webAudits.batch.runs')}</h3>
          <ul className="aa-wa-runs">
            {data.runs.map((run) => (
              <li key={run.runId}>
                <Link
                  to={`/web-audits/runs/${run.runId}`}
                  aria-label={t('webAudits.batch.openRun', { name: run.portalName })}
                >
                  {run.portalName}
                </Link>{' '}
                <RunStatusTag status={run.status} /> <ScoreText score={run.score} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function ProgressNumbers({ batch }: { batch: AuditBatchView }) {
  const { t } = useTranslation()
  const finished = batch.done + batch.failed + batch.skipped
  const max = Math.max(batch.total, finished, 1)
  const percent = Math.round((finished / max) * 100)
  const valueText = t('webAudits.batch.valueText', {
    done: batch.done,
    failed: batch.failed,
    remaining: batch.remaining,
  })
  return (
    <>
      <div
        className="aa-wa-progress"
        role="progressbar"
        aria-label={t('webAudits.batch.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={finished}
        aria-valuetext={valueText}
      >
        <div className="aa-wa-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <dl className="aa-wa-stats">
        <div>
          <dt>{t('webAudits.batch.done')}</dt>
          <dd data-testid="batch-done">{batch.done}</dd>
        </div>
        <div>
          <dt>{t('webAudits.batch.failed')}</dt>
          <dd data-testid="batch-failed">{batch.failed}</dd>
        </div>
        <div>
          <dt>{t('webAudits.batch.remaining')}</dt>
          <dd data-testid="batch-remaining">{batch.remaining}</dd>
        </div>
        <div>
          <dt>{t('webAudits.batch.eta')}</dt>
          <dd>
            {!batch.active || batch.remaining === 0
              ? '—'
              : batch.etaMs === null
                ? t('webAudits.batch.etaUnknown')
                : formatDuration(batch.etaMs)}
          </dd>
        </div>
      </dl>
      {batch.active && batch.pagesPerMinute !== null && (
        <p className="aa-wa-muted">
          {t('webAudits.batch.speed', { value: batch.pagesPerMinute.toFixed(1) })}
        </p>
      )}
    </>
  )
}
