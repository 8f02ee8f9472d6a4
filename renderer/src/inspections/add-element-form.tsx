import { useState } from 'react'
import { Button, Input, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { categoriesForCatalog } from '../../../shared/catalog/index'
import type { CategoryId } from '../../../shared/catalog/categories'
import type { Inspection } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { ApiCallError } from '../api/client'
import { isConflict, type MutationQueue } from './mutation-queue'

/** Focus the first field of a newly added element, so typing can start at once. */
function focusElement(elementId: number) {
  window.setTimeout(() => {
    const section = document.querySelector(`[data-element-id="${elementId}"]`)
    const first = section?.querySelector<HTMLElement>('input[data-aa-entry], [data-aa-entry] input')
    first?.focus()
  }, 50)
}

/** 添加设施: category and a short label; Enter in the label adds it. */
export function AddElementForm({ inspection, queue }: { inspection: Inspection; queue: MutationQueue }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const categories = categoriesForCatalog(inspection.catalogId)
  const [category, setCategory] = useState<CategoryId>(categories[0]?.id ?? 'ramp')
  const [label, setLabel] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [labelError, setLabelError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const add = async () => {
    setBusy(true)
    setError(null)
    setLabelError(null)
    const before = new Set(inspection.elements.map((e) => e.id))
    try {
      const next = await queue.run((baseVersion, current) =>
        api.call('inspections:addElement', { inspectionId: current.id, baseVersion, category, label }),
      )
      const added = next?.elements.find((e) => !before.has(e.id))
      announce(t('inspections.addElement.added', { label: added?.label ?? label }))
      setLabel('')
      if (added) focusElement(added.id)
    } catch (caught) {
      const onLabel =
        caught instanceof ApiCallError ? caught.fields.find((f) => f.path === 'label') : undefined
      if (onLabel) setLabelError(onLabel.message)
      else if (!isConflict(caught)) setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="aa-add-element" aria-labelledby="add-element-heading">
      <Typography.Title level={2} id="add-element-heading" style={{ fontSize: '1.2em' }}>
        {t('inspections.addElement.heading')}
      </Typography.Title>
      <div className="aa-toolbar" style={{ marginTop: 0 }}>
        <div className="aa-field">
          <label htmlFor="add-element-category">{t('inspections.addElement.category')}</label>
          <Select<CategoryId>
            id="add-element-category"
            value={category}
            onChange={setCategory}
            style={{ width: 240 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={categories.map((c) => ({ value: c.id, label: c.label }))}
          />
        </div>
        <div className="aa-field">
          <label htmlFor="add-element-label">{t('inspections.addElement.label')}</label>
          <Input
            id="add-element-label"
            value={label}
            maxLength={60}
            placeholder={t('inspections.addElement.labelPlaceholder')}
            status={labelError ? 'error' : undefined}
            aria-invalid={labelError ? true : undefined}
            aria-describedby={labelError ? 'add-element-label-error' : undefined}
            onChange={(e) => setLabel(e.target.value)}
            onPressEnter={(e) => {
              if (!e.nativeEvent.isComposing) void add()
            }}
            style={{ width: 300 }}
          />
          {labelError && (
            <div id="add-element-label-error" className="aa-input-error" role="alert">
              {labelError}
            </div>
          )}
        </div>
        <Button type="primary" loading={busy} onClick={() => void add()}>
          {t('inspections.addElement.add')}
        </Button>
      </div>
      <ErrorAlert error={error} />
    </section>
  )
}
