import { useState } from 'react'
import { Button, Modal, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { Inspection } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { isConflict, type MutationQueue } from './mutation-queue'
import type { LiveSummary } from './live-summary'

interface SubmitBarProps {
  inspection: Inspection
  queue: MutationQueue
  summary: LiveSummary
  /** Sends edits still waiting for the autosave debounce. */
  flush: () => Promise<void>
}

/** Submit (with a confirm naming the findings it creates), or for a submitted one: record and revise. */
export function SubmitBar({ inspection, queue, summary, flush }: SubmitBarProps) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const navigate = useNavigate()
  const [confirming, setConfirming] = useState(false)
  const [revising, setRevising] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await flush()
      await queue.run((baseVersion, current) =>
        api.call('inspections:submit', { id: current.id, baseVersion }),
      )
      setConfirming(false)
      announce(t('inspections.submit.submitted', { count: summary.problems }))
    } catch (caught) {
      setConfirming(false)
      if (!isConflict(caught)) setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const revise = async () => {
    setBusy(true)
    setError(null)
    try {
      const next = await api.call('inspections:revise', { id: inspection.id })
      setRevising(false)
      announce(t('inspections.submit.revised'))
      void navigate(`/inspections/${next.id}`)
    } catch (caught) {
      setRevising(false)
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const submitted = inspection.status === 'submitted'
  return (
    <div className="aa-submit-bar">
      <Space wrap>
        {!submitted && (
          <Button type="primary" onClick={() => setConfirming(true)} disabled={queue.conflict}>
            {t('inspections.submit.button')}
          </Button>
        )}
        {submitted && !inspection.supersededBy && (
          <Button onClick={() => setRevising(true)}>{t('inspections.submit.revise')}</Button>
        )}
        <Link to={`/inspections/${inspection.id}/record`}>{t('inspections.detail.printRecord')}</Link>
      </Space>
      <ErrorAlert error={error} />
      <Modal
        open={confirming}
        title={t('inspections.submit.confirmTitle')}
        okText={t('inspections.submit.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('inspections.submit.confirmBody', { count: summary.problems })}</p>
        {summary.inputErrors > 0 && (
          <p>{t('inspections.submit.confirmErrors', { count: summary.inputErrors })}</p>
        )}
      </Modal>
      <Modal
        open={revising}
        title={t('inspections.submit.revise')}
        okText={t('inspections.submit.revise')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void revise()}
        onCancel={() => setRevising(false)}
      >
        <p>{t('inspections.submit.reviseConfirm')}</p>
      </Modal>
    </div>
  )
}
