import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'

/** A failed operation: role=alert so it is read at once; the text comes from the API's zh-CN message. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  const message = error instanceof Error ? error.message : String(error)
  return <Alert type="error" role="alert" showIcon title={t('common.errorTitle')} description={message} />
}
