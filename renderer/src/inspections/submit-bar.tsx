import { useRef, useState } from 'react'
import { Button, Checkbox, Modal, Space } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { Inspection } from '../../../shared/domain/inspections'
import type { GapRow } from '../../../shared/domain/inspection-gaps'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { focusCheck } from './focus-check'
import { isConflict, type MutationQueue } from './mutation-queue'
import type { LiveSummary } from './live-summary'
import { clearPending } from './pending-store'

/** The 保存与提交 region: a landmark, and the target of the skip links. */
export const SUBMIT_BAR_ID = 'inspection-submit-bar'

function focusSubmitBar() {
  const bar = document.getElementById(SUBMIT_BAR_ID)
  const target = bar?.querySelector<HTMLElement>('button:not(:disabled), a[href]') ?? bar
  target?.focus()
}

/** 跳到提交栏 (top of the page) / 返回提交栏 (end of each facility): one key press back to 提交检查. */
export function SubmitBarLink({ back = false }: { back?: boolean }) {
  const { t } = useTranslation()
  return (
    <a
      className="aa-skip-inline"
      href={`#${SUBMIT_BAR_ID}`}
      onClick={(e) => {
        e.preventDefault()
        focusSubmitBar()
      }}
    >
      {t(back ? 'inspections.skip.backToSubmit' : 'inspections.skip.toSubmit')}
    </a>
  )
}

interface SubmitBarProps {
  inspection: Inspection
  queue: MutationQueue
  summary: LiveSummary
  /** Sends edits still waiting for the autosave debounce. */
  flush: () => Promise<void>
}

function GapList(props: { rows: GapRow[]; note?: (row: GapRow) => string; onGo: (row: GapRow) => void }) {
  const { t } = useTranslation()
  return (
    <ul className="aa-gap-list">
      {props.rows.map((row) => (
        <li key={`${row.elementId}/${row.checkId}`}>
          <a
            href={`#c-${row.elementId}-${row.checkId.replace(/[^A-Za-z0-9_-]/g, '-')}`}
            onClick={(e) => {
              e.preventDefault()
              props.onGo(row)
            }}
          >
            <span className="aa-visually-hidden">{t('inspections.presubmit.goTo')} </span>
            {row.elementLabel}：{row.checkTitle}
          </a>
          {props.note && <span className="aa-hint">（{props.note(row)}）</span>}
        </li>
      ))}
    </ul>
  )
}

/**
 * Submit, after a confirmation that tells the truth: the findings it creates, the checks not entered and (in a
 * re-inspection) those not measured again, each a link to the check, and a deliberate acknowledgement. A draft can
 * be discarded (放弃草稿, confirmed); a submitted inspection offers its record and a revision.
 */
