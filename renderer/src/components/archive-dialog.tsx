import { useId } from 'react'
import { Modal } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from './error-alert'

/**
 * Confirms 归档 or 恢复 of a record (unit, place, portal). A modal rather than a Popconfirm: it takes the focus,
 * traps Tab and closes on Escape, so a keyboard or screen-reader user lands on the question instead of behind it;
 * the focus starts on the answer (the archive or restore button). Other confirmations of one reversible step
 * (e.g. 清除 the team key) pass their own `okText`.
 */
export function ArchiveDialog<T>(props: {
  archiving: boolean
  title: string
  body: string
  /** The answer's words when it is neither 归档 nor 恢复. */
  okText?: string
  save: () => Promise<T>
  onClose: () => void
  onDone: (saved: T) => void
}) {
  const { t } = useTranslation()
  const okId = useId()
  const change = useMutation({ mutationFn: props.save, onSuccess: props.onDone })
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? t(props.archiving ? 'common.archive' : 'common.restore')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: okId }}
      confirmLoading={change.isPending}
      onOk={() => change.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
      // The dialog focuses its close button once open; the question's answer is the button to start on.
      afterOpenChange={(open) => {
        if (open) document.getElementById(okId)?.focus()
      }}
    >
      <p>{props.body}</p>
      <ErrorAlert error={change.error} />
    </Modal>
  )
}
