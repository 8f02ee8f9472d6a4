import { Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/api-context'

/**
 * The labelled "which unit" filter of the item and notice lists: 0 stands for all units. Both lists read the same
 * cached unit list, so switching between them does not fetch it again.
 */
export function UnitFilter(props: {
  id: string
  label: string
  value: number
  onChange: (unitId: number) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const units = useQuery({
    queryKey: ['units:list', 'all-active'],
    queryFn: () => api.call('units:list', {}),
  })
  return (
    <div className="aa-field">
      <label htmlFor={props.id}>{props.label}</label>
      <Select<number>
        id={props.id}
        value={props.value}
        onChange={props.onChange}
        style={{ width: '16em', maxWidth: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        options={[
          { value: 0, label: t('rectification.unitAll') },
          ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
        ]}
      />
    </div>
  )
}
