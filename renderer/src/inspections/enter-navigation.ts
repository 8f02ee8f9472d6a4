import type { KeyboardEvent } from 'react'

function focusEntry(entry: HTMLElement) {
  if (entry instanceof HTMLInputElement) {
    entry.focus()
    entry.select()
    return
  }
  // A radio group: its checked radio, else its first (the one Tab would reach).
  const radio =
    entry.querySelector<HTMLInputElement>('input:checked') ?? entry.querySelector<HTMLInputElement>('input')
  radio?.focus()
}

/**
 * Enter moves to the next field of the inspection ([data-aa-entry]: number and note inputs, yes/no groups), so a
 * whole set of measurements can be typed without the mouse. Selects keep Enter for themselves; IME composition
 * (Chinese input) keeps it too.
 */
export function enterMovesToNextField(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.shiftKey || event.ctrlKey) return
  const target = event.target as HTMLElement
  if (target.getAttribute('role') === 'combobox') return
  const entry = target.closest<HTMLElement>('[data-aa-entry]')
  if (!entry) return
  const entries = [...document.querySelectorAll<HTMLElement>('[data-aa-entry]')].filter(
    (el) => !(el as HTMLInputElement).disabled && el.offsetParent !== null,
  )
  const next = entries[entries.indexOf(entry) + 1]
  if (!next) return
  event.preventDefault()
  focusEntry(next)
}
