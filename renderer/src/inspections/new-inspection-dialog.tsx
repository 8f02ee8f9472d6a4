import { Alert, Form, Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Place } from '../../../shared/domain/places'
import type { Inspection, InspectionSummary } from '../../../shared/domain/inspections'
import { localDay } from '../../../shared/domain/local-dates'
import { useApi } from '../api/api-context'
import { FormDialog } from '../components/form-dialog'
import { InspectionInfoFields } from './inspection-info-fields'

interface NewInspectionValues {
  placeId: number | undefined
  inspectedOn: string
  inspectors: string
  notes: string
}

/**
 * The inspection a new one of the place will be compared with, as the server chooses it: the latest submitted by
 * date, where a submitted correction (revision) stands for the inspection it corrects.
 */
function comparedWith(submitted: readonly InspectionSummary[]): InspectionSummary | undefined {
  return submitted
    .filter((i) => !submitted.some((r) => r.revisionOf === i.id))
    .sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn) || b.id - a.id)[0]
}

/**
 * 新建检查: place, date and inspectors; the server records the catalog version and links a re-inspection. The
 * date's limits (not after today, not before the inspection compared with) are the server's: a refusal lands on
 * the date field; the help text and the date picker's bounds only say them beforehand.
 */
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
  const latest = comparedWith(earlier.data ?? [])
  const today = localDay(new Date())

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
        inspectedOn: today,
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
      <InspectionInfoFields today={today} previousDate={latest?.inspectedOn ?? null} onEnter={enter} />
    </FormDialog>
  )
}
