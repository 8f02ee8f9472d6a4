import { ApiError } from '../../../../shared/api/errors'
import type { ParsedInputOf } from '../../../../shared/api/contract'
import type { ManualChecklistItem } from '../../../../shared/domain/audits'
import { manualAnswerNeedsNote, manualChecks } from '../../../../shared/web/manual-checks'
import type { CoreContext } from '../../context'
import { inTransaction } from '../../db/transaction'
import { manualMatchKey } from '../../findings/match-keys'
import { getPortal } from '../../registry/portals-service'
import { manualChecklist } from './manual-checklist'

/**
 * Records an inspector's answer to a guided manual check. A "fail" becomes a web finding like any other (same
 * table, same match key on every later answer); changing the answer to pass / not applicable withdraws it.
 * A fail needs a note: it is what the responsible unit reads in the rectification notice. `afterFindings` runs
 * once the answer is saved (the composition root turns a fail into a rectification item, a later pass into a
 * verification proposal).
 */
export function answerManualCheck(
  ctx: CoreContext,
  input: ParsedInputOf<'audits:answerManual'>,
  afterFindings: () => void = () => undefined,
): ManualChecklistItem[] {
  const check = manualChecks.find((c) => c.id === input.checkId)
  if (!check)
    throw new ApiError('VALIDATION', `未知的人工检查项：${input.checkId}`, [
      { path: 'checkId', message: '人工检查项：不存在' },
    ])
  // Checked here, not only in the screen: the CLI and the HTTP door reach this handler too.
  if (manualAnswerNeedsNote(input.status, input.note)) {
    const message = '选择“不通过”时必须填写备注，写明在哪个页面发现了什么问题'
    throw new ApiError('VALIDATION', message, [{ path: 'note', message: `备注：${message}` }])
  }
  const now = ctx.now().toISOString()
  inTransaction(ctx.db, () => {
    const portal = getPortal(ctx.db, input.portalId) // NOT_FOUND when there is none
    ctx.db
      .prepare(
        `INSERT INTO manual_check_answers (portal_id, run_id, check_id, status, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (portal_id, check_id) DO UPDATE SET run_id = excluded.run_id, status = excluded.status,
           note = excluded.note, updated_at = excluded.updated_at`,
      )
      .run(input.portalId, input.runId, input.checkId, input.status, input.note, now)
    const key = manualMatchKey(input.portalId, input.checkId)
    ctx.db.prepare('DELETE FROM findings WHERE match_key = ?').run(key)
    if (input.status === 'fail') {
      const clauses = [
        ...check.refs.wcag.map((c) => ({ code: 'WCAG 2.2', clause: c, mandatory: false })),
        ...check.refs.gbt37668.map((c) => ({ code: 'GB/T 37668-2019', clause: c, mandatory: false })),
      ]
      ctx.db
        .prepare(
          `INSERT INTO findings (source, severity, needs_review, title, detail, clauses_json, evidence_json, unit_id,
             portal_id, audit_run_id, check_id, match_key, created_at)
           VALUES ('web', 'major', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          `人工检查：${check.titleZh}`,
          [check.promptZh, input.note ? `检查记录：${input.note}` : ''].filter(Boolean).join('\n'),
          JSON.stringify(clauses),
          JSON.stringify({ manualCheck: check.id }),
          portal.unitId,
          input.portalId,
          input.runId,
          `manual:${check.id}`,
          key,
          now,
        )
    }
  })
  afterFindings()
  return manualChecklist(ctx.db, input.portalId)
}
