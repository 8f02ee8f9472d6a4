import { isGbCharset } from '../../../../shared/web/text-decoding'

/**
 * Browsers percent-encode the query of a link in the page's own encoding (the path is always UTF-8): on a GBK page
 * `?kw=无障碍` is requested as `?kw=%CE%DE%D5%CF%B0%AD`. `new URL()` would use UTF-8 and ask the server for
 * something else, so links read from GB-encoded HTML over HTTP have their query encoded here first.
 */

let gbkTable: Map<string, string> | null = null

/** Character → GBK percent-escape, built once from the platform's own GBK decoder (two-byte codes). */
function gbkEscapes(): Map<string, string> {
  if (gbkTable) return gbkTable
  const decoder = new TextDecoder('gbk', { fatal: true })
  const table = new Map<string, string>()
  const pair = new Uint8Array(2)
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      pair[0] = lead
      pair[1] = trail
      let ch: string
      try {
        ch = decoder.decode(pair)
      } catch {
        continue
      }
      if (ch.length === 1 && !table.has(ch))
        table.set(ch, `%${lead.toString(16).toUpperCase()}%${trail.toString(16).toUpperCase()}`)
    }
  gbkTable = table
  return table
}

/** `href` with the non-ASCII characters of its query escaped as a browser would on a page in `charset`. */
export function encodeQueryForCharset(href: string, charset: string | undefined): string {
  if (!charset || !isGbCharset(charset)) return href
  const q = href.indexOf('?')
  if (q < 0) return href
  const hash = href.indexOf('#', q)
  const query = hash < 0 ? href.slice(q) : href.slice(q, hash)
  if (![...query].some((ch) => ch.charCodeAt(0) >= 0x80)) return href
  const table = gbkEscapes()
  const encoded = [...query]
    .map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : (table.get(ch) ?? encodeURIComponent(ch))))
    .join('')
  return `${href.slice(0, q)}${encoded}${hash < 0 ? '' : href.slice(hash)}`
}
