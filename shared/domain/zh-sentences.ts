/**
 * Joining zh-CN sentences made of parts: every part ends with one full stop, never two ("应在页面上说明。。"), and
 * a part that ends with a colon or a comma (a list whose entries are missing: "修复以下任一问题：") is closed
 * without the dangling mark ("：。" never appears).
 */

const terminal = /[。！？]$/
const dangling = /[：:，,；;、\s]+$/

/** One complete sentence: trimmed, a dangling colon or comma dropped, a full stop added where none ends it. */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(dangling, '')
  if (!trimmed) return ''
  return terminal.test(trimmed) ? trimmed : `${trimmed}。`
}

/** The non-empty parts as consecutive sentences. */
export function joinSentences(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .map((p) => sentence(p ?? ''))
    .filter(Boolean)
    .join('')
}
