/// <reference lib="dom" />
import type { DescribedNode, PageHelpers } from '../page-helpers'

/**
 * Page-side parts of the keyboard walk (self-contained, sent as source). State lives on a window property for the
 * duration of the walk: element ids, each candidate's unfocused style snapshot, the start marker.
 */

export interface KeyboardSetup {
  candidates: string[]
  mouseOnly: DescribedNode[]
  mouseOnlyTotal: number
  /** No frames in the page: focus never leaves the top document's key events, so presses can be batched. */
  batchable: boolean
}

/** What a batch of Tab presses left in the page's log (see recordTabs). */
export interface TabLog {
  /** Focus before each Tab keydown but the first of the batch, and 'out' when focus left the document. */
  stops: FocusStop[]
  /** Tab keydowns the page saw (each press must be seen once, else the batch cannot be trusted). */
  keydowns: number
  /** Focus after the batch's last press. */
  current: FocusStop
}

export interface FocusStop {
  kind: 'out' | 'el' | 'frame'
  key: string
  /** Did the element's (or its parent's) look change on focus? null when unknown. */
  changed: boolean | null
  inDialog: boolean
}

interface WalkState {
  ids: WeakMap<object, number>
  /** Elements by id, so a stop is described only when a finding names it (describeKeys). */
  byId: Map<number, Element>
  next: number
  styles: Map<number, string>
  marker: HTMLElement
  snapshot: (el: Element) => string
  idOf: (el: Element) => number
  candidates: Element[]
  /** Where focus is now (the body of readFocus, kept here so the key listener can call it). */
  read: () => FocusStop
  log: FocusStop[]
  keydowns: number
  /** The next keydown's "before" state was already read as the previous batch's current stop. */
  skipNext: boolean
  recording: boolean
  stopListening: () => void
}

type WalkWindow = Window & { __accessAuditKeys?: WalkState }

export function setupWalk(h: PageHelpers, max: number): KeyboardSetup {
  const w = window as unknown as WalkWindow
  const snapshot = (el: Element): string => {
    const cs = getComputedStyle(el)
    const p = el.parentElement ? getComputedStyle(el.parentElement) : null
    return [
      cs.outlineStyle,
      cs.outlineWidth,
      cs.outlineColor,
      cs.boxShadow,
      cs.borderTopColor,
      cs.borderBottomColor,
      cs.borderTopWidth,
      cs.borderBottomWidth,
      cs.backgroundColor,
      cs.color,
      cs.textDecorationLine,
      p?.backgroundColor,
      p?.boxShadow,
      p?.outlineStyle,
      p?.borderTopColor,
    ].join('|')
  }
  const marker = document.createElement('span')
  marker.tabIndex = -1
  const st: WalkState = {
    ids: new WeakMap(),
    byId: new Map(),
    next: 1,
    styles: new Map(),
    marker,
    snapshot,
    idOf: (el) => {
      let id = st.ids.get(el)
      if (id === undefined) {
        id = st.next++
        st.ids.set(el, id)
        st.byId.set(id, el)
      }
      return id
    },
    candidates: [],
    read: () => out(),
    log: [],
    keydowns: 0,
    skipNext: true,
    recording: false,
    stopListening: () => {},
  }
  const out = (): FocusStop => ({ kind: 'out', key: 'out', changed: null, inDialog: false })
  st.read = () => {
    const active = document.activeElement
    if (!document.hasFocus() || !active || active === document.body || active === st.marker) return out()
    if (active === document.documentElement) return out()
    const id = st.idOf(active)
    const inDialog = !!active.closest('dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]')
    if (active.localName === 'iframe' || active.localName === 'frame') {
      let inner = '?'
      try {
        const doc = (active as HTMLIFrameElement).contentDocument
        if (doc?.activeElement) inner = String(st.idOf(doc.activeElement))
      } catch {
        // cross-origin: inner focus cannot be seen
      }
      const key = `f${id}:${inner}`
      return { kind: 'frame', key, changed: null, inDialog }
    }
    // Let focus transitions finish so the focused look is read at its end state, not mid-fade.
    for (const el of [active, active.parentElement])
      for (const a of el?.getAnimations?.() ?? [])
        if (typeof CSSTransition !== 'undefined' && a instanceof CSSTransition) a.finish()
    const before = st.styles.get(id)
    return {
      kind: 'el',
      key: `e${id}`,
      changed: before === undefined ? null : st.snapshot(active) !== before,
      inDialog,
    }
  }
  // Batched walk: each Tab keydown records where focus is before the key acts (= where the previous press left
  // it), in the capture phase of window, ahead of the page's own handlers; leaving the document is recorded on blur.
  const onKey = (e: KeyboardEvent): void => {
    if (!st.recording || e.key !== 'Tab' || e.shiftKey) return
    st.keydowns++
    if (st.skipNext) st.skipNext = false
    else st.log.push(st.read())
  }
  const onBlur = (): void => {
    if (st.recording && !document.hasFocus()) st.log.push(out())
  }
  window.addEventListener('keydown', onKey, true)
  window.addEventListener('blur', onBlur)
  st.stopListening = () => {
    window.removeEventListener('keydown', onKey, true)
    window.removeEventListener('blur', onBlur)
  }
  w.__accessAuditKeys = st
  const focusable =
    'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable=""], [contenteditable=true]'
  st.candidates = Array.from(document.querySelectorAll(focusable))
    .filter(
      (el) =>
        (el as HTMLElement).tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        !el.closest('[inert]') &&
        h.visible(el),
    )
    .slice(0, 3000)
  for (const el of st.candidates) st.styles.set(st.idOf(el), snapshot(el))

  // Clickable for a mouse, unreachable by keyboard: onclick or an interactive role without being focusable.
  const roles = ['button', 'link', 'menuitem', 'tab', 'checkbox', 'radio', 'switch']
  const clickable = Array.from(
    document.querySelectorAll(`[onclick], ${roles.map((r) => `[role=${r}]`).join(', ')}`),
  )
  // Inside or around something keyboard-reachable (a link wrapping a clickable span) counts as reachable.
  const inTabOrder = (el: Element): boolean => (el as HTMLElement).tabIndex >= 0
  const mouseOnly = clickable.filter((el) => {
    if (el === document.body || el === document.documentElement || inTabOrder(el)) return false
    if (el.getAttribute('aria-disabled') === 'true' || !h.visible(el)) return false
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
      if (inTabOrder(p)) return false
    return !Array.from(el.querySelectorAll(focusable)).some(inTabOrder)
  })
  document.body?.prepend(marker)
  marker.focus({ preventScroll: true })
  return {
    candidates: st.candidates.map((el) => `e${st.idOf(el)}`),
    mouseOnly: mouseOnly.slice(0, max).map((el) => h.describe(el)),
    mouseOnlyTotal: mouseOnly.length,
    batchable: document.querySelector('iframe, frame, object, embed, portal') === null,
  }
}

