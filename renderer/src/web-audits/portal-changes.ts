import type { Portal } from '../../../shared/domain/portals'

/** One thing another person changed in a portal while this user had it open in the edit dialog. */
export type PortalChange =
  | { kind: 'name'; to: string }
  | { kind: 'startUrl'; to: string }
  | { kind: 'unit'; to: string | null }
  | { kind: 'limits'; maxPages: number; maxDepth: number }
  | { kind: 'patterns' }
  | { kind: 'archived'; archived: boolean }

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i])

/**
 * What differs between the portal the dialog was opened with and the one now stored, in the dialog's field order.
 * A CONFLICT message lists these, so the user can decide whether saving their own values over them is right.
 */
export function portalChanges(opened: Portal, latest: Portal): PortalChange[] {
  const changes: PortalChange[] = []
  if (latest.name !== opened.name) changes.push({ kind: 'name', to: latest.name })
  if (latest.startUrl !== opened.startUrl) changes.push({ kind: 'startUrl', to: latest.startUrl })
  if (latest.unitId !== opened.unitId) changes.push({ kind: 'unit', to: latest.unitName })
  if (latest.maxPages !== opened.maxPages || latest.maxDepth !== opened.maxDepth) {
    changes.push({ kind: 'limits', maxPages: latest.maxPages, maxDepth: latest.maxDepth })
  }
  if (!sameList(latest.include, opened.include) || !sameList(latest.exclude, opened.exclude)) {
    changes.push({ kind: 'patterns' })
  }
  if (latest.archived !== opened.archived) changes.push({ kind: 'archived', archived: latest.archived })
  return changes
}
