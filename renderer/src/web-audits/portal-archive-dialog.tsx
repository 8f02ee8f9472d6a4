import { useId } from 'react'
import { Modal } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Portal } from '../../../shared/domain/portals'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'

/**
 * Confirms 归档 or 恢复 of a portal. A modal rather than a Popconfirm: it takes the focus, traps Tab and closes on
 * Escape, so a keyboard or screen-reader user lands on the question instead of behind it.
 */
export function PortalArchiveDialog(props: {
  portal: Portal
  onClose: () => void
  onDone: (portal: Portal) => void
}) {
  const { portal, onClose, onDone } = props
  const { t } = useTranslation()
  const api = useApi()
  const okId = useId()
  const archiving = !portal.archived
  const change = useMutation({
    mutationFn: () => api.call('portals:setArchived', { id: portal.id, archived: archiving }),
    onSuccess: onDone,
  })

  return (
    <Modal
      open
      title={t(archiving ? 'webAudits.portal.archiveTitle' : 'webAudits.portal.restoreTitle')}
      okText={t(archiving ? 'common.archive' : 'common.restore')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: okId }}
      confirmLoading={change.isPending}
      onOk={() => change.mutate()}
      onCancel={onClose}
      destroyOnHidden
      // The dialog focuses its close button once open; the question's answer is the button to start on.
      afterOpenChange={(open) => {
        if (open) document.getElementById(okId)?.focus()
      }}
    >
      <p>
        {t(archiving ? 'webAudits.portal.archiveBody' : 'webAudits.portal.restoreBody', {
          name: portal.name,
        })}
      </p>
      <ErrorAlert error={change.error} />
    </Modal>
  )
}
