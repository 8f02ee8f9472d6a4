import { useState } from 'react'
import { Button, Checkbox, Form, Input, InputNumber, Typography } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatNoticeNumber, type RectificationSettings } from '../../../shared/domain/rectification'
import { useApi } from '../api/api-context'
import { applyFieldErrors } from '../api/form-errors'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'

interface SettingsValues {
  issuer: string
  numberTemplate: string
  defaultDeadlineDays: number | null
  replyInstructions: string
  contact: string
  colophon: boolean
  copyTo: string
  printer: string
}

/**
 * 设置 → 整改通知书设置: who issues notices, how they are numbered (GB/T 9704: 〔年份〕序号号, no 第), the default
 * deadline, the reply text and contact, and the 版记 (抄送, 印发机关; 印发日期 is the notice's date).
 */
export function NoticeSettings() {
  const { t } = useTranslation()
  const api = useApi()
  const settings = useQuery({
    queryKey: ['rectification:settings'],
    queryFn: () => api.call('rectification:settings', {}),
  })
  return (
    <section aria-labelledby="settings-notices" style={{ marginTop: 32, maxWidth: '48em' }}>
      <Typography.Title level={2} id="settings-notices" style={{ fontSize: '1.25em' }}>
        {t('rectification.settings.heading')}
      </Typography.Title>
      <p>{t('rectification.settings.intro')}</p>
      <ErrorAlert error={settings.error} />
      {settings.data && <SettingsForm settings={settings.data} />}
    </section>
  )
}

function SettingsForm({ settings }: { settings: RectificationSettings }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<SettingsValues>()
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const template = Form.useWatch('numberTemplate', form) ?? settings.numberTemplate

  const save = async (values: SettingsValues) => {
    setSaving(true)
    setError(null)
    try {
      const saved = await api.call('rectification:saveSettings', {
        issuer: values.issuer,
        numberTemplate: values.numberTemplate,
        // An emptied number field is sent as it is, so the server's "请填写" message appears on it.
        defaultDeadlineDays: values.defaultDeadlineDays as number,
        replyInstructions: values.replyInstructions,
        contact: values.contact || null,
        colophon: values.colophon,
        copyTo: values.copyTo || null,
        printer: values.printer || null,
      })
      queryClient.setQueryData(['rectification:settings'], saved)
      announce(t('rectification.settings.saved'))
    } catch (caught) {
      setError(applyFieldErrors(form, caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<SettingsValues>
      form={form}
      name="notice-settings"
      layout="vertical"
      initialValues={{
        ...settings,
        contact: settings.contact ?? '',
        copyTo: settings.copyTo ?? '',
        printer: settings.printer ?? '',
      }}
      onFinish={(values) => void save(values)}
      // The server's message on a field goes once the field is edited.
      onValuesChange={(changed: object) =>
        form.setFields(
          (Object.keys(changed) as Array<keyof SettingsValues>).map((name) => ({ name, errors: [] })),
        )
      }
    >
      <ErrorAlert error={error} />
      <Form.Item label={t('rectification.settings.issuer')} name="issuer" required>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item
        label={t('rectification.settings.numberTemplate')}
        name="numberTemplate"
        required
        extra={
          <>
            <div>{t('rectification.settings.numberTemplateHelp')}</div>
            {template.includes('第{n}') && (
              <div role="note" style={{ color: '#ad4e00' }}>
                {t('rectification.settings.numberTemplateDi')}
              </div>
            )}
            {template.includes('{n}') && (
              <div>
                {t('rectification.settings.numberExample', {
                  example: formatNoticeNumber(template, new Date().getFullYear(), 1),
                })}
              </div>
            )}
          </>
        }
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item label={t('rectification.settings.defaultDeadlineDays')} name="defaultDeadlineDays" required>
        <InputNumber min={1} max={365} precision={0} style={{ width: '10em' }} />
      </Form.Item>
      <Form.Item label={t('rectification.settings.replyInstructions')} name="replyInstructions" required>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item
        label={t('rectification.settings.contact')}
        name="contact"
        extra={t('rectification.settings.contactHelp')}
      >
        <Input maxLength={200} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
        <legend style={{ fontSize: '1em', fontWeight: 600, marginBottom: 8 }}>
          {t('rectification.settings.colophonHeading')}
        </legend>
        <Form.Item name="colophon" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{t('rectification.settings.colophon')}</Checkbox>
        </Form.Item>
        <Form.Item
          label={t('rectification.settings.copyTo')}
          name="copyTo"
          extra={t('rectification.settings.copyToHelp')}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          label={t('rectification.settings.printer')}
          name="printer"
          extra={t('rectification.settings.printerHelp')}
        >
          <Input maxLength={80} placeholder={settings.issuer} />
        </Form.Item>
      </fieldset>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('rectification.settings.save')}
      </Button>
    </Form>
  )
}
