import { domId } from './format'

/** A field a user can type into at once: a blank number or note input, or a yes/no group left 未填. */
function firstBlank(root: Element): HTMLElement | null {
  for (const entry of root.querySelectorAll<HTMLElement>('[data-aa-entry]')) {
    if (entry instanceof HTMLInputElement) {
      if (entry.value.trim() === '' && !entry.id.endsWith('-note')) return entry
      continue
    }
    const checked = entry.querySelector<HTMLInputElement>('input:checked')
    if (!checked || checked.value === 'unset') return checked ?? entry.querySelector('input')
  }
  return null
}

/**
 * Moves focus to a check (from the pre-submit list): its first blank field, else the blank shared value of its
 * facility, else the check itself (a read-only check, or one whose fields are all filled).
 */
export function focusCheck(row: { elementId: number; checkId: string }): void {
  const check = document.getElementById(domId('c', row.elementId, row.checkId))
  if (!check) return
  const shared = document.querySelector(`[data-shared-for="${row.elementId}"]`)
  const target = firstBlank(check) ?? (shared ? firstBlank(shared) : null) ?? check
  target.scrollIntoView({ block: 'center' })
  target.focus({ preventScroll: true })
}
