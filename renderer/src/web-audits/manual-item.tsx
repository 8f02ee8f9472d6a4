import { useRef, useState } from 'react'
import { Button, Input, Radio, type GetRef } from 'antd'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ManualAnswerStatus, ManualChecklistItem } from '../../../shared/domain/audits'
import { manualAnswerNeedsNote } from '../../../shared/web/manual-checks'
import { ApiCallError } from '../api/client'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { formatDateTime } from './format'
import { ManualRefs } from './manual-refs'
import { ToneTag, type Tone } from './tags'

const statusLook: Record<ManualAnswerStatus | 'none', { tone: Tone; symbol: string; key: string }> = {
  pass: { tone: 'good', symbol: '✓', key: 'pass' },
  fail: { tone: 'bad', symbol: '✗', key: 'fail' },
  'not-applicable': { tone: 'neutral', symbol: '–', key: 'notApplicable' },
  none: { tone: 'neutral', symbol: '·', key: 'unanswered' },
}

const answers: readonly ManualAnswerStatus[] = ['pass', 'fail', 'not-applicable']

/** Which field an inline message belongs to: the conclusion (none chosen) or the note (a fail without one). */
type FieldProblem = { field: 'status' | 'note'; message: string } | null

/**
 * One manual check: its clauses, the prompt, pass / fail / not applicable, a note and an explicit Save. Saving is
 * explicit because arrow keys in a radio group change the choice on every step; saving each step would record
 * answers the inspector only passed through.
 */
