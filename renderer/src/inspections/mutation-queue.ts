import { useCallback, useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { Inspection } from '../../../shared/domain/inspections'
import { ApiCallError } from '../api/client'
import { i18next } from '../i18n/index'

export function inspectionKey(id: number) {
  return ['inspections:get', id] as const
}

/** A queued change: gets the version to base on and the latest inspection; null means "nothing to send". */
export type QueuedTask = (baseVersion: number, current: Inspection) => Promise<Inspection | null>

export interface MutationQueue {
  run(task: QueuedTask): Promise<Inspection | null>
  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void>
  busy: boolean
  conflict: boolean
  /** After a reload: accept changes again. */
  resume(): void
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'CONFLICT'
}

/**
 * Every change to an inspection goes through one queue: one request at a time, each naming the version the last
 * answer returned. A CONFLICT (another window saved first) stops the queue until the user reloads.
 */
export function useMutationQueue(id: number, version: number | undefined): MutationQueue {
  const queryClient = useQueryClient()
  const versionRef = useRef(0)
  const chain = useRef<Promise<unknown>>(Promise.resolve())
  const conflictRef = useRef(false)
  const [conflict, setConflict] = useState(false)
  const [inFlight, setInFlight] = useState(0)

  useEffect(() => {
    // Versions only grow; a refetch after a conflict brings the newer one.
    if (version !== undefined) versionRef.current = Math.max(versionRef.current, version)
  }, [version])

  const run = useCallback(
    (task: QueuedTask) => {
      setInFlight((n) => n + 1)
      const result = chain.current.then(async () => {
        if (conflictRef.current)
          throw new ApiCallError('CONFLICT', i18next.t('inspections.save.conflictTitle'))
        const current = queryClient.getQueryData<Inspection>(inspectionKey(id))
        if (!current) return null
        const next = await task(Math.max(versionRef.current, current.version), current)
        if (next) {
          versionRef.current = next.version
          queryClient.setQueryData(inspectionKey(id), next)
        }
        return next
      })
      chain.current = result.catch(() => undefined)
      return result
        .catch((error: unknown) => {
          if (isConflict(error)) {
            conflictRef.current = true
            setConflict(true)
          }
          throw error
        })
        .finally(() => setInFlight((n) => n - 1))
    },
    [id, queryClient],
  )

  const idle = useCallback(() => chain.current.then(() => undefined), [])

  const resume = useCallback(() => {
    conflictRef.current = false
    versionRef.current = 0
    setConflict(false)
  }, [])

  return { run, idle, busy: inFlight > 0, conflict, resume }
}
