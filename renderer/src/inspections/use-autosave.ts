import { useCallback, useEffect, useRef, useState } from 'react'
import { findCheck } from '../../../shared/catalog/index'
import type { InputOf } from '../../../shared/api/contract'
import type { Inspection } from '../../../shared/domain/inspections'
import { sharedInputIds } from '../../../shared/domain/inspection-measurements'
import { useApi } from '../api/api-context'
import { isConflict, type MutationQueue } from './mutation-queue'
import {
  checkKey,
  parseCheckKey,
  sameAsSaved,
  sameSharedAsSaved,
  savePayload,
  sharedPayload,
  type CheckDraft,
} from './draft-values'
import { clearPending, dropPending, putPending, readPending, type PendingDrafts } from './pending-store'
import { SHARED, sharedFieldsCheck } from './shared-fields'

export const AUTOSAVE_DELAY_MS = 500

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed'

export interface Autosave {
  drafts: Record<string, CheckDraft>
  edit(elementId: number, checkId: string, draft: CheckDraft): void
  /** Sends everything waiting for the debounce now; resolves when the queue is idle. */
  flushNow(): Promise<void>
  /** Re-applies the edits kept in localStorage (on open and after a reload); returns how many. */
  restore(inspection: Inspection): number
  /** Forgets the local drafts of these keys (the server's values changed by another action, e.g. 沿用上次). */
  forget(keys: string[]): void
  state: SaveState
  error: unknown
}

type SaveRequest =
  | { op: 'inspections:saveCheck'; input: InputOf<'inspections:saveCheck'> }
  | { op: 'inspections:saveMeasurements'; input: InputOf<'inspections:saveMeasurements'> }

/**
 * What autosave sends for one draft key against what the server holds: the request, or null when there is nothing
 * to send; `complete` is false when some typed values were invalid and were not sent.
 */
function saveRequest(
  inspection: Inspection,
  key: string,
  draft: CheckDraft,
  baseVersion: number,
): { request: SaveRequest | null; complete: boolean } | undefined {
  const { elementId, checkId } = parseCheckKey(key)
  const element = inspection.elements.find((e) => e.id === elementId)
  if (!element) return undefined
  const catalogId = inspection.catalogId
  if (checkId === SHARED) {
    const check = sharedFieldsCheck(catalogId, element.category)
    if (!check) return undefined
    const payload = sharedPayload(catalogId, check, draft, element.measurements)
    if (!payload) return { request: null, complete: false }
    const same = sameSharedAsSaved(payload, element.measurements, element.carriedMeasurements)
    const input = { elementId, baseVersion, values: payload.values, carried: payload.carried }
    return {
      request: same ? null : { op: 'inspections:saveMeasurements', input },
      complete: payload.complete,
    }
  }
  const check = findCheck(checkId, catalogId)
  if (!check) return undefined
  const shared = sharedInputIds(catalogId, element.category)
  const saved = element.checks[checkId]
  const payload = savePayload(catalogId, check, draft, saved, shared)
  if (!payload) return { request: null, complete: false }
  if (sameAsSaved(payload, saved, shared)) return { request: null, complete: payload.complete }
  const { inputs, note, confirmedFinding, carried } = payload
  return {
    request: {
      op: 'inspections:saveCheck',
      input: { elementId, baseVersion, checkId, inputs, note, confirmedFinding, carried },
    },
    complete: payload.complete,
  }
}

/** Pending drafts that still belong to a check of the inspection and differ from what the server holds. */
function applicable(inspection: Inspection, pending: PendingDrafts): PendingDrafts {
  const out: PendingDrafts = {}
  for (const [key, draft] of Object.entries(pending)) {
    const request = saveRequest(inspection, key, draft, inspection.version)
    if (!request || (request.complete && request.request === null)) {
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
      let complete = false
      setSaving((n) => n + 1)
      return run(async (baseVersion, current) => {
        if (current.status !== 'draft') return null
        const planned = saveRequest(current, key, draft, baseVersion)
        if (!planned) return null
        complete = planned.complete
        const request = planned.request
        if (!request) return null
        return request.op === 'inspections:saveCheck'
          ? api.call(request.op, request.input)
          : api.call(request.op, request.input)
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

  const forget = useCallback(
    (keys: string[]) => {
      const next = { ...draftsRef.current }
      for (const key of keys) {
        delete next[key]
        dirty.current.delete(key)
        dropPending(inspectionId, key)
      }
      draftsRef.current = next
      setDrafts(next)
    },
    [inspectionId],
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
  return { drafts, edit, flushNow, restore, forget, state, error }
}
