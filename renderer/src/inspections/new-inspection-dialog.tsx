import { Alert, Form, Input, Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { Place } from '../../../shared/domain/places'
import type { Inspection } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { FormDialog } from '../components/form-dialog'

interface NewInspectionValues {
  placeId: number | undefined
  inspectedOn: string
  inspectors: string
  notes: string
}

/** 新建检查: place, date and inspectors; the server records the catalog version and links a re-inspection. */
export function NewInspectionDialog(props: {
  places: Place[]
  onClose: () => void
  onCreated: (inspection: Inspection) => void
}) {
  const { places, onClose, onCreated } = props
  const { t } = useTranslation()
  const api = useApi()
  const [form] = Form.useForm<NewInspectionValues>()
  const placeId = Form.useWatch('placeId', form)

  // A place with a submitted inspection gets a re-inspection: say so before the user starts.
  const earlier = useQuery({
    queryKey: ['inspections:list', 'earlier', placeId],
    queryFn: () => api.call('inspections:list', { placeId, status: 'submitted' }),
    enabled: typeof placeId === 'number',
  })
  const latest = [...(earlier.data ?? [])].sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn))[0]

  const save = async (values: NewInspectionValues) => {
    return await api.call('inspections:create', {
      placeId: values.placeId ?? 0,
      inspectedOn: values.inspectedOn,
      inspectors: values.inspectors,
      notes: values.notes,
    })
  }
  const enter = () => form.submit()

  return (
    <FormDialog
      form={form}
      name="inspection"
      title={t('inspections.create.title')}
      okText={t('inspections.create.ok')}
      rootClassName="aa-insp-screen"
      initialValues={{
        placeId: undefined,
        inspectedOn: dayjs().format('YYYY-MM-DD'),
        inspectors: '',
        notes: '',
      }}
      save={save}
      onSaved={onCreated}
      onClose={onClose}
    >
      {places.length === 0 && <Alert type="info" showIcon title={t('inspections.create.noPlaces')} />}
      <Form.Item
        label={t('inspections.create.place')}
        name="placeId"
        required
        extra={t('inspections.create.placeHelp')}
      >
        <Select
          autoFocus
          showSearch={{ optionFilterProp: 'label' }}
          options={places.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      {latest && (
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={t('inspections.create.reinspection', { date: latest.inspectedOn })}
        />
      )}
      <Form.Item label={t('inspections.create.date')} name="inspectedOn" required>
        <Input type="date" onPressEnter={enter} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label={t('inspections.create.inspectors')}
        name="inspectors"
        required
        extra={t('inspections.create.inspectorsHelp')}
      >
        <Input autoComplete="name" onPressEnter={enter} />
      </Form.Item>
      <Form.Item label={t('inspections.create.notes')} name="notes">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  )
}
