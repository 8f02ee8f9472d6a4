import { useState } from 'react'
import { Button, Input, Radio } from 'antd'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ManualAnswerStatus, ManualChecklistItem } from '../../../shared/domain/audits'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { formatDateTime } from './format'
import { ToneTag, type Tone } from './tags'

const statusLook: Record<ManualAnswerStatus | 'none', { tone: Tone; symbol: string; key: string }> = {
  pass: { tone: 'good', symbol: '✓', key: 'pass' },
  fail: { tone: 'bad', symbol: '✗', key: 'fail' },
  'not-applicable': { tone: 'neutral', symbol: '–', key: 'notApplicable' },
  none: { tone: 'neutral', symbol: '·', key: 'unanswered' },
}

/** The guided manual checklist of a portal: what axe cannot decide, answered by the inspector. */
export function ManualChecklist({ portalId, runId }: { portalId: number; runId: number | null }) {
  const { t } = useTranslation()
  const api = useApi()
  const list = useQuery({
    queryKey: ['audits:manualChecklist', portalId],
    queryFn: () => api.call('audits:manualChecklist', { portalId }),
  })
  return (
    <section className="aa-wa-section" aria-labelledby="wa-manual-heading">
      <h2 id="wa-manual-heading">{t('webAudits.manual.heading')}</h2>
      <p className="aa-intro">{t('webAudits.manual.intro')}</p>
      <ErrorAlert error={list.error} />
      {list.isLoading && <p>{t('webAudits.manual.loading')}</p>}
      {list.data?.map((item) => (
        <ManualItem key={item.checkId} item={item} portalId={portalId} runId={runId} />
      ))}
    </section>
  )
}

function ManualItem({
  item,
  portalId,
  runId,
}: {
  item: ManualChecklistItem
  portalId: number
  runId: number | null
}) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<ManualAnswerStatus | null>(item.status)
  const [note, setNote] = useState(item.note ?? '')
  const save = useMutation({
    mutationFn: (answer: ManualAnswerStatus) =>
      api.call('audits:answerManual', { portalId, runId, checkId: item.checkId, status: answer, note }),
    onSuccess: (next, answer) => {
      queryClient.setQueryData(['audits:manualChecklist', portalId], next)
      announce(
        answer === 'fail'
          ? t('webAudits.manual.savedFail', { title: item.title })
          : t('webAudits.manual.saved', {
              title: item.title,
              status: t(`webAudits.manual.${statusLook[answer].key}`),
            }),
      )
    },
  })
  const id = `wa-manual-${item.checkId.replace(/[^\w-]/g, '_')}`
  const look = statusLook[item.status ?? 'none']
  const refs = [
    ...item.refs.wcag.map((r) => `WCAG ${r}`),
    ...item.refs.gbt37668.map((r) => `GB/T 37668 ${r}`),
  ]
  return (
    <div className="aa-wa-manual" data-check-id={item.checkId}>
      <h3 id={`${id}-title`}>
        {item.criterion} {item.title} <ToneTag {...look}>{t(`webAudits.manual.${look.key}`)}</ToneTag>
      </h3>
      <p>{item.prompt}</p>
      {refs.length > 0 && (
        <p className="aa-wa-muted">{t('webAudits.manual.refs', { refs: refs.join('、') })}</p>
      )}
      <fieldset className="aa-wa-fieldset" aria-labelledby={`${id}-legend ${id}-title`}>
        <legend id={`${id}-legend`}>{t('webAudits.manual.conclusion')}</legend>
        <Radio.Group
          name={id}
          value={status}
          onChange={(e) => setStatus(e.target.value as ManualAnswerStatus)}
          options={[
            { value: 'pass', label: t('webAudits.manual.pass') },
            { value: 'fail', label: t('webAudits.manual.fail') },
            { value: 'not-applicable', label: t('webAudits.manual.notApplicable') },
          ]}
        />
      </fieldset>
      <div className="aa-field" style={{ marginTop: 8 }}>
        <label htmlFor={`${id}-note`}>{t('webAudits.manual.note')}</label>
        <Input.TextArea
          id={`${id}-note`}
          rows={1}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={note}
          placeholder={t('webAudits.manual.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          style={{ maxWidth: 560 }}
        />
      </div>
      <ErrorAlert error={save.error} />
      <p style={{ marginTop: 8 }}>
        <Button
          onClick={() => status && save.mutate(status)}
          disabled={!status}
          loading={save.isPending}
          aria-label={t('webAudits.manual.saveNamed', { title: item.title })}
        >
          {t('webAudits.manual.save')}
        </Button>{' '}
        {item.updatedAt && (
          <span className="aa-wa-muted">
            {t('webAudits.manual.answeredAt', { time: formatDateTime(item.updatedAt) })}
          </span>
        )}
      </p>
    </div>
  )
}
