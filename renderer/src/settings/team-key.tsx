import { useState } from 'react'
import { Button, Form, Input } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TeamKeyStatus } from '../../../shared/domain/exchange'
import { useApi } from '../api/api-context'
import { applyFieldErrors } from '../api/form-errors'
import { useAnnounce } from '../components/announcer'
import { ArchiveDialog } from '../components/archive-dialog'
import { ErrorAlert } from '../components/error-alert'

const queryKey = ['exchange:keyStatus']

interface KeyValues {
  teamKey: string
}

/**
 * 交换数据包 → 团队密钥: whether a key is set (its fingerprint, never the key), a password field to set or replace it
 * (the contract's rules, e.g. at least 12 characters, come back on the field), and 清除 after a confirmation.
 */
export function TeamKeySettings() {
  const { t } = useTranslation()
  const api = useApi()
  const status = useQuery({ queryKey, queryFn: () => api.call('exchange:keyStatus', {}) })
  return (
    <section aria-labelledby="exchange-key">
      <h4 id="exchange-key">{t('team.exchange.key.heading')}</h4>
      <p>{t('team.exchange.key.intro')}</p>
      <ErrorAlert error={status.error} />
      {status.data && <TeamKeyForm status={status.data} />}
    </section>
  )
}

function TeamKeyForm({ status }: { status: TeamKeyStatus }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<KeyValues>()
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const [confirming, setConfirming] = useState(false)

  const save = async ({ teamKey }: KeyValues) => {
    setSaving(true)
    setError(null)
    try {
      const saved = await api.call('exchange:saveKey', { teamKey })
      queryClient.setQueryData(queryKey, saved)
      form.resetFields()
      announce(t('team.exchange.key.saved', { fingerprint: saved.fingerprint }))
    } catch (caught) {
      setError(applyFieldErrors(form, caught))
    } finally {
      setSaving(false)
    }
  }

  const cleared = (saved: TeamKeyStatus) => {
    queryClient.setQueryData(queryKey, saved)
    setConfirming(false)
    announce(t('team.exchange.key.cleared'))
    // The 清除 button is gone; the status line says what is now true.
    window.setTimeout(() => document.getElementById('exchange-key-status')?.focus(), 0)
  }

  return (
    <>
      <dl className="aa-facts">
        <div className="aa-wide">
          <dt>{t('team.exchange.key.status')}</dt>
          <dd id="exchange-key-status" tabIndex={-1}>
            {status.set ? (
              <>
                {t('team.exchange.key.set', { fingerprint: status.fingerprint })}
                <div className="aa-exchange-help">{t('team.exchange.key.fingerprintHelp')}</div>
              </>
            ) : (
              t('team.exchange.key.unset')
            )}
          </dd>
        </div>
      </dl>
      <Form<KeyValues>
        form={form}
        name="team-key"
        layout="vertical"
        initialValues={{ teamKey: '' }}
        onFinish={(values) => void save(values)}
        onValuesChange={() => form.setFields([{ name: 'teamKey', errors: [] }])}
      >
        <ErrorAlert error={error} />
        <Form.Item
          label={t(status.set ? 'team.exchange.key.replaceKey' : 'team.exchange.key.newKey')}
          name="teamKey"
          required
          extra={t('team.exchange.key.keyHelp')}
        >
          <Input.Password autoComplete="new-password" maxLength={200} style={{ maxWidth: '24em' }} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Button htmlType="submit" loading={saving}>
            {t('team.exchange.key.save')}
          </Button>
          {status.set && (
            <Button danger onClick={() => setConfirming(true)}>
              {t('team.exchange.key.clear')}
            </Button>
          )}
        </div>
      </Form>
      {confirming && (
        <ArchiveDialog
          archiving
          title={t('team.exchange.key.clearTitle')}
          body={t('team.exchange.key.clearBody')}
          okText={t('team.exchange.key.clearOk')}
          save={() => api.call('exchange:saveKey', { teamKey: null })}
          onClose={() => setConfirming(false)}
          onDone={cleared}
        />
      )}
    </>
  )
}
