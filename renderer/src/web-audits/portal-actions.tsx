import { useEffect, useRef, useState } from 'react'
import { Button } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Portal } from '../../../shared/domain/portals'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { PortalArchiveDialog } from './portal-archive-dialog'
import { PortalForm } from './portal-form'

type Dialog = { kind: 'closed' } | { kind: 'edit' } | { kind: 'archive' }
type Trigger = 'edit' | 'archive'

/**
 * 编辑 and 归档 / 恢复 on the portal page. Rendered after the page heading: when a save renames the portal the
 * heading takes the focus, and this component's effect, running after the heading's, gives it back to the button.
 */
export function PortalActions({ portal }: { portal: Portal }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [dialog, setDialog] = useState<Dialog>({ kind: 'closed' })
  const editButton = useRef<HTMLButtonElement>(null)
  const archiveButton = useRef<HTMLButtonElement>(null)
  // Focus goes back once the page shows at least this version, so a later render of the new data cannot move it.
  const refocus = useRef<{ trigger: Trigger; version: number } | null>(null)
  const latestSeen = useRef<Portal | null>(null)

  const units = useQuery({
    queryKey: ['units:list', 'all-active'],
    queryFn: () => api.call('units:list', {}),
  })

  useEffect(() => {
    const pending = refocus.current
    if (!pending || portal.version < pending.version) return
    refocus.current = null
    ;(pending.trigger === 'edit' ? editButton : archiveButton).current?.focus()
  })

  /** Closes the dialog; `stored` is a newer portal the dialog has seen (saved, or read after a CONFLICT). */
  const close = (trigger: Trigger, stored: Portal | null) => {
    setDialog({ kind: 'closed' })
    refocus.current = { trigger, version: stored?.version ?? portal.version }
    if (!stored) return
    queryClient.setQueryData(['portals:get', stored.id], stored)
    void queryClient.invalidateQueries({ queryKey: ['portals:list'] })
    void queryClient.invalidateQueries({ queryKey: ['portals:get', stored.id] })
  }
  const changed = (trigger: Trigger, saved: Portal, message: string) => {
    close(trigger, saved)
    announce(message)
  }

  return (
    <div className="aa-toolbar" role="group" aria-label={t('webAudits.portal.actions')}>
      <Button
        ref={editButton}
        onClick={() => {
          latestSeen.current = null
          setDialog({ kind: 'edit' })
        }}
      >
        {t('common.edit')}
      </Button>
      <Button ref={archiveButton} onClick={() => setDialog({ kind: 'archive' })}>
        {portal.archived ? t('common.restore') : t('common.archive')}
      </Button>
      {dialog.kind === 'edit' && (
        <PortalForm
          portal={portal}
          units={units.data ?? []}
          onConflict={(latest) => (latestSeen.current = latest)}
          onClose={() => close('edit', latestSeen.current)}
          onSaved={(saved) => changed('edit', saved, t('webAudits.form.saved', { name: saved.name }))}
        />
      )}
      {dialog.kind === 'archive' && (
        <PortalArchiveDialog
          portal={portal}
          onClose={() => close('archive', null)}
          onDone={(saved) =>
            changed(
              'archive',
              saved,
              t(saved.archived ? 'webAudits.portal.archivedDone' : 'webAudits.portal.restoredDone', {
                name: saved.name,
              }),
            )
          }
        />
      )}
    </div>
  )
}
