/**
 * Pure decisions of the keyboard walk (keyboard-walk.ts). In headless Chromium a full Tab cycle always passes
 * through the browser UI (focus leaves the document) before it starts again at the top. So a focus stop that
 * repeats without leaving the document means focus is being pulled back: the stops since its first occurrence
 * are the set focus cycles in.
 */

/** A focus stop key; "f<id>:?" marks a cross-origin frame whose inner focus cannot be seen. */
export type StopKey = string

/** Presses spent inside one cross-origin frame before it counts as a possible trap. */
export const OPAQUE_FRAME_TRAP = 60

/** Keys focus cycles in (first repetition without leaving the document), or null. */
export function findCycle(keys: readonly StopKey[]): StopKey[] | null {
  const firstAt = new Map<StopKey, number>()
  let opaqueRun = 0
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as StopKey
    // Tabbing through a cross-origin frame repeats its key once per inner element: not a cycle by itself.
    if (key.endsWith(':?')) {
      opaqueRun = i > 0 && keys[i - 1] === key ? opaqueRun + 1 : 1
      if (opaqueRun >= OPAQUE_FRAME_TRAP) return [key]
      if (i > 0 && keys[i - 1] === key) continue
    }
    const seen = firstAt.get(key)
    if (seen !== undefined) return [...new Set(keys.slice(seen, i))]
    firstAt.set(key, i)
  }
  return null
}

/** Candidates never reached during a complete cycle. */
export function unreachedKeys(candidates: readonly StopKey[], visited: readonly StopKey[]): StopKey[] {
  const seen = new Set(visited)
  return candidates.filter((k) => !seen.has(k))
}
