import { useTranslation } from 'react-i18next'
import type { Portal } from '../../../shared/domain/portals'
import { useApi } from '../api/api-context'
import { ArchiveDialog } from '../components/archive-dialog'

/** Confirms 归档 or 恢复 of a portal (the shared archive dialog). */
export function PortalArchiveDialog(props: {
  portal: Portal
  onClose: () => void
  onDone: (portal: Portal) => void
}) {
  const { portal } = props
  const { t } = useTranslation()
  const api = useApi()
  const archiving = !portal.archived
  return (
    <ArchiveDialog
      archiving={archiving}
      title={t(archiving ? 'webAudits.portal.archiveTitle' : 'webAudits.portal.restoreTitle')}
      body={t(archiving ? 'webAudits.portal.archiveBody' : 'webAudits.portal.restoreBody', {
        name: portal.name,
      })}
      save={() => api.call('portals:setArchived', { id: portal.id, archived: archiving })}
      onClose={props.onClose}
      onDone={props.onDone}
    />
  )
}
