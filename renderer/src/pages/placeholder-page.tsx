import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../components/page-heading'

/** A job that is not built yet says so plainly instead of showing an empty screen. */
export function PlaceholderPage({ titleKey, bodyKey }: { titleKey: string; bodyKey: string }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading>{t(titleKey)}</PageHeading>
      <Alert type="info" showIcon title={t('placeholder.notYet')} description={t(bodyKey)} />
    </>
  )
}
