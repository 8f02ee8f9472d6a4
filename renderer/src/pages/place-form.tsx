import { Form, Input, InputNumber, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { placeTypeLabels, placeTypes, type Place, type PlaceType } from '../../../shared/domain/places'
import type { Unit } from '../../../shared/domain/units'
import { useApi } from '../api/api-context'
import { FormDialog } from '../components/form-dialog'

interface PlaceFormValues {
  name: string
  type: PlaceType
  address: string
  unitId: number
  latitude: number | null
  longitude: number | null
  note: string
}

export function PlaceForm(props: {
  place: Place | null
  units: Unit[]
  onClose: () => void
  onSaved: (p: Place) => void
}) {
  const { place, units, onClose, onSaved } = props
  const { t } = useTranslation()
  const api = useApi()
  const [form] = Form.useForm<PlaceFormValues>()

  const save = async (values: PlaceFormValues) => {
    // 0 stands for "not assigned" in the select; the API takes null.
    const input = { ...values, unitId: values.unitId || null }
    return place
      ? await api.call('places:update', { ...input, id: place.id, version: place.version })
      : await api.call('places:create', input)
  }
  const enter = () => form.submit()

  return (
    <FormDialog
      form={form}
      name="place"
      title={place ? t('places.editTitle') : t('places.createTitle')}
      initialValues={{
        name: place?.name ?? '',
        type: place?.type ?? 'government-service-hall',
        address: place?.address ?? '',
        unitId: place?.unitId ?? 0,
        latitude: place?.latitude ?? null,
        longitude: place?.longitude ?? null,
        note: place?.note ?? '',
      }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item label={t('places.name')} name="name" required>
        <Input autoFocus onPressEnter={enter} />
      </Form.Item>
      <Form.Item label={t('places.type')} name="type" required>
        <Select options={placeTypes.map((p) => ({ value: p, label: placeTypeLabels[p] }))} />
      </Form.Item>
      <Form.Item label={t('places.unit')} name="unitId">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            { value: 0, label: t('places.unitNone') },
            ...units.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      </Form.Item>
      <Form.Item label={t('places.address')} name="address">
        <Input autoComplete="street-address" onPressEnter={enter} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 'inherit', border: 0, marginBottom: 8 }}>{t('places.gps')}</legend>
        <Space wrap>
          <Form.Item label={t('places.latitude')} name="latitude">
            <InputNumber style={{ width: 180 }} step={0.000001} onPressEnter={enter} />
          </Form.Item>
          <Form.Item label={t('places.longitude')} name="longitude">
            <InputNumber style={{ width: 180 }} step={0.000001} onPressEnter={enter} />
          </Form.Item>
        </Space>
      </fieldset>
      <Form.Item label={t('places.note')} name="note">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  )
}
