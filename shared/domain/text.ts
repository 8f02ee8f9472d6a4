/**
 * Text hygiene, one place for every door and every output:
 * - well-formed: a lone UTF-16 surrogate (half of a character, e.g. from a page title cut in the middle of an
 *   emoji) cannot be stored as UTF-8 nor written to strict JSON; `wellFormed` replaces it with U+FFFD, and the
 *   contract refuses it in input (shared/api/input-text.ts);
 * - invisible characters: zero-width spaces and joiners, soft hyphens, the BOM, variation selectors, fillers,
 *   control characters, and the bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE reverses what follows it
 *   on screen, so "通知书" + U+202E + "fdp.exe" shows as "通知书exe.pdf"). In a name they make a copy that looks the same
 *   but is another unit, place or portal, so names refuse them (`refuseInvisible`).
 */

/** A surrogate not paired with its other half (with the `u` flag, a pair is one code point and never matches). */
const loneSurrogate = /[\uD800-\uDFFF]/u
const loneSurrogates = /[\uD800-\uDFFF]/gu

/**
 * Format (Cf) and control (Cc) characters, every default-ignorable code point (what fonts draw as nothing), and
 * the line and paragraph separators.
 */
const invisible = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u

export function hasLoneSurrogate(text: string): boolean {
  return loneSurrogate.test(text)
}

/** `String.prototype.toWellFormed`: each lone surrogate becomes U+FFFD (one, not the three of a UTF-8 decoder). */
export function wellFormed(text: string): string {
  return loneSurrogate.test(text) ? text.replace(loneSurrogates, '\uFFFD') : text
}

/** `wellFormed` on every string of a JSON-like value (a page result, a report row): returns a copy if needed. */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') return wellFormed(value) as T
  if (Array.isArray(value)) {
    const mapped = value.map((item: unknown) => wellFormedDeep(item))
    return (mapped.some((item, i) => item !== value[i]) ? mapped : value) as T
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let copy: Record<string, unknown> | null = null
    for (const [key, item] of Object.entries(value)) {
      const cleaned = wellFormedDeep(item)
      if (cleaned !== item) copy ??= { ...(value as Record<string, unknown>) }
      if (copy) copy[key] = cleaned
    }
    return (copy ?? value) as T
  }
  return value
}

/** NFC: the composed form, so "é" typed two ways is one name. ASCII (most input) is returned as it is. */
export function nfc(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(text) ? text : text.normalize('NFC')
}

const invisibleNames: Record<number, string> = {
  0x00ad: '软连字符',
  0x200b: '零宽空格',
  0x200c: '零宽非连接符',
  0x200d: '零宽连接符',
  0x200e: '从左到右标记',
  0x200f: '从右到左标记',
  0x202a: '文字方向控制符',
  0x202b: '文字方向控制符',
  0x202c: '文字方向控制符',
  0x202d: '文字方向控制符',
  0x202e: '从右到左覆盖控制符',
  0x2060: '词连接符',
  0x2066: '文字方向隔离符',
  0x2067: '文字方向隔离符',
  0x2068: '文字方向隔离符',
  0x2069: '文字方向隔离符',
  0xfeff: '字节顺序标记 BOM',
  0x3164: '韩文填充符',
}

/** The first invisible character of `text` as people can look it up: "U+200B（零宽空格）", or null. */
export function firstInvisible(text: string): string | null {
  const match = invisible.exec(text)
  if (!match) return null
  const code = match[0].codePointAt(0)!
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  const name =
    invisibleNames[code] ?? (code < 0x20 || (code >= 0x7f && code < 0xa0) ? '控制字符' : '不可见字符')
  return `${hex}（${name}）`
}

export function invisibleCharacterMessage(found: string): string {
  return `含有看不见的字符 ${found}，常见于从网页或聊天软件复制的文字，请删除后重新输入`
}

/** Every invisible and direction-control character removed (for file names made from stored names). */
export function withoutInvisible(text: string): string {
  return text.replace(new RegExp(invisible.source, 'gu'), '')
}

export const loneSurrogateMessage =
  '含有无法识别的字符（不成对的 UTF-16 代理项，多见于残缺的表情符号），请删除后重新输入'
