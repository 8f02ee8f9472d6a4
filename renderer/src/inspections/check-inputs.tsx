import { Input, Radio, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { units } from '../../../shared/catalog/index'
import type { InputDefinition, NumericInputDefinition, UnitId } from '../../../shared/catalog/types'
import { defaultUnit, unitFromText, type FieldDraft } from './draft-values'

export interface FieldProps {
  id: string
  def: InputDefinition
  value: FieldDraft
  error: string | undefined
  onChange: (value: FieldDraft) => void
}

function describedBy(id: string, def: InputDefinition, error: string | undefined): string | undefined {
  const ids = [def.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function FieldHelp({ id, def, error }: { id: string; def: InputDefinition; error: string | undefined }) {
  const { t } = useTranslation()
  return (
    <>
      {def.hint && (
        <div id={`${id}-hint`} className="aa-hint">
          {def.hint}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="aa-input-error">
          {error}
          <span className="aa-input-error-kept">{t('inspections.check.inputErrorKept')}</span>
        </div>
      )}
    </>
  )
}

function unitSymbol(unit: string): string {
  return unit in units ? units[unit as UnitId].symbol : unit
}

function NumericField({ id, def, value, error, onChange }: FieldProps & { def: NumericInputDefinition }) {
  const { t } = useTranslation()
  const current = value && typeof value === 'object' ? value : { text: '', unit: defaultUnit(def) }
  const single = def.allowedUnits.length === 1
  const label = single ? `${def.label}（${unitSymbol(def.unit)}）` : def.label
  return (
    <div className="aa-check-input">
      <label htmlFor={id}>
        {label}
        {def.optional && <span className="aa-optional">{t('inspections.check.optional')}</span>}
      </label>
      <Space.Compact>
        <Input
          id={id}
          data-aa-entry=""
          inputMode="decimal"
          autoComplete="off"
          value={current.text}
          status={error ? 'error' : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, def, error)}
          style={{ width: 130 }}
          onChange={(e) => {
            const text = e.target.value
            // "1:12", "5%" or "1.2m" switch the unit as they are typed.
            onChange({ text, unit: unitFromText(text, def) ?? current.unit })
          }}
        />
        {!single && (
          <Select<string>
            aria-label={t('inspections.check.unit', { label: def.label })}
            value={current.unit}
            style={{ width: 84 }}
            onChange={(unit) => onChange({ text: current.text, unit })}
            options={def.allowedUnits.map((u) => ({ value: u, label: unitSymbol(u), title: units[u].label }))}
          />
        )}
      </Space.Compact>
      <FieldHelp id={id} def={def} error={error} />
    </div>
  )
}

function BooleanField({ id, def, value, error, onChange }: FieldProps) {
  const { t } = useTranslation()
  const selected = value === true ? 'yes' : value === false ? 'no' : 'unset'
  return (
    <div className="aa-check-input">
      <span id={`${id}-label`} className="aa-label">
        {def.label}
        {def.optional && <span className="aa-optional">{t('inspections.check.optional')}</span>}
      </span>
      <Radio.Group
        data-aa-entry=""
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy(id, def, error)}
        aria-invalid={error ? true : undefined}
        value={selected}
        onChange={(e) => onChange(e.target.value === 'yes' ? true : e.target.value === 'no' ? false : null)}
        options={[
          { value: 'yes', label: t('inspections.check.yes') },
          { value: 'no', label: t('inspections.check.no') },
          { value: 'unset', label: t('inspections.check.unset') },
        ]}
      />
      <FieldHelp id={id} def={def} error={error} />
    </div>
  )
}

function ChoiceField({ id, def, value, error, onChange }: FieldProps) {
  const { t } = useTranslation()
  if (def.kind !== 'choice') return null
  return (
    <div className="aa-check-input">
      <label htmlFor={id}>
        {def.label}
        {def.optional && <span className="aa-optional">{t('inspections.check.optional')}</span>}
      </label>
      <Select<string>
        id={id}
        value={typeof value === 'string' ? value : ''}
        status={error ? 'error' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, def, error)}
        style={{ minWidth: 220, maxWidth: '100%' }}
        popupMatchSelectWidth={false}
        onChange={(v) => onChange(v === '' ? null : v)}
        options={[
          { value: '', label: t('inspections.check.unset') },
          ...def.options.map((o) => ({ value: o.id, label: o.label })),
        ]}
      />
      <FieldHelp id={id} def={def} error={error} />
    </div>
  )
}

/** One input of a check, by kind: number with unit, yes/no/unset radios, or a choice. */
export function CheckField(props: FieldProps) {
  const { def } = props
  if (def.kind === 'boolean') return <BooleanField {...props} />
  if (def.kind === 'choice') return <ChoiceField {...props} />
  return <NumericField {...props} def={def} />
}
