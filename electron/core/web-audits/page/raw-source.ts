import type { AuditState } from './audit-state'
import { withTimeout } from './timing'

/**
 * The main document's raw source — what the server sent, not the repaired DOM — for the HTML conformance check.
 * Chinese government sites still serve GBK / GB2312 pages, so the bytes are decoded with the declared charset.
 */

const CHARSET_IN_TYPE = /charset\s*=\s*["']?([\w.:-]+)/i
const CHARSET_IN_META = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i

export function sniffCharset(bytes: Uint8Array, contentType: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  const fromType = CHARSET_IN_TYPE.exec(contentType)?.[1]
  if (fromType) return fromType.toLowerCase()
  // The HTML spec's prescan looks at the first 1024 bytes; latin1 keeps ASCII markup readable whatever the encoding.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  return CHARSET_IN_META.exec(head)?.[1]?.toLowerCase() ?? 'utf-8'
}

export function decodeHtml(bytes: Uint8Array, contentType: string): string {
  const charset = sniffCharset(bytes, contentType)
  // Browsers decode GB2312 and GBK labels as GB18030's superset; an unknown label falls back to UTF-8.
  for (const label of [/^gb(2312|k)$|^x-gbk$/.test(charset) ? 'gb18030' : charset, 'utf-8']) {
    try {
      return new TextDecoder(label).decode(bytes)
    } catch {
      // unknown label: try the next one
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Reads the body of the document on screen; leaves `source` null when the browser no longer has it. */
export async function captureSource(s: AuditState): Promise<void> {
  const response = s.documentRequest?.response()
  if (!response) return
  try {
    const body = await withTimeout(response.buffer(), 10_000, '读取页面源码')
    s.source = decodeHtml(body, s.contentType)
  } catch {
    s.source = null
  }
}
