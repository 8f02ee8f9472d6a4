import { Form, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { unitKindLabels, unitKinds, type Unit, type UnitKind } from '../../../shared/domain/units'
import { useApi } from '../api/api-context'
import { FormDialog } from '../components/form-dialog'

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

  const save = async (values: UnitFormValues) => {
    return unit
      ? await api.call('units:update', { ...values, id: unit.id, version: unit.version })
      : await api.call('units:create', values)
  }

  return (
    <FormDialog
      form={form}
      name="unit"
      title={unit ? t('units.editTitle') : t('units.createTitle')}
      initialValues={{
        name: unit?.name ?? '',
        kind: unit?.kind ?? 'government',
        contactPerson: unit?.contactPerson ?? '',
        phone: unit?.phone ?? '',
        note: unit?.note ?? '',
      }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
    >
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
    </FormDialog>
  )
}
