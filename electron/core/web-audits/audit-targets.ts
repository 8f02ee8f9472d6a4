import { ApiError } from '../../../shared/api/errors'
import { parseOrThrow } from '../../../shared/api/validate'
import { portalCreateSchema, portalFieldLabels, type Portal } from '../../../shared/domain/portals'
import { normalizeUrl, parseUrlList, type UrlListError } from '../../../shared/web/url-normalize'
import type { CoreContext } from '../context'
import { inTransaction } from '../db/transaction'
import { createPortal, findPortalByStartUrl, findUnitIdByName } from '../registry/portals-service'
import { getUnit } from '../registry/units-service'

/**
 * What a command-line audit audits, decided by the same rules as the app: a URL that is a registered portal is
 * that portal, with its saved settings (an archived one is refused with the app's message); a new URL whose list
 * line names a known responsible unit is registered with that unit (and said so); any other URL is audited
 * without registering a portal — its results go to the report, not to 整改跟踪, because an item without a
 * responsible unit cannot be notified to anyone.
 */

export type AuditTarget = { kind: 'portal'; portal: Portal } | { kind: 'url'; url: string; name?: string }

export interface PreparedTargets {
  targets: AuditTarget[]
  /** Malformed lines of a list, by line number (skipped). */
  problems: UrlListError[]
  /** zh-CN lines the user should read before the run: registrations, URLs not registered, units not taken. */
  notes: string[]
}

export type TargetSource = { url: string } | { list: string; label?: string }

export function targetUrl(target: AuditTarget): string {
  return target.kind === 'portal' ? target.portal.startUrl : target.url
}

/** Archived portals keep their history only: auditing one again starts with restoring it (every door says so). */
export function assertAuditable(portal: Pick<Portal, 'name' | 'archived'>): void {
  if (portal.archived) {
    throw new ApiError(
      'INVALID_STATE',
      `网站“${portal.name}”已归档，不能检测；如需检测，请先在该网站页面点“恢复”`,
    )
  }
}

interface Entry {
  url: string
  name?: string
  unit?: string
}

function entriesOf(source: TargetSource): { entries: Entry[]; problems: UrlListError[] } {
  if ('url' in source) {
    const url = normalizeUrl(source.url, undefined, { assumeScheme: 'http' })
    if (!url.ok) {
      throw new ApiError(
        'VALIDATION',
        url.error.code === 'UNSUPPORTED_SCHEME'
          ? `${url.error.message}（${source.url}）`
          : `“${source.url}”不是有效网址，应以 http:// 或 https:// 开头`,
      )
    }
    return { entries: [{ url: url.url }], problems: [] }
  }
  const list = parseUrlList(source.list)
  if (list.entries.length === 0) {
    // Every line's reason goes with the refusal, so a list that is all wrong says what is wrong with each line.
    throw new ApiError(
      'VALIDATION',
      `${source.label ?? '网址清单'}中没有可检测的网址`,
      list.errors.map((e) => ({ path: `line:${e.line}`, message: e.message })),
    )
  }
  return { entries: list.entries, problems: list.errors }
}

function unitName(ctx: CoreContext, unitId: number | null): string {
  return unitId === null ? '未指定' : getUnit(ctx.db, unitId).name
}

/** Reads the targets (a URL or a list's text), checks them all, then registers the new portals that name a unit. */
export function prepareTargets(ctx: CoreContext, source: TargetSource): PreparedTargets {
  const { entries, problems } = entriesOf(source)
  const notes: string[] = []
  const planned = entries.map((entry) => {
    const portal = findPortalByStartUrl(ctx.db, entry.url)
    if (portal) assertAuditable(portal)
    return { entry, portal, unitId: entry.unit ? findUnitIdByName(ctx.db, entry.unit) : null }
  })
  const targets = inTransaction(ctx.db, () =>
    planned.map(({ entry, portal, unitId }): AuditTarget => {
      if (portal) {
        if (entry.unit && unitId !== portal.unitId) {
          notes.push(
            `网站“${portal.name}”已登记，责任单位为“${unitName(ctx, portal.unitId)}”；清单中的“${entry.unit}”未采用（如需更改，请在应用中编辑该网站）`,
          )
        }
        return { kind: 'portal', portal }
      }
      if (unitId !== null) {
        const input = { name: entry.name ?? new URL(entry.url).host, startUrl: entry.url, unitId }
        const created = createPortal(ctx, parseOrThrow(portalCreateSchema, input, portalFieldLabels))
        notes.push(
          `已登记网站“${created.name}”（${created.startUrl}），责任单位：${unitName(ctx, unitId)}；检测范围等设置可在应用的网站页面修改`,
        )
        return { kind: 'portal', portal: created }
      }
      notes.push(
        entry.unit
          ? `未找到责任单位“${entry.unit}”：${entry.url} 本次只检测、不登记为网站，结果只写入报告，不进入整改跟踪`
          : `${entry.url} 尚未登记为网站：本次只检测，结果只写入报告，不进入整改跟踪（如需跟踪整改，请在应用中登记该网站并指定责任单位，或在清单第三列写明责任单位）`,
      )
      return { kind: 'url', url: entry.url, ...(entry.name ? { name: entry.name } : {}) }
    }),
  )
  return { targets, problems, notes }
}