/** Starts (or stops) recording Tab keydowns for a batch; the first keydown's "before" state is known already. */
export function recordTabs(on: boolean): void {
  const st = (window as unknown as WalkWindow).__accessAuditKeys
  if (!st) return
  st.recording = on
  st.skipNext = true
  st.log = []
  st.keydowns = 0
}

/** The log of the batch just pressed, and where focus is now; recording goes on for the next batch. */
export function takeTabLog(): TabLog {
  const st = (window as unknown as WalkWindow).__accessAuditKeys
  const out: FocusStop = { kind: 'out', key: 'out', changed: null, inDialog: false }
  if (!st) return { stops: [], keydowns: -1, current: out }
  const log: TabLog = { stops: st.log, keydowns: st.keydowns, current: st.read() }
  st.log = []
  st.keydowns = 0
  st.skipNext = true
  return log
}

export function readFocus(): FocusStop {
  const st = (window as unknown as WalkWindow).__accessAuditKeys
  return st ? st.read() : { kind: 'out', key: 'out', changed: null, inDialog: false }
}

/** Describes the elements behind focus-stop keys ("e12", or "f12:…" for a frame's element), if still shown. */
export function describeKeys(h: PageHelpers, keys: string[]): Array<DescribedNode | null> {
  const st = (window as unknown as WalkWindow).__accessAuditKeys
  if (!st) return keys.map(() => null)
  return keys.map((key) => {
    const el = st.byId.get(Number(/^[ef](\d+)/.exec(key)?.[1]))
    return el && el.isConnected && h.visible(el) ? h.describe(el) : null
  })
}

export function endWalk(): void {
  const w = window as unknown as WalkWindow
  w.__accessAuditKeys?.stopListening()
  w.__accessAuditKeys?.marker.remove()
  delete w.__accessAuditKeys
  ;(document.activeElement as HTMLElement | null)?.blur?.()
}
