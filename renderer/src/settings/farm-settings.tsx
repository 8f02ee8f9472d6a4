import { useState } from 'react'
import { Button, Form, Input, InputNumber, Typography } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  concurrencyProblem,
  defaultEndpointConcurrency,
  endpointUrlProblem,
  farmConcurrencyMax,
  farmConcurrencyMin,
  farmEndpointsMax,
  type FarmSettings,
} from '../../../shared/web/browser-farm'
import { useApi } from '../api/api-context'
import { ApiCallError } from '../api/client'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'

/**
 * 设置 → 浏览器集群: the remote browser endpoints that website audits spread their pages over, each with its own
 * pages at once. Validated by the shared rules (ws:// or wss://, 1–16) as the user types and again by the contract.
 */

interface FarmValues {
  endpoints: Array<{ url: string; concurrency: number | null }>
}

export function FarmSettingsSection() {
  const { t } = useTranslation()
  const api = useApi()
  const settings = useQuery({
    queryKey: ['audits:farmSettings'],
    queryFn: () => api.call('audits:farmSettings', {}),
  })
  return (
    <section aria-labelledby="settings-farm" style={{ marginTop: 32, maxWidth: '48em' }}>
      <Typography.Title level={2} id="settings-farm" style={{ fontSize: '1.25em' }}>
        {t('farm.heading')}
      </Typography.Title>
      <p>{t('farm.intro')}</p>
      <p role="note">{t('farm.security')}</p>
      <p>{t('farm.whenLost')}</p>
      <ErrorAlert error={settings.error} />
      {settings.data && <FarmForm settings={settings.data} />}
    </section>
  )
}

/** A rule from a shared problem finder: the same zh-CN message as the contract gives. */
const ruleOf = (problem: (value: never) => string | null) => ({
  validator: (_: unknown, value: unknown) => {
    const message = problem(value as never)
    return message ? Promise.reject(new Error(message)) : Promise.resolve()
  },
})

function FarmForm({ settings }: { settings: FarmSettings }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<FarmValues>()
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)

  const save = async (values: FarmValues) => {
    setSaving(true)
    setError(null)
    try {
      const saved = await api.call('audits:saveFarmSettings', {
        endpoints: (values.endpoints ?? []).map((e) => ({
          url: e.url,
          concurrency: e.concurrency ?? Number.NaN,
        })),
      })
      queryClient.setQueryData(['audits:farmSettings'], saved)
      announce(
        saved.endpoints.length > 0
          ? t('farm.saved', { count: saved.endpoints.length })
          : t('farm.savedLocal'),
      )
    } catch (caught) {
      setError(fieldErrors(form, caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<FarmValues>
      form={form}
      name="farm-settings"
      layout="vertical"
      initialValues={{ endpoints: settings.endpoints }}
      onFinish={(values) => void save(values)}
    >
      <ErrorAlert error={error} />
      <Form.List name="endpoints">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
            <legend style={{ fontSize: '1em', fontWeight: 600, marginBottom: 8 }}>
              {t('farm.listLabel')}
            </legend>
            {fields.length === 0 && <p>{t('farm.empty')}</p>}
            {fields.map((field, index) => (
              <div key={field.key} className="aa-rect-form-row" style={{ alignItems: 'flex-start', gap: 12 }}>
                <Form.Item
                  label={t('farm.url', { n: index + 1 })}
                  name={[field.name, 'url']}
                  required
                  extra={t('farm.urlHelp')}
                  rules={[ruleOf(endpointUrlProblem)]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={2000} autoComplete="off" spellCheck={false} />
                </Form.Item>
                <Form.Item
                  label={t('farm.concurrency', { n: index + 1 })}
                  name={[field.name, 'concurrency']}
                  required
                  extra={t('farm.concurrencyHelp')}
                  rules={[ruleOf((n: number | null) => concurrencyProblem(n ?? Number.NaN))]}
                >
                  <InputNumber<number>
                    min={farmConcurrencyMin}
                    max={farmConcurrencyMax}
                    precision={0}
                    style={{ width: '8em' }}
                  />
                </Form.Item>
                <Button
                  onClick={() => remove(field.name)}
                  aria-label={t('farm.remove', { n: index + 1 })}
                  style={{ marginTop: 30 }}
                >
                  {t('farm.removeText')}
                </Button>
              </div>
            ))}
            <Button
              onClick={() => add({ url: '', concurrency: defaultEndpointConcurrency })}
              disabled={fields.length >= farmEndpointsMax}
            >
              {t('farm.add')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('farm.save')}
      </Button>
    </Form>
  )
}

/** The contract's field errors ('endpoints.1.url') on the list's fields; the rest for the alert. */
function fieldErrors(form: ReturnType<typeof Form.useForm<FarmValues>>[0], error: unknown): unknown {
  if (!(error instanceof ApiCallError) || error.fields.length === 0) return error
  const row = (p: string) => /^endpoints\.(\d+)\.(url|concurrency)$/.exec(p)
  const onRows = error.fields.filter((f) => row(f.path))
  form.setFields(
    onRows.map((f) => {
      const [, index, field] = row(f.path) as RegExpExecArray
      return { name: ['endpoints', Number(index), field as 'url' | 'concurrency'], errors: [f.message] }
    }),
  )
  const rest = error.fields.filter((f) => !onRows.includes(f))
  return rest.length > 0 ? new Error(rest.map((f) => f.message).join('；')) : null
}
