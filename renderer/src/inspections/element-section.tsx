import { useCallback, useMemo } from 'react'
import { Button, Popconfirm, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { categoryLabel, checksForCategory } from '../../../shared/catalog/index'
import type { InspectionElement } from '../../../shared/domain/inspections'
import { CheckFieldset, type PreviousCheck } from './check-fieldset'
import { checkKey, draftFromEntry, type CheckDraft } from './draft-values'
import { domId } from './format'
import type { MutationQueue } from './mutation-queue'
import { PhotoPanel } from './photo-panel'

export interface PreviousElement {
  date: string
  element: InspectionElement | undefined
}

interface ElementSectionProps {
  catalogId: string
  element: InspectionElement
  drafts: Record<string, CheckDraft>
  readOnly: boolean
  previous: PreviousElement | null
  queue: MutationQueue
  onCheckChange: (elementId: number, checkId: string, draft: CheckDraft) => void
  onRemove: (element: InspectionElement) => void
}

/** One element instance ("北门坡道"): h2, every check of its category as a fieldset, then its photos. */
export function ElementSection(props: ElementSectionProps) {
  const { catalogId, element, drafts, readOnly, previous, queue, onCheckChange, onRemove } = props
  const { t } = useTranslation()
  const headingId = domId('element', element.id)
  const checks = useMemo(() => checksForCategory(catalogId, element.category), [catalogId, element.category])
  const shown = useMemo(
    () =>
      Object.fromEntries(
        checks.map((c) => [
          c.id,
          drafts[checkKey(element.id, c.id)] ?? draftFromEntry(c, element.checks[c.id]),
        ]),
      ),
    [checks, drafts, element],
  )
  const previousByCheck = useMemo(() => {
    if (!previous) return null
    return Object.fromEntries(
      checks.map((c): [string, PreviousCheck] => [
        c.id,
        { date: previous.date, entry: previous.element?.checks[c.id] },
      ]),
    )
  }, [checks, previous])
  const change = useCallback(
    (checkId: string, draft: CheckDraft) => onCheckChange(element.id, checkId, draft),
    [element.id, onCheckChange],
  )

  return (
    <section className="aa-element" data-element-id={element.id}>
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
      {checks.length === 0 && <p>{t('inspections.element.noChecks')}</p>}
      {checks.map((check) => (
        <CheckFieldset
          key={check.id}
          elementId={element.id}
          catalogId={catalogId}
          check={check}
          draft={shown[check.id]!}
          saved={element.checks[check.id]}
          readOnly={readOnly}
          previous={previousByCheck?.[check.id] ?? null}
          onChange={change}
        />
      ))}
      <PhotoPanel element={element} readOnly={readOnly} queue={queue} />
    </section>
  )
}
