import { useCallback, useEffect, useRef, useState } from 'react'
import { findCheck } from '../../../shared/catalog/index'
import type { Inspection } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { isConflict, type MutationQueue } from './mutation-queue'
import { checkKey, parseCheckKey, sameAsSaved, savePayload, type CheckDraft } from './draft-values'
import { clearPending, dropPending, putPending, readPending, type PendingDrafts } from './pending-store'

export const AUTOSAVE_DELAY_MS = 500

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed'

export interface Autosave {
  drafts: Record<string, CheckDraft>
  edit(elementId: number, checkId: string, draft: CheckDraft): void
  /** Sends everything waiting for the debounce now; resolves when the queue is idle. */
  flushNow(): Promise<void>
  /** Re-applies the edits kept in localStorage (on open and after a reload); returns how many. */
  restore(inspection: Inspection): number
  state: SaveState
  error: unknown
}

/** Pending drafts that still belong to a check of the inspection and differ from what the server holds. */
function applicable(inspection: Inspection, pending: PendingDrafts): PendingDrafts {
  const out: PendingDrafts = {}
  for (const [key, draft] of Object.entries(pending)) {
    const { elementId, checkId } = parseCheckKey(key)
    const element = inspection.elements.find((e) => e.id === elementId)
    const check = findCheck(checkId, inspection.catalogId)
    if (!element || !check) {
      dropPending(inspection.id, key)
      continue
    }
    const payload = savePayload(inspection.catalogId, check, draft, element.checks[checkId])
    if (payload && payload.complete && sameAsSaved(payload, element.checks[checkId])) {
      dropPending(inspection.id, key)
      continue
    }
    out[key] = draft
  }
  return out
}

/**
 * Autosave for the checks of a draft inspection: edits are debounced, written to localStorage at once, and sent
 * through the inspection's queue (inputs evaluateCheck refuses are never sent; see savePayload).
 */
export function useAutosave(inspectionId: number, queue: MutationQueue): Autosave {
  const api = useApi()
  const { run, idle } = queue
  const [drafts, setDrafts] = useState<Record<string, CheckDraft>>({})
  const draftsRef = useRef(drafts)
  const revisions = useRef(new Map<string, number>())
  const dirty = useRef(new Set<string>())
  const timer = useRef<number | undefined>(undefined)
  const [waiting, setWaiting] = useState(false)
  const [saving, setSaving] = useState(0)
  const [error, setError] = useState<unknown>(null)

  const saveOne = useCallback(
    (key: string) => {
      const draft = draftsRef.current[key]
      if (!draft) return Promise.resolve()
      const revision = revisions.current.get(key) ?? 0
      const { elementId, checkId } = parseCheckKey(key)
      let complete = false
      setSaving((n) => n + 1)
      return run(async (baseVersion, current) => {
        const element = current.elements.find((e) => e.id === elementId)
        const check = findCheck(checkId, current.catalogId)
        if (!element || !check || current.status !== 'draft') return null
        const saved = element.checks[checkId]
        const payload = savePayload(current.catalogId, check, draft, saved)
        if (!payload) return null
        complete = payload.complete
        if (sameAsSaved(payload, saved)) return null
        const { inputs, note, confirmedFinding } = payload
        return api.call('inspections:saveCheck', {
          elementId,
          baseVersion,
          checkId,
          inputs,
          note,
          confirmedFinding,
        })
      })
        .then(
          () => {
            if (complete && revisions.current.get(key) === revision) dropPending(inspectionId, key)
            setError(null)
          },
          (caught: unknown) => {
            // Keep it dirty so the next edit or a retry sends it again (the draft is safe in localStorage).
            dirty.current.add(key)
            if (!isConflict(caught)) setError(caught)
          },
        )
        .finally(() => setSaving((n) => n - 1))
    },
    [api, inspectionId, run],
  )

  const flushNow = useCallback(async () => {
    window.clearTimeout(timer.current)
    setWaiting(false)
    const keys = [...dirty.current]
    dirty.current.clear()
    await Promise.all(keys.map(saveOne))
    await idle()
  }, [idle, saveOne])

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current)
    setWaiting(true)
    timer.current = window.setTimeout(() => void flushNow(), AUTOSAVE_DELAY_MS)
  }, [flushNow])

  const edit = useCallback(
    (elementId: number, checkId: string, draft: CheckDraft) => {
      const key = checkKey(elementId, checkId)
      draftsRef.current = { ...draftsRef.current, [key]: draft }
      setDrafts(draftsRef.current)
      revisions.current.set(key, (revisions.current.get(key) ?? 0) + 1)
      putPending(inspectionId, key, draft)
      dirty.current.add(key)
      schedule()
    },
    [inspectionId, schedule],
  )

  const restore = useCallback(
    (inspection: Inspection) => {
      // A submitted inspection is read-only: edits left for it can never be applied.
      if (inspection.status !== 'draft') clearPending(inspection.id)
      const pending = applicable(inspection, readPending(inspection.id))
      draftsRef.current = pending
      setDrafts(pending)
      const keys = Object.keys(pending)
      for (const key of keys) dirty.current.add(key)
      if (keys.length) void flushNow()
      return keys.length
    },
    [flushNow],
  )

  // Leaving the page sends what is waiting (the queue outlives the component).
  const flushRef = useRef(flushNow)
  useEffect(() => {
    flushRef.current = flushNow
  }, [flushNow])
  useEffect(() => {
    const waitingKeys = dirty.current
    return () => {
      if (waitingKeys.size) void flushRef.current()
    }
  }, [])

  const state: SaveState = saving > 0 ? 'saving' : error ? 'failed' : waiting ? 'pending' : 'saved'
  return { drafts, edit, flushNow, restore, state, error }
}
