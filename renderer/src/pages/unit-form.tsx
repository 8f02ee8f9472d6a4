import { useState } from 'react'
import { Form, Input, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { unitKindLabels, unitKinds, type Unit, type UnitKind } from '../../../shared/domain/units'
import { useApi } from '../api/api-context'
import { applyFieldErrors } from '../api/form-errors'
import { ErrorAlert } from '../components/error-alert'

interface UnitFormValues {
  name: string
  kind: UnitKind
  contactPerson: string
  phone: string
  note: string
}

/** Create or edit a unit in a dialog; validation messages come from the shared contract via the API. */
export function UnitForm({
  unit,
  onClose,
  onSaved,
}: {
  unit: Unit | null
  onClose: () => void
  onSaved: (u: Unit) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [form] = Form.useForm<UnitFormValues>()
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)

  const submit = async (values: UnitFormValues) => {
    setSaving(true)
    setError(null)
    try {
      const saved = unit
        ? await api.call('units:update', { ...values, id: unit.id, version: unit.version })
        : await api.call('units:create', values)
      onSaved(saved)
    } catch (caught) {
      setError(applyFieldErrors(form, caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={unit ? t('units.editTitle') : t('units.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<UnitFormValues>
        form={form}
        name="unit"
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          name: unit?.name ?? '',
          kind: unit?.kind ?? 'government',
          contactPerson: unit?.contactPerson ?? '',
          phone: unit?.phone ?? '',
          note: unit?.note ?? '',
        }}
      >
        <ErrorAlert error={error} />
        <Form.Item label={t('units.name')} name="name" required>
          <Input autoFocus autoComplete="organization" onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item label={t('units.kind')} name="kind" required>
          <Select options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))} />
        </Form.Item>
        <Form.Item label={t('units.contactPerson')} name="contactPerson">
          <Input autoComplete="name" onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item label={t('units.phone')} name="phone">
          <Input type="tel" autoComplete="tel" onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item label={t('units.note')} name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
