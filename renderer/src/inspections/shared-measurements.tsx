import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { checksForCategory, evaluateCheck } from '../../../shared/catalog/index'
import type { CheckDefinition, InputError } from '../../../shared/catalog/types'
import type { InspectionElement } from '../../../shared/domain/inspections'
import { inputsForCheck, ownInputs, sharedInputIds } from '../../../shared/domain/inspection-measurements'
import { CheckField } from './check-inputs'
import { evaluateSharedFields, inputsFromDraft, withField, type CheckDraft } from './draft-values'
import { domId, formatInputs, formatValue } from './format'
import { usedBy } from './shared-fields'

interface SharedMeasurementsProps {
  catalogId: string
  element: InspectionElement
  /** The synthetic check of the facility's shared fields (sharedFieldsCheck). */
  check: CheckDefinition
  draft: CheckDraft
  /** Each check's own values on screen, to judge the shared values with them (a rise the run makes too steep). */
  ownOf: (checkId: string) => CheckDraft
  readOnly: boolean
  previousDate: string | null
  onChange: (draft: CheckDraft) => void
}

/**
 * 共用测量值: the values several checks of the facility use, typed once (measure once). Each field says which checks
 * use it; an error names the check that refuses the value; a value copied from the last inspection is marked.
 */
export function SharedMeasurements(props: SharedMeasurementsProps) {
  const { catalogId, element, check, draft, ownOf, readOnly, onChange } = props
  const { t } = useTranslation()
  const base = domId('m', element.id)
  const errors = useMemo(() => {
    const typed = inputsFromDraft(check, draft)
    const own = evaluateSharedFields(catalogId, check, typed)
    if (!own.ok) return own.errors
    // Cross-field rules of the checks that use the values (e.g. a rise and run steeper than 1:2).
    const shared = sharedInputIds(catalogId, element.category)
    const found: InputError[] = []
    for (const c of checksForCategory(catalogId, element.category)) {
      if (!c.inputs.some((i) => shared.has(i.id))) continue
      const ownValues = ownInputs(inputsFromDraft(c, ownOf(c.id), shared), shared)
      const judged = evaluateCheck(c.id, inputsForCheck(c, ownValues, typed, shared), { catalogId })
      for (const e of judged.ok ? [] : judged.errors)
        if (e.inputId && shared.has(e.inputId) && !found.some((f) => f.message === e.message)) found.push(e)
    }
    return found
  }, [catalogId, check, draft, element.category, ownOf])

  const headingId = `${base}-heading`
  if (readOnly) {
    const values = formatInputs(check, element.measurements, element.carriedMeasurements)
    if (values.length === 0) return null
    return (
      <div className="aa-shared aa-shared-readonly" role="group" aria-labelledby={headingId}>
        <h3 id={headingId} className="aa-check-title">
          {t('inspections.measure.heading')}
        </h3>
        <p className="aa-readonly-values">{values.join('；')}</p>
      </div>
    )
  }
  const carried = check.inputs.filter((i) => draft.carried?.includes(i.id)).map((i) => i.label)
  return (
    <fieldset className="aa-check aa-shared" id={base} tabIndex={-1} data-shared-for={element.id}>
      <legend>{t('inspections.measure.heading')}</legend>
      <p className="aa-requirement">{t('inspections.measure.intro')}</p>
      {carried.length > 0 && props.previousDate && (
        <p className="aa-carried">
          <span className="aa-carried-tag">{t('inspections.carried.tag')}</span>{' '}
          {t('inspections.carried.check', { date: props.previousDate, labels: carried.join('、') })}
        </p>
      )}
      <div className="aa-shared-fields">
        {check.inputs.map((def) => {
          const conflict = element.measurementConflicts.find((c) => c.inputId === def.id)
          const fieldError = errors.find((e) => e.inputId === def.id)?.message
          return (
            <div key={def.id} className="aa-shared-field">
              <CheckField
                id={domId(base, def.id)}
                def={{
                  ...def,
                  hint: [
                    def.hint,
                    t('inspections.measure.usedBy', {
                      checks: usedBy(catalogId, element.category, def.id).join('、'),
                    }),
                  ]
                    .filter(Boolean)
                    .join('。'),
                }}
                value={draft.fields[def.id] ?? null}
                error={fieldError}
                onChange={(value) => onChange(withField(draft, def.id, value))}
              />
              {conflict && !inputsFromDraft(check, draft)[def.id] && (
                <p className="aa-input-error" role="alert">
                  {t('inspections.measure.conflict', {
                    label: def.label,
                    values: conflict.values.map((v) => formatValue(def, v.value)).join('、'),
                  })}
                </p>
              )}
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
