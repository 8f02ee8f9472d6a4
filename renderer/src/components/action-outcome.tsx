import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { Button } from 'antd'
import { useAnnounce } from './announcer'

export interface Outcome {
  text: string
  /** A one-step undo (e.g. restore what was just archived), offered beside the text. */
  undo?: { label: string; run: () => void }
}

/**
 * What an action did, where the user continues: the outcome line takes the focus once the page has reloaded after
 * the action (the closing dialog hands focus back first, and rows or buttons the action changed may be gone), and
 * the text is announced. An undo, when the action has one, is the next stop in the tab order.
 */
export function useActionOutcome(
  refreshing: boolean,
  testId = 'action-outcome',
): {
  /** `focus: false` for an outcome nobody asked for just now (e.g. what opening a page did). */
  show: (outcome: Outcome, options?: { focus?: boolean }) => void
  clear: () => void
  element: ReactNode
} {
  const announce = useAnnounce()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  const pending = useRef(false)
  const [shown, setShown] = useState(0)
  useEffect(() => {
    if (!pending.current || refreshing) return
    pending.current = false
    ref.current?.focus()
  }, [refreshing, shown])
  const show = useCallback(
    (next: Outcome, options?: { focus?: boolean }) => {
      setOutcome(next)
      pending.current = options?.focus ?? true
      setShown((n) => n + 1)
      announce(next.text)
    },
    [announce],
  )
  const clear = useCallback(() => setOutcome(null), [])
  const element = outcome && (
    <div className="aa-outcome" data-testid={testId} ref={ref} tabIndex={-1}>
      <span>{outcome.text}</span>
      {outcome.undo && (
        <Button size="small" onClick={outcome.undo.run}>
          {outcome.undo.label}
        </Button>
      )}
    </div>
  )
  return { show, clear, element }
}
