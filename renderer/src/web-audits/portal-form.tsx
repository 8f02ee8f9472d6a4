import { useState } from 'react'
import { Form, Input, InputNumber, Modal, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Portal } from '../../../shared/domain/portals'
import type { Unit } from '../../../shared/domain/units'
import { useApi } from '../api/api-context'
import { applyFieldErrors } from '../api/form-errors'
import { ErrorAlert } from '../components/error-alert'
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
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)

  const submit = async (values: PortalFormValues) => {
    setSaving(true)
    setError(null)
    const input = {
      name: values.name,
      startUrl: values.startUrl,
      unitId: values.unitId || null,
      maxPages: values.maxPages,
      maxDepth: values.maxDepth,
      include: linesOf(values.include),
      exclude: linesOf(values.exclude),
    }
    try {
      const saved = portal
        ? await api.call('portals:update', { ...input, id: portal.id, version: portal.version })
        : await api.call('portals:create', input)
      onSaved(saved)
    } catch (caught) {
      setError(applyFieldErrors(form, caught))
    } finally {
      setSaving(false)
    }
  }
  const enter = () => form.submit()

  return (
    <Modal
      open
      title={portal ? t('webAudits.form.editTitle') : t('webAudits.form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<PortalFormValues>
        form={form}
        name="portal"
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          name: portal?.name ?? '',
          startUrl: portal?.startUrl ?? '',
          unitId: portal?.unitId ?? 0,
          maxPages: portal?.maxPages ?? 50,
          maxDepth: portal?.maxDepth ?? 3,
          include: portal?.include.join('\n') ?? '',
          exclude: portal?.exclude.join('\n') ?? '',
        }}
      >
        <ErrorAlert error={error} />
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
        <Form.Item
          label={t('webAudits.form.include')}
          name="include"
          extra={t('webAudits.form.patternsHelp')}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('webAudits.form.exclude')} name="exclude">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
