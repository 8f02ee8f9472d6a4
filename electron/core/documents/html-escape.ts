/**
 * Escaping for the app's own HTML documents (notices, reports). Everything shown in them may come from an audited
 * website or a typed field (titles, selectors, HTML snippets), so every value goes through `escapeHtml` before it
 * is placed in text or in a double-quoted attribute; the templates never place a value anywhere else.
 */

// Characters HTML cannot carry (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) are dropped:
// they would print as tofu boxes at best and confuse the parser at worst.
const unprintable = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
}

/** Removes the characters no document format can carry (Word's XML refuses them outright). */
export function printableText(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace(unprintable, '')
}

/** Text → safe HTML text or double-quoted attribute value. null/undefined become the empty string. */
export function escapeHtml(value: string | number | null | undefined): string {
  return printableText(value).replace(/[&<>"'`]/g, (c) => entities[c]!)
}

/** Escaped text whose line breaks stay visible (a reply, an instruction typed over several lines). */
export function escapeMultiline(value: string | null | undefined): string {
  return escapeHtml(value).replace(/\r\n?|\n/g, '<br>')
}

/** A `data:` URL for an embedded image; only raster types a printed document needs are allowed (no SVG). */
export function imageDataUrl(bytes: Uint8Array, mimeType: string): string | null {
  const type = mimeType.toLowerCase().trim()
  if (!['image/jpeg', 'image/png', 'image/webp', 'image/gif'].includes(type)) return null
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`
}
