import { useCallback, useMemo } from 'react'
import { Button, Popconfirm, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { categoryLabel, checksForCategory } from '../../../shared/catalog/index'
import type { InspectionElement } from '../../../shared/domain/inspections'
import { isBlankValue, sharedInputIds } from '../../../shared/domain/inspection-measurements'
import { CheckFieldset, type PreviousCheck } from './check-fieldset'
import { checkKey, draftFromEntry, type CheckDraft } from './draft-values'
import { domId } from './format'
import type { LiveSummary } from './live-summary'
import type { MutationQueue } from './mutation-queue'
import { PhotoPanel } from './photo-panel'
import { SHARED, sharedDraftOf, sharedFieldsCheck } from './shared-fields'
import { SharedMeasurements } from './shared-measurements'
import { SubmitBarLink } from './submit-bar'

export interface PreviousElement {
  date: string
  element: InspectionElement | undefined
}

interface ElementSectionProps {
  catalogId: string
  element: InspectionElement
  drafts: Record<string, CheckDraft>
  summary: LiveSummary
  readOnly: boolean
  previous: PreviousElement | null
  queue: MutationQueue
  onCheckChange: (elementId: number, checkId: string, draft: CheckDraft) => void
  onRemove: (element: InspectionElement) => void
  /** 沿用上次 for one check, or (no checkId) for the whole facility. */
  onCopyPrevious: (element: InspectionElement, checkId?: string) => void
}

/** Can 沿用上次 fill anything in this check: the last inspection has a value where this one is blank. */
function copyable(
  check: { inputs: ReadonlyArray<{ id: string }> },
  before: InspectionElement | undefined,
  checkId: string,
  now: Record<string, unknown>,
): boolean {
  const last = before?.checks[checkId]?.inputs ?? {}
  return check.inputs.some((i) => !isBlankValue(last[i.id]) && isBlankValue(now[i.id] as never))
}

/** One element instance ("北门坡道"): h2, its shared values, every check of its category, then its photos. */
export function ElementSection(props: ElementSectionProps) {
  const { catalogId, element, drafts, summary, readOnly, previous, queue, onCheckChange, onRemove } = props
  const { onCopyPrevious } = props
  const { t } = useTranslation()
  const headingId = domId('element', element.id)
  const checks = useMemo(() => checksForCategory(catalogId, element.category), [catalogId, element.category])
  const sharedIds = useMemo(() => sharedInputIds(catalogId, element.category), [catalogId, element.category])
  const sharedCheck = sharedFieldsCheck(catalogId, element.category)
  const sharedDraft = sharedDraftOf(catalogId, element, drafts)
  const before = previous?.element
  const previousByCheck = useMemo(() => {
    if (!previous) return null
    return Object.fromEntries(
      checks.map((c): [string, PreviousCheck] => [
        c.id,
        { date: previous.date, entry: before?.checks[c.id] },
      ]),
    )
  }, [checks, previous, before])
  const change = useCallback(
    (checkId: string, draft: CheckDraft) => onCheckChange(element.id, checkId, draft),
    [element.id, onCheckChange],
  )
  const ownOf = useCallback(
    (checkId: string) =>
      drafts[checkKey(element.id, checkId)] ??
      draftFromEntry(
        checks.find((c) => c.id === checkId)!,
        element.checks[checkId],
        sharedIds,
      ),
    [drafts, element, checks, sharedIds],
  )
  const copyCheck = useCallback(
    (checkId: string) => onCopyPrevious(element, checkId),
    [element, onCopyPrevious],
  )
  const anythingToCopy =
    !readOnly &&
    before !== undefined &&
    checks.some((c) => {
      const now = summary.checks.get(checkKey(element.id, c.id))
      return copyable(c, before, c.id, { ...now?.shared, ...(now ? ownValues(now.draft) : {}) })
    })

  return (
    <section className="aa-element" data-element-id={element.id} aria-labelledby={headingId}>
      <div className="aa-element-head">
        <Typography.Title level={2} id={headingId} className="aa-element-title">
          {element.label}
          <span className="aa-element-category">（{categoryLabel(element.category)}）</span>
        </Typography.Title>
        {!readOnly && (
          <Popconfirm
            title={t('inspections.element.removeConfirm', { label: element.label })}
            okText={t('inspections.element.remove')}
            cancelText={t('common.cancel')}
            onConfirm={() => onRemove(element)}
          >
            <Button danger aria-label={t('inspections.element.removeNamed', { label: element.label })}>
              {t('inspections.element.remove')}
            </Button>
          </Popconfirm>
        )}
      </div>
      <p className="aa-hint">{t('inspections.element.checkCount', { count: checks.length })}</p>
      {anythingToCopy && (
        <div className="aa-copy-previous">
          <Button
            onClick={() => onCopyPrevious(element)}
            aria-label={t('inspections.copy.elementNamed', { label: element.label })}
            aria-describedby={`${headingId}-copy-help`}
          >
            {t('inspections.copy.element')}
          </Button>
          <span id={`${headingId}-copy-help`} className="aa-hint">
            {t('inspections.copy.help')}
          </span>
        </div>
      )}
      {checks.length === 0 && <p>{t('inspections.element.noChecks')}</p>}
      {sharedCheck && sharedDraft && (
        <SharedMeasurements
          catalogId={catalogId}
          element={element}
          check={sharedCheck}
          draft={sharedDraft}
          ownOf={ownOf}
          readOnly={readOnly}
          previousDate={previous?.date ?? null}
          onChange={(draft) => onCheckChange(element.id, SHARED, draft)}
        />
      )}
      {checks.map((check) => {
        const now = summary.checks.get(checkKey(element.id, check.id))
        if (!now) return null
        const canCopy =
          !readOnly &&
          before !== undefined &&
          copyable(check, before, check.id, { ...now.shared, ...ownValues(now.draft) })
        return (
          <CheckFieldset
            key={check.id}
            elementId={element.id}
            check={check}
            now={now}
            saved={element.checks[check.id]}
            sharedIds={sharedIds}
            readOnly={readOnly}
            previous={previousByCheck?.[check.id] ?? null}
            photos={element.photos.filter((p) => p.checkId === check.id)}
            onChange={change}
            onCopyPrevious={canCopy ? copyCheck : undefined}
          />
        )
      })}
      <PhotoPanel element={element} catalogId={catalogId} readOnly={readOnly} queue={queue} />
      {!readOnly && <SubmitBarLink back />}
    </section>
  )
}

/** The values typed into a check's own fields (a number counts when its text is not blank). */
function ownValues(draft: CheckDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [id, field] of Object.entries(draft.fields)) {
    if (field === null || field === '') continue
    if (typeof field === 'object' && field.text.trim() === '') continue
    out[id] = field
  }
  return out
}
