import { decodeText } from '../../../../shared/web/text-decoding'
import type { AuditState } from './audit-state'
import { withTimeout } from './timing'

/**
 * The main document's raw source — what the server sent, not the repaired DOM — for the HTML conformance check.
 * Chinese government sites still serve GBK / GB2312 pages, so the bytes are decoded with the declared charset
 * (shared/web/text-decoding.ts, which the crawler uses too).
 */

export { sniffCharset } from '../../../../shared/web/text-decoding'

export function decodeHtml(bytes: Uint8Array, contentType: string): string {
  return decodeText(bytes, contentType)
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
