import { memo, type ReactNode } from 'react'
import { Button, Checkbox, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CheckDefinition, InputRecord } from '../../../shared/catalog/types'
import type { CheckEntry, PhotoRef } from '../../../shared/domain/inspections'
import { isEntered } from '../../../shared/domain/inspection-gaps'
import { CheckField } from './check-inputs'
import { ClauseList, CheckResultView } from './check-result'
import { withField, type CheckDraft } from './draft-values'
import { comparisonStatus, domId, formatInputs, formatValue } from './format'
import type { LiveCheck } from './live-summary'
import { ComparisonTag, VerdictTag } from './status-tags'

export interface PreviousCheck {
  date: string
  entry: CheckEntry | undefined
}

interface CheckFieldsetProps {
  elementId: number
  check: CheckDefinition
  /** What the inspector sees: the draft (or saved entry), the shared values it uses, the live result. */
  now: LiveCheck
  saved: CheckEntry | undefined
  /** Ids typed once for the facility (shown in its 共用测量值, not here). */
  sharedIds: ReadonlySet<string>
  readOnly: boolean
  previous: PreviousCheck | null
  /** Photos tied to this check. */
  photos: PhotoRef[]
  onChange: (checkId: string, draft: CheckDraft) => void
  /** 沿用上次 for this check; undefined when there is nothing to copy. */
  onCopyPrevious?: ((checkId: string) => void) | undefined
}

function PreviousView({ check, previous }: { check: CheckDefinition; previous: PreviousCheck }) {
  const { t } = useTranslation()
  const values = formatInputs(check, previous.entry?.inputs)
  return (
    <div className="aa-previous">
      <div className="aa-label">{t('inspections.check.previous', { date: previous.date })}</div>
      {previous.entry ? (
        <>
          <VerdictTag result={previous.entry.result} />
          {values.length > 0 && <p className="aa-previous-values">{values.join('；')}</p>}
        </>
      ) : (
        <p className="aa-previous-values">{t('inspections.check.previousNone')}</p>
      )}
    </div>
  )
}

/** The shared values this check is judged with, in words, so a check read alone says what it used. */
function SharedLine(props: { check: CheckDefinition; shared: InputRecord; sharedIds: ReadonlySet<string> }) {
  const { t } = useTranslation()
  const defs = props.check.inputs.filter((i) => props.sharedIds.has(i.id))
  if (defs.length === 0) return null
  const filled = defs.filter((d) => props.shared[d.id] !== null && props.shared[d.id] !== undefined)
  const blank = defs.filter((d) => !filled.includes(d))
  return (
    <p className="aa-shared-line">
      {filled.length > 0 &&
        t('inspections.measure.uses', {
          values: filled.map((d) => `${d.label} ${formatValue(d, props.shared[d.id]!)}`).join('；'),
        })}
      {filled.length > 0 && blank.length > 0 && ' '}
      {blank.length > 0 &&
        t('inspections.measure.usesBlank', { labels: blank.map((d) => d.label).join('、') })}
    </p>
  )
}

/** One check of one element: its own inputs with units, the live verdict, clauses, note and last time's values. */
export const CheckFieldset = memo(function CheckFieldset(props: CheckFieldsetProps) {
  const { elementId, check, now, saved, sharedIds, readOnly, previous, photos, onChange } = props
  const { t } = useTranslation()
  const base = domId('c', elementId, check.id)
  const { draft, live } = now
  const result = readOnly ? (saved?.result ?? now.result) : now.result
  const errors = live.ok ? [] : live.errors
  const errorFor = (inputId: string) => errors.find((e) => e.inputId === inputId)?.message
  const own = check.inputs.filter((i) => !sharedIds.has(i.id))
  const general = errors.filter((e) => e.inputId === null || !own.some((i) => i.id === e.inputId))
  const sharedError = general.some((e) => e.inputId !== null && sharedIds.has(e.inputId))
  const checked = isEntered(result)
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
  const values = readOnly ? formatInputs(check, saved?.inputs, saved?.carried) : []
  const carriedLabels = check.inputs.filter((i) => now.carried.includes(i.id)).map((i) => i.label)
  const carriedNote =
    carriedLabels.length > 0 && previous ? (
      <p className="aa-carried">
        <span className="aa-carried-tag">{t('inspections.carried.tag')}</span>{' '}
        {t('inspections.carried.check', { date: previous.date, labels: carriedLabels.join('、') })}
      </p>
    ) : null
  const photoLine =
    photos.length > 0 ? (
      <p className="aa-hint">
        {t('inspections.photoTie.checkPhotos', {
          captions: photos.map((p) => p.caption ?? p.originalName).join('；'),
        })}
      </p>
    ) : null

  if (readOnly && values.length === 0 && !draft.note)
    return (
      <CheckFrame id={base} check={check} readOnly compact>
        <VerdictTag result={saved?.result ?? null} />
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
          {!readOnly && <SharedLine check={check} shared={now.shared} sharedIds={sharedIds} />}
          {carriedNote}
          {readOnly ? (
            <p className="aa-readonly-values">{values.join('；')}</p>
          ) : (
            own.map((def) => (
              <CheckField
                key={def.id}
                id={domId(base, def.id)}
                def={def}
                value={draft.fields[def.id] ?? null}
                error={errorFor(def.id)}
                onChange={(value) => onChange(check.id, withField(draft, def.id, value))}
              />
            ))
          )}
          {sharedError && (
            <p className="aa-input-error" role="alert">
              {t('inspections.measure.sharedError')}
            </p>
          )}
          {general
            .filter((e) => e.inputId === null)
            .map((e) => (
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
          {!readOnly && props.onCopyPrevious && (
            <div>
              <Button
                size="small"
                onClick={() => props.onCopyPrevious?.(check.id)}
                aria-label={t('inspections.copy.checkNamed', { check: check.title })}
              >
                {t('inspections.copy.check')}
              </Button>
            </div>
          )}
          {photoLine}
        </div>
        <div className="aa-check-side">
          <CheckResultView id={base} result={result} invalid={!readOnly && !live.ok} />
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
      <fieldset className="aa-check" data-check-id={check.id} id={id} tabIndex={-1}>
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
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="aa-check-title">
        {check.title}
      </h3>
      {children}
    </div>
  )
}
