import { Alert, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SaveState } from './use-autosave'

const stateKey: Record<SaveState, string> = {
  saved: 'inspections.save.saved',
  pending: 'inspections.save.pending',
  saving: 'inspections.save.saving',
  failed: 'inspections.save.failed',
}

/** 已保存 / 保存中… / 保存失败, in a polite live region; a failure offers a retry and says why. */
export function SaveStatus(props: { state: SaveState; error: unknown; onRetry: () => void }) {
  const { state, error, onRetry } = props
  const { t } = useTranslation()
  return (
    <div className="aa-save-status">
      <span className="aa-label">{t('inspections.save.label')}：</span>
      <span role="status" aria-live="polite" data-testid="save-status" className={`aa-save-${state}`}>
        {t(stateKey[state])}
        {state === 'failed' && error instanceof Error ? `：${error.message}` : ''}
      </span>
      {state === 'failed' && (
        <Button size="small" onClick={onRetry}>
          {t('inspections.save.retry')}
        </Button>
      )}
    </div>
  )
}

/** Another window saved first: autosave stops until the user reloads; unsaved values stay in localStorage. */
export function ConflictAlert(props: { onReload: () => void; onDiscard: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={t('inspections.save.conflictTitle')}
      description={
        <>
          <p>{t('inspections.save.conflictBody')}</p>
          <Space wrap>
            <Button type="primary" onClick={props.onReload}>
              {t('inspections.save.reload')}
            </Button>
            <Button onClick={props.onDiscard}>{t('inspections.save.discard')}</Button>
          </Space>
        </>
      }
    />
  )
}