export function ManualItem({
  item,
  portalId,
  runId,
  hidden = false,
}: {
  item: ManualChecklistItem
  portalId: number
  runId: number | null
  /** Left out by the "只看未答" filter: hidden, yet mounted, so unsaved input is kept. */
  hidden?: boolean
}) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<ManualAnswerStatus | null>(item.status)
  const [note, setNote] = useState(item.note ?? '')
  const [problem, setProblem] = useState<FieldProblem>(null)
  const radios = useRef<HTMLFieldSetElement>(null)
  const noteRef = useRef<GetRef<typeof Input.TextArea>>(null)
  const save = useMutation({
    mutationFn: (answer: ManualAnswerStatus) =>
      api.call('audits:answerManual', { portalId, runId, checkId: item.checkId, status: answer, note }),
    onSuccess: (next, answer) => {
      queryClient.setQueryData(['audits:manualChecklist', portalId], next)
      // The server trims the note: take its copy so the item does not look edited, unless typing went on meanwhile.
      const saved = next.find((c) => c.checkId === item.checkId)?.note ?? ''
      setNote((current) => (current.trim() === saved ? saved : current))
      announce(
        answer === 'fail'
          ? t('webAudits.manual.savedFail', { title: item.title })
          : t('webAudits.manual.saved', {
              title: item.title,
              status: t(`webAudits.manual.${statusLook[answer].key}`),
            }),
      )
    },
    onError: (error) => {
      // The server applies the same note rule (other doors reach it too): show its word on the note field.
      const onNote = error instanceof ApiCallError ? error.fields.find((f) => f.path === 'note') : undefined
      if (onNote) showProblem({ field: 'note', message: onNote.message })
    },
  })

  function showProblem(next: NonNullable<FieldProblem>) {
    setProblem(next)
    // Focus goes to the field to fix, which then reads its label and this message; a user action asked for it.
    if (next.field === 'note') noteRef.current?.focus()
    else radios.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus()
  }

  function onSave() {
    if (!status) return showProblem({ field: 'status', message: t('webAudits.manual.chooseFirst') })
    if (manualAnswerNeedsNote(status, note)) {
      return showProblem({ field: 'note', message: t('webAudits.manual.noteMissing') })
    }
    setProblem(null)
    save.mutate(status)
  }

  const id = `wa-manual-${item.checkId.replace(/[^\w-]/g, '_')}`
  const look = statusLook[item.status ?? 'none']
  const noteRequired = status === 'fail'
  const dirty = status !== item.status || note.trim() !== (item.note ?? '')
  const noteProblem = problem?.field === 'note' ? problem.message : null
  const statusProblem = problem?.field === 'status' ? problem.message : null
  // A refusal on the note field is shown on that field (onError), not a second time as an alert.
  const saveError =
    save.error instanceof ApiCallError && save.error.fields.some((f) => f.path === 'note') ? null : save.error
  const state = save.isPending
    ? t('webAudits.manual.stateSaving')
    : dirty
      ? t('webAudits.manual.stateDirty')
      : item.updatedAt
        ? t('webAudits.manual.answeredAt', { time: formatDateTime(item.updatedAt) })
        : t('webAudits.manual.stateNever')
  return (
    <li className="aa-wa-manual" data-check-id={item.checkId} hidden={hidden}>
      <h4>
        <span id={`${id}-title`}>{[item.criterion, item.title].filter(Boolean).join(' ')}</span>{' '}
        <ToneTag {...look}>{t(`webAudits.manual.${look.key}`)}</ToneTag>
      </h4>
      <ManualRefs item={item} />
      <p className="aa-wa-manual-prompt">{item.prompt}</p>
      <fieldset
        ref={radios}
        className="aa-wa-fieldset"
        role="radiogroup"
        aria-labelledby={`${id}-legend ${id}-title`}
        aria-describedby={statusProblem ? `${id}-status-error` : undefined}
        aria-invalid={statusProblem ? true : undefined}
      >
        <legend id={`${id}-legend`}>{t('webAudits.manual.conclusion')}</legend>
        {/* The fieldset is the radiogroup (named by its visible legend); antd's wrapper must not be a second one. */}
        <Radio.Group
          role="none"
          name={id}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as ManualAnswerStatus)
            if (problem?.field === 'status') setProblem(null)
          }}
          options={answers.map((a) => ({ value: a, label: t(`webAudits.manual.${statusLook[a].key}`) }))}
        />
      </fieldset>
      {statusProblem && (
        <p id={`${id}-status-error`} className="aa-wa-error-text">
          {statusProblem}
        </p>
      )}
      <div className="aa-field aa-wa-manual-note">
        <label htmlFor={`${id}-note`}>
          {noteRequired ? t('webAudits.manual.noteRequired') : t('webAudits.manual.note')}
        </label>
        <Input.TextArea
          ref={noteRef}
          id={`${id}-note`}
          autoSize={{ minRows: noteRequired ? 2 : 1, maxRows: 6 }}
          maxLength={1000}
          value={note}
          aria-required={noteRequired}
          aria-invalid={noteProblem ? true : undefined}
          aria-describedby={
            [noteRequired && `${id}-note-hint`, noteProblem && `${id}-note-error`]
              .filter(Boolean)
              .join(' ') || undefined
          }
          status={noteProblem ? 'error' : undefined}
          onChange={(e) => {
            setNote(e.target.value)
            if (problem?.field === 'note' && e.target.value.trim()) setProblem(null)
          }}
        />
        {noteRequired && (
          <span id={`${id}-note-hint`} className="aa-wa-muted">
            {t('webAudits.manual.noteFailHint')}
          </span>
        )}
        {noteProblem && (
          <span id={`${id}-note-error`} className="aa-wa-error-text">
            {noteProblem}
          </span>
        )}
      </div>
      <ErrorAlert error={saveError} />
      <p className="aa-wa-manual-save">
        <Button
          onClick={onSave}
          loading={save.isPending}
          aria-label={t('webAudits.manual.saveNamed', { title: item.title })}
          aria-describedby={`${id}-state`}
        >
          {t('webAudits.manual.save')}
        </Button>
        <span id={`${id}-state`} className={dirty && !save.isPending ? 'aa-wa-manual-dirty' : 'aa-wa-muted'}>
          {state}
        </span>
      </p>
    </li>
  )
}
