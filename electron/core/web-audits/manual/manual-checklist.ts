import type { ManualChecklistItem } from '../../../../shared/domain/audits'
import { manualChecks } from '../../../../shared/web/manual-checks'
import type { Db } from '../../db/open-database'
import { getPortal } from '../../registry/portals-service'

/** A portal's guided manual checks with its saved answers (NOT_FOUND for an unknown portal). */
export function manualChecklist(db: Db, portalId: number): ManualChecklistItem[] {
  getPortal(db, portalId)
  const answers = new Map(
    (
      db
        .prepare('SELECT check_id, status, note, updated_at FROM manual_check_answers WHERE portal_id = ?')
        .all(portalId) as Array<{
        check_id: string
        status: ManualChecklistItem['status']
        note: string | null
        updated_at: string
      }>
    ).map((a) => [a.check_id, a]),
  )
  return manualChecks.map((check) => {
    const answer = answers.get(check.id)
    return {
      checkId: check.id,
      criterion: check.criterion ?? '',
      title: check.titleZh,
      prompt: check.promptZh,
      refs: { wcag: check.refs.wcag, gbt37668: check.refs.gbt37668, ageing: check.refs.ageing },
      status: answer?.status ?? null,
      note: answer?.note ?? null,
      updatedAt: answer?.updated_at ?? null,
    }
  })
}
