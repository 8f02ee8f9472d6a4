import type { CheckDraft } from './draft-values'

/**
 * Edits not yet confirmed by the server, kept in localStorage per inspection so that a crash, a closed window or a
 * conflict loses nothing. Written on every edit, cleared check by check once the server has the values.
 */
export type PendingDrafts = Record<string, CheckDraft>

const prefix = 'access-audit:inspection-pending:'

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function isDraft(value: unknown): value is CheckDraft {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<CheckDraft>
  return (
    typeof v.fields === 'object' &&
    v.fields !== null &&
    typeof v.note === 'string' &&
    typeof v.confirmedFinding === 'boolean'
  )
}

export function readPending(inspectionId: number): PendingDrafts {
  const raw = storage()?.getItem(prefix + inspectionId)
  if (!raw) return {}
  try {
    const parsed = JSON.parse(raw) as unknown
    if (typeof parsed !== 'object' || parsed === null) return {}
    const out: PendingDrafts = {}
    for (const [key, value] of Object.entries(parsed)) if (isDraft(value)) out[key] = value
    return out
  } catch {
    return {}
  }
}

export function writePending(inspectionId: number, drafts: PendingDrafts): void {
  const store = storage()
  if (!store) return
  try {
    if (Object.keys(drafts).length === 0) store.removeItem(prefix + inspectionId)
    else store.setItem(prefix + inspectionId, JSON.stringify(drafts))
  } catch {
    // Storage full or disabled: the server copy is still saved by autosave; nothing more can be done here.
  }
}

export function putPending(inspectionId: number, key: string, draft: CheckDraft): void {
  writePending(inspectionId, { ...readPending(inspectionId), [key]: draft })
}

export function dropPending(inspectionId: number, key: string): void {
  const all = readPending(inspectionId)
  if (!(key in all)) return
  delete all[key]
  writePending(inspectionId, all)
}

export function clearPending(inspectionId: number): void {
  writePending(inspectionId, {})
}
