import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'

/**
 * A failed operation: role=alert so it is read at once; the text comes from the API's zh-CN message. `title` names
 * what did not happen when the screen knows better than the general 操作未完成.
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation()
  if (!error) return null
  const message = error instanceof Error ? error.message : String(error)
  const details = (error as { details?: unknown }).details
  const lines = Array.isArray(details) ? details.filter((d): d is string => typeof d === 'string') : []
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={title ?? t('common.errorTitle')}
      description={
        lines.length === 0 ? (
          message
        ) : (
          <>
            <p className="aa-alert-summary">{message}</p>
            <ul className="aa-alert-lines" data-testid="refusal-lines">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )
      }
    />
  )
}
