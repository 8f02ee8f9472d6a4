import { useRef, useState } from 'react'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Inspection } from '../../../shared/domain/inspections'
import { useAnnounce } from '../components/announcer'
import { HeaderEditDialog, type HeaderSaved } from './header-edit-dialog'
import type { MutationQueue } from './mutation-queue'

/**
 * The 修改基本信息 button under the header, offered while the inspection is a draft: the server refuses any change
 * to a submitted one (a correction is a new revision, see the read-only note). After the dialog closes, focus
 * returns to the button, or to the page heading when the inspection was submitted meanwhile.
 */
export function HeaderEdit(props: {
  inspection: Inspection
  previousDate: string | null
  queue: MutationQueue
  onReload: () => Promise<void>
}) {
  const { inspection } = props
  const { t } = useTranslation()
  const announce = useAnnounce()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)

  const close = () => {
    setOpen(false)
    // After the dialog's own focus handling, which runs as it unmounts.
    window.setTimeout(() => {
      const target = button.current ?? document.querySelector<HTMLElement>('h1 .aa-heading-target')
      target?.focus()
    }, 0)
  }
  const saved = ({ inspection: next, changed }: HeaderSaved) => {
    announce(
      changed
        ? t('inspections.headerEdit.saved', { date: next.inspectedOn, inspectors: next.inspectors })
        : t('inspections.headerEdit.unchanged'),
    )
    close()
  }

  const draft = inspection.status === 'draft'
  if (!draft && !open) return null
  return (
    <div className="aa-header-edit">
      {draft && (
        <Button ref={button} onClick={() => setOpen(true)}>
          {t('inspections.headerEdit.button')}
        </Button>
      )}
      {open && (
        <HeaderEditDialog
          inspection={inspection}
          previousDate={props.previousDate}
          queue={props.queue}
          onReload={props.onReload}
          onSaved={saved}
          onClose={close}
        />
      )}
    </div>
  )
}
