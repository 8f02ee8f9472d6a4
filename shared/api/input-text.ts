import { hasLoneSurrogate, loneSurrogateMessage, nfc } from '../domain/text'

/**
 * The text normaliser of the contract boundary: every string of every input, whatever the door (IPC, HTTP, CLI),
 * before the operation's schema sees it. Strings become NFC (so "é" typed decomposed is the same name as
 * composed); a string with a lone surrogate is refused, with its field, instead of being stored as invalid UTF-8
 * and read back as "���". Names then refuse invisible characters in their schemas (shared/domain/common.ts).
 */

export interface InputTextProblem {
  path: Array<string | number>
  message: string
}

/** Inputs are shallow records; anything nested deeper is not a contract input (and must not exhaust the stack). */
const maxDepth = 32

function walk(
  value: unknown,
  path: Array<string | number>,
  problems: InputTextProblem[],
  depth: number,
): unknown {
  if (typeof value === 'string') {
    if (!hasLoneSurrogate(value)) return nfc(value)
    problems.push({ path, message: loneSurrogateMessage })
    return value
  }
  if (value === null || typeof value !== 'object') return value
  if (depth >= maxDepth) {
    problems.push({ path, message: '输入的层次过深' })
    return value
  }
  if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i], problems, depth + 1))
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return value // bytes (Uint8Array) and the like
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: a key "__proto__" from JSON stays a plain key and never becomes the copy's prototype.
    Object.defineProperty(copy, key, {
      value: walk(item, [...path, key], problems, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy
}

export function normaliseInputText(raw: unknown): { value: unknown; problems: InputTextProblem[] } {
  const problems: InputTextProblem[] = []
  const value = walk(raw, [], problems, 0)
  return { value, problems }
}