export function SubmitBar({ inspection, queue, summary, flush }: SubmitBarProps) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [dialog, setDialog] = useState<'submit' | 'revise' | 'discard' | null>(null)
  const [acknowledged, setAcknowledged] = useState(false)
  const [mustAcknowledge, setMustAcknowledge] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const goTo = useRef<GapRow | null>(null)
  const acknowledgeBox = useRef<HTMLInputElement>(null)
  const { gaps } = summary
  const gapCount = gaps.notEntered.length + gaps.notRemeasured.length

  const open = (which: 'submit' | 'revise' | 'discard') => {
    setError(null)
    setAcknowledged(false)
    setMustAcknowledge(false)
    goTo.current = null
    setDialog(which)
  }

  const submit = async () => {
    if (gapCount > 0 && !acknowledged) {
      setMustAcknowledge(true)
      acknowledgeBox.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      await flush()
      await queue.run((baseVersion, current) =>
        api.call('inspections:submit', { id: current.id, baseVersion }),
      )
      setDialog(null)
      announce(t('inspections.submit.submitted', { count: summary.problems }))
      // Where the user continues: the findings the submit created (rendered with the read-only page).
      window.setTimeout(() => {
        const heading = document.getElementById('findings-heading')
        heading?.setAttribute('tabindex', '-1')
        ;(heading ?? document.querySelector<HTMLElement>('h1 .aa-heading-target'))?.focus()
      }, 100)
    } catch (caught) {
      setDialog(null)
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
      setDialog(null)
      announce(t('inspections.submit.revised'))
      void navigate(`/inspections/${next.id}`)
    } catch (caught) {
      setDialog(null)
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const discard = async () => {
    setBusy(true)
    setError(null)
    try {
      await queue.idle()
      const done = await api.call('inspections:discard', {
        id: inspection.id,
        baseVersion: inspection.version,
      })
      clearPending(inspection.id)
      setDialog(null)
      queryClient.removeQueries({ queryKey: ['inspections:get', inspection.id] })
      await queryClient.invalidateQueries({ queryKey: ['inspections:list'] })
      announce(t('inspections.discard.discarded', { place: done.placeName }))
      void navigate('/inspections')
    } catch (caught) {
      setDialog(null)
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const go = (row: GapRow) => {
    goTo.current = row
    setDialog(null)
  }

  const submitted = inspection.status === 'submitted'
  return (
    <div className="aa-submit-bar">
      <Space wrap>
        {!submitted && (
          <Button type="primary" onClick={() => open('submit')} disabled={queue.conflict}>
            {t('inspections.submit.button')}
          </Button>
        )}
        {submitted && !inspection.supersededBy && (
          <Button onClick={() => open('revise')}>{t('inspections.submit.revise')}</Button>
        )}
        <Link to={`/inspections/${inspection.id}/record`}>{t('inspections.detail.printRecord')}</Link>
        {!submitted && (
          <Button danger onClick={() => open('discard')} disabled={queue.conflict}>
            {t('inspections.discard.button')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={error} />
      <Modal
        open={dialog === 'submit'}
        title={t('inspections.submit.confirmTitle')}
        okText={t('inspections.submit.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        focusTriggerAfterClose={false}
        afterClose={() => (goTo.current ? focusCheck(goTo.current) : focusSubmitBar())}
        rootClassName="aa-presubmit"
      >
        <p>{t('inspections.submit.confirmBody', { count: summary.problems })}</p>
        {summary.inputErrors > 0 && (
          <p>{t('inspections.submit.confirmErrors', { count: summary.inputErrors })}</p>
        )}
        {gapCount === 0 ? (
          <p>{t('inspections.presubmit.allEntered', { count: gaps.counts.checks })}</p>
        ) : (
          <>
            {gaps.notEntered.length > 0 && (
              <section aria-labelledby="presubmit-not-entered">
                <h3 id="presubmit-not-entered" className="aa-gap-heading">
                  {t('inspections.presubmit.notEntered', { count: gaps.notEntered.length })}
                </h3>
                <GapList rows={gaps.notEntered} onGo={go} />
              </section>
            )}
            {gaps.notRemeasured.length > 0 && (
              <section aria-labelledby="presubmit-not-remeasured">
                <h3 id="presubmit-not-remeasured" className="aa-gap-heading">
                  {t('inspections.presubmit.notRemeasured', { count: gaps.notRemeasured.length })}
                </h3>
                <p className="aa-hint">{t('inspections.presubmit.notRemeasuredHelp')}</p>
                <GapList
                  rows={gaps.notRemeasured}
                  note={(row) =>
                    row.entered ? t('inspections.presubmit.carried') : t('inspections.presubmit.blankNow')
                  }
                  onGo={go}
                />
              </section>
            )}
            <Checkbox
              ref={acknowledgeBox as never}
              checked={acknowledged}
              onChange={(e) => {
                setAcknowledged(e.target.checked)
                if (e.target.checked) setMustAcknowledge(false)
              }}
              aria-describedby={mustAcknowledge ? 'presubmit-acknowledge-error' : undefined}
              aria-invalid={mustAcknowledge || undefined}
            >
              {t('inspections.presubmit.acknowledge')}
            </Checkbox>
            {mustAcknowledge && (
              <p id="presubmit-acknowledge-error" className="aa-input-error" role="alert">
                {t('inspections.presubmit.acknowledgeFirst')}
              </p>
            )}
          </>
        )}
      </Modal>
      <Modal
        open={dialog === 'discard'}
        title={t('inspections.discard.title')}
        okText={t('inspections.discard.ok')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void discard()}
        onCancel={() => setDialog(null)}
      >
        <p>{t('inspections.discard.body', { count: inspection.elements.length })}</p>
      </Modal>
      <Modal
        open={dialog === 'revise'}
        title={t('inspections.submit.revise')}
        okText={t('inspections.submit.revise')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void revise()}
        onCancel={() => setDialog(null)}
      >
        <p>{t('inspections.submit.reviseConfirm')}</p>
      </Modal>
    </div>
  )
}
