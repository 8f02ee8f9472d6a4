import { Form, Input, InputNumber, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Portal } from '../../../shared/domain/portals'
import type { Unit } from '../../../shared/domain/units'
import { useApi } from '../api/api-context'
import { FormDialog } from '../components/form-dialog'
import { linesOf } from './format'

interface PortalFormValues {
  name: string
  startUrl: string
  unitId: number
  maxPages: number
  maxDepth: number
  include: string
  exclude: string
}

/** 登记网站 / 修改网站: validation messages come from the shared contract, shown on their fields. */
export function PortalForm(props: {
  portal: Portal | null
  units: Unit[]
  onClose: () => void
  onSaved: (p: Portal) => void
}) {
  const { portal, units, onClose, onSaved } = props
  const { t } = useTranslation()
  const api = useApi()
  const [form] = Form.useForm<PortalFormValues>()

  const save = async (values: PortalFormValues) => {
    const input = {
      name: values.name,
      startUrl: values.startUrl,
      unitId: values.unitId || null,
      maxPages: values.maxPages,
      maxDepth: values.maxDepth,
      include: linesOf(values.include),
      exclude: linesOf(values.exclude),
    }
    return portal
      ? await api.call('portals:update', { ...input, id: portal.id, version: portal.version })
      : await api.call('portals:create', input)
  }
  const enter = () => form.submit()

  return (
    <FormDialog
      form={form}
      name="portal"
      title={portal ? t('webAudits.form.editTitle') : t('webAudits.form.createTitle')}
      initialValues={{
        name: portal?.name ?? '',
        startUrl: portal?.startUrl ?? '',
        unitId: portal?.unitId ?? 0,
        maxPages: portal?.maxPages ?? 50,
        maxDepth: portal?.maxDepth ?? 3,
        include: portal?.include.join('\n') ?? '',
        exclude: portal?.exclude.join('\n') ?? '',
      }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item label={t('webAudits.form.name')} name="name" required>
        <Input autoFocus onPressEnter={enter} />
      </Form.Item>
      <Form.Item
        label={t('webAudits.form.startUrl')}
        name="startUrl"
        required
        extra={t('webAudits.form.startUrlHelp')}
      >
        <Input inputMode="url" autoComplete="url" onPressEnter={enter} />
      </Form.Item>
      <Form.Item label={t('webAudits.form.unit')} name="unitId">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            { value: 0, label: t('webAudits.form.unitNone') },
            ...units.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('webAudits.form.maxPages')} name="maxPages">
          <InputNumber min={1} max={10000} style={{ width: 160 }} onPressEnter={enter} />
        </Form.Item>
        <Form.Item label={t('webAudits.form.maxDepth')} name="maxDepth">
          <InputNumber min={0} max={20} style={{ width: 160 }} onPressEnter={enter} />
        </Form.Item>
      </Space>
      <Form.Item label={t('webAudits.form.include')} name="include" extra={t('webAudits.form.patternsHelp')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label={t('webAudits.form.exclude')} name="exclude">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  )
}
