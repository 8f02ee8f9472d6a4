import { Descriptions, Radio, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { NoticeSettings } from '../rectification/notice-settings'
import { fontSizes, type FontSizeKey } from '../settings/display-settings'
import { PlanSettings } from '../settings/plan-settings'
import { FarmSettingsSection } from '../settings/farm-settings'
import { TeamSettings } from '../settings/team-settings'

export function SettingsPage({
  fontSize,
  onFontSize,
}: {
  fontSize: FontSizeKey
  onFontSize: (k: FontSizeKey) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const info = useQuery({ queryKey: ['app:info'], queryFn: () => api.call('app:info', {}) })
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <section aria-labelledby="settings-display">
        <Typography.Title level={2} id="settings-display" style={{ fontSize: '1.25em' }}>
          {t('settings.display')}
        </Typography.Title>
        <div role="radiogroup" aria-labelledby="font-size-label" aria-describedby="font-size-help">
          <p id="font-size-label" style={{ fontWeight: 600, marginBottom: 4 }}>
            {t('settings.fontSize')}
          </p>
          <p id="font-size-help">{t('settings.fontSizeHelp')}</p>
          <Radio.Group value={fontSize} onChange={(e) => onFontSize(e.target.value as FontSizeKey)}>
            {(Object.keys(fontSizes) as FontSizeKey[]).map((key) => (
              <Radio key={key} value={key}>
                {t(`settings.fontSizes.${key}`)}
              </Radio>
            ))}
          </Radio.Group>
        </div>
      </section>
      <TeamSettings />
      <NoticeSettings />
      <PlanSettings />
      <FarmSettingsSection />
      <section aria-labelledby="settings-about" style={{ marginTop: 32 }}>
        <Typography.Title level={2} id="settings-about" style={{ fontSize: '1.25em' }}>
          {t('settings.about')}
        </Typography.Title>
        <ErrorAlert error={info.error} />
        {info.data && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('settings.version')}>{info.data.version}</Descriptions.Item>
            <Descriptions.Item label={t('settings.schemaVersion')}>
              {info.data.schemaVersion}
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.dataDir')}>{info.data.dataDir}</Descriptions.Item>
            <Descriptions.Item label={t('settings.door')}>
              {t(`settings.doors.${info.data.door}`)}
            </Descriptions.Item>
          </Descriptions>
        )}
      </section>
    </>
  )
}
