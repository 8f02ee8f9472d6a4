import { useState } from 'react'
import { Button, Form, Input, Radio, Typography } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { teamRoles, type Installation, type TeamRole } from '../../../shared/domain/team'
import { useApi } from '../api/api-context'
import { applyFieldErrors } from '../api/form-errors'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { ExchangeSection } from './exchange-section'

interface TeamValues {
  profileName: string
  role: TeamRole
}

/**
 * 设置 → 团队协作: this installation's inspector name (signed on every record made or changed here), its role
 * (外业终端 or 协调员: only the coordinator issues numbered notices) and its device id (read only); below it the
 * exchange packages that bring the team's work together.
 */
export function TeamSettings() {
  const { t } = useTranslation()
  const api = useApi()
  const profile = useQuery({ queryKey: ['team:profile'], queryFn: () => api.call('team:profile', {}) })
  return (
    <section aria-labelledby="settings-team" style={{ marginTop: 32, maxWidth: '48em' }}>
      <Typography.Title level={2} id="settings-team" style={{ fontSize: '1.25em' }}>
        {t('team.heading')}
      </Typography.Title>
      <p>{t('team.intro')}</p>
      <ErrorAlert error={profile.error} />
      {profile.data && <TeamForm installation={profile.data} />}
      <ExchangeSection />
    </section>
  )
}

function TeamForm({ installation }: { installation: Installation }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<TeamValues>()
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)

  const save = async (values: TeamValues) => {
    setSaving(true)
    setError(null)
    try {
      const saved = await api.call('team:saveProfile', { profileName: values.profileName, role: values.role })
      queryClient.setQueryData(['team:profile'], saved)
      announce(t('team.saved'))
    } catch (caught) {
      setError(applyFieldErrors(form, caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<TeamValues>
      form={form}
      name="team-settings"
      layout="vertical"
      initialValues={{ profileName: installation.profileName ?? '', role: installation.role }}
      onFinish={(values) => void save(values)}
      onValuesChange={(changed: object) =>
        form.setFields(
          (Object.keys(changed) as Array<keyof TeamValues>).map((name) => ({ name, errors: [] })),
        )
      }
    >
      <ErrorAlert error={error} />
      <Form.Item label={t('team.profileName')} name="profileName" required extra={t('team.profileNameHelp')}>
        <Input maxLength={40} autoComplete="name" />
      </Form.Item>
      <Form.Item label={t('team.role')} name="role" extra={t('team.roleHelp')}>
        <Radio.Group>
          {teamRoles.map((role) => (
            <Radio key={role} value={role} style={{ display: 'flex' }}>
              {t(`team.roles.${role}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <dl className="aa-facts">
        <div className="aa-wide">
          <dt>{t('team.deviceId')}</dt>
          <dd>
            <code>{installation.deviceId}</code>
            <div style={{ color: 'rgba(0,0,0,0.65)' }}>{t('team.deviceIdHelp')}</div>
          </dd>
        </div>
      </dl>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('team.save')}
      </Button>
    </Form>
  )
}
