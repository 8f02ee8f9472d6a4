import { createHash } from 'node:crypto'
import type { ElementFacts } from './page-helpers'

/**
 * Run-to-run fingerprints for findings. A finding is (rule id, fingerprint); the fingerprint identifies the element
 * by features that survive small layout changes — tag, a hand-written id, stable classes, accessible name or text,
 * link target path, nearest landmark and heading — rather than by axe's selector, which changes whenever a sibling
 * is inserted (":nth-child(7)" becomes ":nth-child(8)"). Position among siblings is used only for elements that
 * have nothing else to tell them apart.
 */

/** Ids that frameworks and CMSs generate (they change between builds or page loads). */
export function looksGenerated(id: string): boolean {
  return (
    /\d{3,}/.test(id) ||
    /[0-9a-f]{8}-?[0-9a-f]{4}/i.test(id) ||
    /^(ember|yui|ext-|gwt-|j_id|ui-id-|react-|mui-|radix-|headlessui-|rc_|__|:)/i.test(id) ||
    /^[«:].*[»:]$/.test(id) ||
    (/\d/.test(id) && /[a-z]/i.test(id) && id.length >= 12 && !/[-_]/.test(id))
  )
}

/** State classes (they differ with hover, focus, carousel position) and generated class names (CSS modules …). */
const STATE_CLASS =
  /^(is-|has-)|^(active|current|cur|on|hover|focus|focused|selected|open|opened|show|shown|hide|hidden|visible|in|fade|collapsed|expanded|disabled|checked)$|(-|_)(active|current|selected|open|show|visible|hover|focus)$/i

export function stableClasses(classes: readonly string[]): string[] {
  const kept = classes.filter(
    (c) =>
      c.length > 0 &&
      c.length <= 40 &&
      !STATE_CLASS.test(c) &&
      !/\d{3,}/.test(c) &&
      !/^(css|sc|jsx|emotion|svelte|astro)-[\w-]*$/i.test(c) &&
      !/^_[\w-]{5,}$/.test(c) &&
      !/[A-Za-z]+_[A-Za-z0-9]{5}$/.test(c),
  )
  return [...new Set(kept)].sort().slice(0, 4)
}

export function normalizeText(text: string, max = 40): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max)
}

/** Path of a URL without query and hash ("/xwzx/index.html"); data: and javascript: URLs by scheme only. */
export function urlPath(href: string): string {
  if (!href) return ''
  try {
    const u = new URL(href)
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.pathname
    return u.protocol
  } catch {
    return ''
  }
}

export function hashParts(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u241f')).digest('hex').slice(0, 16)
}

/** Fingerprint of an element. `scope` separates frames (the frame URL path) so equal elements in two iframes differ. */
export function elementFingerprint(facts: ElementFacts, scope = ''): string {
  const id = facts.id && !looksGenerated(facts.id) ? facts.id : ''
  const name = normalizeText(facts.name)
  const link = urlPath(facts.href)
  const landmarkId = facts.landmarkId && !looksGenerated(facts.landmarkId) ? facts.landmarkId : ''
  const identified = id !== '' || name !== '' || link !== ''
  return hashParts([
    'el',
    scope,
    facts.tag.toLowerCase(),
    id,
    stableClasses(facts.classes).join('.'),
    name,
    link,
    facts.role,
    facts.landmark,
    landmarkId,
    normalizeText(facts.heading),
    identified ? '' : String(facts.siblingIndex),
  ])
}

/** Fingerprint of a finding that is not an element (a source-code issue, a page-level observation). */
export function partsFingerprint(kind: string, parts: readonly string[]): string {
  return hashParts([kind, ...parts])
}

/** Equal fingerprints within one rule (identical elements) get "~2", "~3" … in document order. */
export function disambiguate(fingerprints: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return fingerprints.map((f) => {
    const n = (seen.get(f) ?? 0) + 1
    seen.set(f, n)
    return n === 1 ? f : `${f}~${n}`
  })
}
