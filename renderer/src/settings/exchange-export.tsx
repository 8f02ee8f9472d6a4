import { useState } from 'react'
import { Button, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/api-context'
import { applyFieldErrors } from '../api/form-errors'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { saveExportedFile } from '../rectification/download'

interface ExportValues {
  since: string
}

/**
 * 交换数据包 → 导出: everything, or what was made or changed since a day; the zip is saved as any download is
 * (a save dialog in the desktop app) and what it holds is announced and stays on screen.
 */
export function ExchangeExport() {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const [form] = Form.useForm<ExportValues>()
  const [error, setError] = useState<unknown>(null)
  const [working, setWorking] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  const run = async ({ since }: ExportValues) => {
    setWorking(true)
    setError(null)
    setDone(null)
    announce(t('team.exchange.export.working'))
    try {
      const file = await api.call('exchange:export', since ? { since } : {})
      saveExportedFile(file)
      const text = t('team.exchange.export.done', {
        fileName: file.fileName,
        records: file.summary.records,
        files: file.summary.files,
        signed: t(file.summary.signed ? 'team.exchange.export.signed' : 'team.exchange.export.unsigned'),
      })
      setDone(text)
      announce(text)
    } catch (caught) {
      setError(applyFieldErrors(form, caught))
    } finally {
      setWorking(false)
    }
  }

  return (
    <section aria-labelledby="exchange-export">
      <h4 id="exchange-export">{t('team.exchange.export.heading')}</h4>
      <Form<ExportValues>
        form={form}
        name="exchange-export"
        layout="vertical"
        initialValues={{ since: '' }}
        onFinish={(values) => void run(values)}
        onValuesChange={() => form.setFields([{ name: 'since', errors: [] }])}
      >
        <ErrorAlert error={error} />
        <Form.Item
          label={t('team.exchange.export.since')}
          name="since"
          extra={t('team.exchange.export.sinceHelp')}
        >
          <Input type="date" style={{ width: '12em', maxWidth: '100%' }} />
        </Form.Item>
        <Button htmlType="submit" loading={working}>
          {t('team.exchange.export.button')}
        </Button>
      </Form>
      {done && <p className="aa-exchange-done">{done}</p>}
    </section>
  )
}
