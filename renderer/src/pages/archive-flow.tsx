import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useActionOutcome } from '../components/action-outcome'
import { ArchiveDialog } from '../components/archive-dialog'
import { ErrorAlert } from '../components/error-alert'

interface Archivable {
  id: number
  name: string
  archived: boolean
}

/**
 * 归档 / 恢复 of a registry record (unit, place) with a keyboard-usable confirmation and an undo: archiving asks
 * first (the row leaves the list), restoring does not; either way the outcome line takes the focus with a 撤销
 * button that sets the record back. Saves from the page's forms report through the same outcome line.
 */
export function useArchiveFlow<T extends Archivable>(options: {
  /** i18n block with archiveTitle, archiveBody, restoreTitle, restoreBody, archivedDone, restoredDone. */
  keys: 'units' | 'places'
  setArchived: (record: T, archived: boolean) => Promise<T>
  /** The list is reloading (the outcome takes the focus once it is done). */
  refreshing: boolean
  onChanged: () => void
}): { request: (record: T) => void; saved: (text: string) => void; dialog: ReactNode; outcome: ReactNode } {
  const { t } = useTranslation()
  const { keys } = options
  const [confirming, setConfirming] = useState<T | null>(null)
  const outcome = useActionOutcome(options.refreshing)
  const [failed, setFailed] = useState<unknown>(null)

  const report = (record: T) => {
    options.onChanged()
    outcome.show({
      text: t(record.archived ? `${keys}.archivedDone` : `${keys}.restoredDone`, { name: record.name }),
      undo: {
        label: t('common.undo'),
        run: () =>
          void options
            .setArchived(record, !record.archived)
            .then(report)
            .catch((error: unknown) => setFailed(error)),
      },
    })
  }

  const request = (record: T) => {
    setFailed(null)
    if (!record.archived) return setConfirming(record)
    options
      .setArchived(record, false)
      .then(report)
      .catch((error: unknown) => setFailed(error))
  }

  const dialog = confirming && (
    <ArchiveDialog
      archiving
      title={t(`${keys}.archiveTitle`)}
      body={t(`${keys}.archiveBody`, { name: confirming.name })}
      save={() => options.setArchived(confirming, true)}
      onClose={() => setConfirming(null)}
      onDone={(record) => {
        setConfirming(null)
        report(record)
      }}
    />
  )
  return {
    request,
    saved: (text) => {
      options.onChanged()
      outcome.show({ text })
    },
    dialog,
    outcome: (
      <>
        <ErrorAlert error={failed} />
        {outcome.element}
      </>
    ),
  }
}
