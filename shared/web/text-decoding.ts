/**
 * Decoding what portals send: HTML pages, sitemaps and robots.txt over HTTP, in whatever encoding they declare.
 * Chinese government sites still serve GBK / GB2312 / GB18030 pages and sitemaps; reading them as UTF-8 garbles
 * every title, link text and URL. Pure (TextDecoder only), so the crawler, the page auditor and tests share it.
 *
 * Order, as browsers do: a byte-order mark, then the HTTP Content-Type charset, then the document's own
 * declaration in its first 1024 bytes (<meta charset>, <meta http-equiv content="…charset=…">, or an XML
 * declaration's encoding="…"), else UTF-8.
 */

const CHARSET_IN_TYPE = /charset\s*=\s*["']?([\w.:-]+)/i
const CHARSET_IN_META = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i
const ENCODING_IN_XML = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i

/** The charset label to decode `bytes` with (lower case, as declared; 'utf-8' when nothing is declared). */
export function sniffCharset(bytes: Uint8Array, contentType: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  const fromType = CHARSET_IN_TYPE.exec(contentType)?.[1]
  if (fromType) return fromType.toLowerCase()
  // windows-1252 keeps ASCII markup readable whatever the real encoding is.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024))
  const declared = ENCODING_IN_XML.exec(head)?.[1] ?? CHARSET_IN_META.exec(head)?.[1]
  return declared?.toLowerCase() ?? 'utf-8'
}

/** True for the GB family (GB2312, GBK, GB18030 and their aliases). */
export function isGbCharset(label: string): boolean {
  return /^(gb2312|gbk|x-gbk|gb18030|gb_2312-80|chinese|csgb2312|csiso58gb231280|iso-ir-58)$/i.test(
    label.trim(),
  )
}

/**
 * Decodes a body. GB2312 and GBK labels are read with GB18030, their superset (as browsers do: pages labelled
 * GB2312 routinely use GBK characters); an unknown label falls back to UTF-8.
 */
export function decodeText(bytes: Uint8Array, contentType: string): string {
  const charset = sniffCharset(bytes, contentType)
  for (const label of [isGbCharset(charset) ? 'gb18030' : charset, 'utf-8']) {
    try {
      return new TextDecoder(label).decode(bytes)
    } catch {
      // unknown label: try the next one
    }
  }
  return new TextDecoder().decode(bytes)
}
