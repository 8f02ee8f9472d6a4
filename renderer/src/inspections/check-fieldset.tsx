import { memo, useMemo, type ReactNode } from 'react'
import { Checkbox, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CheckDefinition } from '../../../shared/catalog/types'
import type { CheckEntry } from '../../../shared/domain/inspections'
import { CheckField } from './check-inputs'
import { ClauseList, CheckResultView } from './check-result'
import { evaluateDraft, type CheckDraft } from './draft-values'
import { comparisonStatus, domId, formatInputs } from './format'
import { ComparisonTag, VerdictTag } from './status-tags'

export interface PreviousCheck {
  date: string
  entry: CheckEntry | undefined
}

interface CheckFieldsetProps {
  elementId: number
  catalogId: string
  check: CheckDefinition
  /** What the inspector sees: the local draft, or the saved entry turned into one. */
  draft: CheckDraft
  saved: CheckEntry | undefined
  readOnly: boolean
  previous: PreviousCheck | null
  onChange: (checkId: string, draft: CheckDraft) => void
}

function PreviousView({ check, previous }: { check: CheckDefinition; previous: PreviousCheck }) {
  const { t } = useTranslation()
  const values = formatInputs(check, previous.entry?.inputs)
  return (
    <div className="aa-previous">
      <div className="aa-label">{t('inspections.check.previous', { date: previous.date })}</div>
      {previous.entry ? (
        <>
          <VerdictTag verdict={previous.entry.result?.verdict ?? null} />
          {values.length > 0 && <p className="aa-previous-values">{values.join('；')}</p>}
        </>
      ) : (
        <p className="aa-previous-values">{t('inspections.check.previousNone')}</p>
      )}
    </div>
  )
}

/** One check of one element: inputs with units, the live verdict, clauses, note and (re-inspection) last time. */
export const CheckFieldset = memo(function CheckFieldset(props: CheckFieldsetProps) {
  const { elementId, catalogId, check, draft, saved, readOnly, previous, onChange } = props
  const { t } = useTranslation()
  const base = domId('c', elementId, check.id)
  const live = useMemo(() => evaluateDraft(catalogId, check, draft), [catalogId, check, draft])
  const result = readOnly ? (saved?.result ?? (live.ok ? live.result : null)) : live.ok ? live.result : null
  const errors = live.ok ? [] : live.errors
  const errorFor = (inputId: string) => errors.find((e) => e.inputId === inputId)?.message
  const general = errors.filter((e) => e.inputId === null || !check.inputs.some((i) => i.id === e.inputId))
  const checked = result !== null && !(result.missing?.length ?? 0)
  // Only a complete needs-review result can be confirmed; a blank one just needs filling in.
  const confirmable = result?.verdict === 'needs-review' && checked
  const status = previous
    ? comparisonStatus(previous.entry, {
        verdict: result?.verdict ?? null,
        confirmedFinding: draft.confirmedFinding,
        checked,
      })
    : null
  const update = (patch: Partial<CheckDraft>) => onChange(check.id, { ...draft, ...patch })
  const values = readOnly ? formatInputs(check, saved?.inputs) : []

  if (readOnly && values.length === 0 && !draft.note)
    return (
      <CheckFrame id={base} check={check} readOnly compact>
        <span>{t('inspections.check.notChecked')}</span>
        {previous && <PreviousView check={check} previous={previous} />}
      </CheckFrame>
    )

  return (
    <CheckFrame id={base} check={check} readOnly={readOnly}>
      <p className="aa-requirement">
        <span className="aa-label">{t('inspections.check.requirement')}：</span>
        {check.requirement}
      </p>
      <div className="aa-check-body">
        <div className="aa-check-inputs">
          {readOnly ? (
            <p className="aa-readonly-values">{values.join('；')}</p>
          ) : (
            check.inputs.map((def) => (
              <CheckField
                key={def.id}
                id={domId(base, def.id)}
                def={def}
                value={draft.fields[def.id] ?? null}
                error={errorFor(def.id)}
                onChange={(value) => update({ fields: { ...draft.fields, [def.id]: value } })}
              />
            ))
          )}
          {general.map((e) => (
            <p key={e.message} className="aa-input-error" role="alert">
              {e.message}
            </p>
          ))}
          {readOnly ? (
            draft.note && (
              <p>
                {t('inspections.check.note')}：{draft.note}
              </p>
            )
          ) : (
            <div className="aa-check-input aa-note">
              <label htmlFor={domId(base, 'note')}>{t('inspections.check.note')}</label>
              <Input
                id={domId(base, 'note')}
                data-aa-entry=""
                maxLength={1000}
                value={draft.note}
                onChange={(e) => update({ note: e.target.value })}
              />
            </div>
          )}
          {readOnly
            ? result?.verdict === 'needs-review' &&
              draft.confirmedFinding && <p>{t('inspections.check.confirmedText')}</p>
            : confirmable && (
                <Checkbox
                  checked={draft.confirmedFinding}
                  onChange={(e) => update({ confirmedFinding: e.target.checked })}
                >
                  {t('inspections.check.confirmFinding')}
                </Checkbox>
              )}
        </div>
        <div className="aa-check-side">
          <CheckResultView id={base} result={result} />
          <div className="aa-label">{t('inspections.check.clauses')}</div>
          <ClauseList clauses={check.clauses} />
          {previous && <PreviousView check={check} previous={previous} />}
          {status && (
            <div className="aa-verdict-line">
              <span className="aa-label">{t('inspections.comparison.status')}：</span>
              <ComparisonTag status={status} />
            </div>
          )}
        </div>
      </div>
    </CheckFrame>
  )
})

/** Editing: a fieldset with the check as legend. Read-only: a labelled group with an h3 (no form controls). */
function CheckFrame(props: {
  id: string
  check: CheckDefinition
  readOnly: boolean
  compact?: boolean
  children: ReactNode
}) {
  const { id, check, readOnly, compact, children } = props
  if (!readOnly)
    return (
      <fieldset className="aa-check" data-check-id={check.id} id={id}>
        <legend>{check.title}</legend>
        {children}
      </fieldset>
    )
  return (
    <div
      role="group"
      className={compact ? 'aa-check-compact' : 'aa-check'}
      data-check-id={check.id}
      id={id}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="aa-check-title">
        {check.title}
      </h3>
      {children}
    </div>
  )
}
