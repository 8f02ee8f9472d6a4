import { randomBytes } from 'node:crypto'
import type { ElementHandle, Frame } from 'puppeteer-core'
import { pageHelpers, type PageHelpers } from './page-helpers'
import { withTimeout } from './timing'

/**
 * Runs page-side functions in a frame. The function is sent as source text, so it must be self-contained: it may
 * use only its parameters (the helpers object and JSON arguments) and browser globals, never imports or outer
 * variables.
 *
 * Why source text instead of puppeteer's `frame.evaluate(fn, ...args)`: under tsx (the CLI) esbuild's keepNames
 * inserts `__name(...)` calls into function bodies, which do not exist in the page. The wrapper defines a local
 * `__name` so the same code works under tsx, vitest and the bundled app, without touching the page's globals.
 */

export type PageFn<A extends unknown[], R> = (h: PageHelpers, ...args: A) => R

/**
 * The helpers are sent once per document, not with every call: the first call in a document finds them missing,
 * defines them (a non-enumerable, read-only property of the page's window under a name chosen per process, so a
 * page cannot guess it ahead) and calls again. A window that refuses new properties gets them inline per call.
 */
const HELPERS = `__accessAuditHelpers_${randomBytes(6).toString('hex')}`
const MISSING = `${HELPERS}_missing`
const installHelpers = `(() => { const __name = (f) => f; try { if (!Object.getOwnPropertyDescriptor(window, '${HELPERS}')) Object.defineProperty(window, '${HELPERS}', { value: (${pageHelpers.toString()})() }); return true } catch { return false } })()`

function call<A extends unknown[], R>(helpers: string, fn: PageFn<A, R>, args: A): string {
  // JSON text is a valid JS expression, so arguments need no further escaping.
  return `(() => { const __name = (f) => f; const h = ${helpers}; return (${fn.toString()})(h, ...${JSON.stringify(args)}) })()`
}

/** The expression calling `fn` with the helpers defined inline (self-contained; used where nothing may be kept). */
export function pageExpression<A extends unknown[], R>(fn: PageFn<A, R>, args: A): string {
  return call(`(${pageHelpers.toString()})()`, fn, args)
}

/** The expression calling `fn` with the document's installed helpers; throws MISSING when there are none. */
function cachedExpression<A extends unknown[], R>(fn: PageFn<A, R>, args: A): string {
  return call(`(window['${HELPERS}'] ?? (() => { throw new Error('${MISSING}') })())`, fn, args)
}

/** Runs `attempt` with the cached helpers; when the document has none yet, installs them and tries again. */
async function withHelpers<T>(
  frame: Frame,
  timeoutMs: number,
  attempt: (expression: string) => Promise<T>,
  cached: string,
  inline: () => string,
): Promise<T> {
  try {
    return await attempt(cached)
  } catch (error) {
    if (!String((error as Error)?.message ?? error).includes(MISSING)) throw error
  }
  const installed = await withTimeout(frame.evaluate(installHelpers), timeoutMs, '页面脚本执行')
  return attempt(installed === true ? cached : inline())
}

/** Source text calling a self-contained function without helpers (for evaluateOnNewDocument). */
export function scriptSource<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): string {
  return `(() => { const __name = (f) => f; (${fn.toString()})(...${JSON.stringify(args)}) })()`
}

/**
 * Evaluates `fn(helpers, ...args)` in the frame's main world and returns its JSON-serializable result.
 * (async, because puppeteer throws synchronously for a detached frame; callers get a rejection instead.)
 */
export async function evaluateIn<A extends unknown[], R>(
  frame: Frame,
  timeoutMs: number,
  fn: PageFn<A, R>,
  ...args: A
): Promise<Awaited<R>> {
  const attempt = (expression: string): Promise<Awaited<R>> =>
    withTimeout(frame.evaluate(expression) as Promise<Awaited<R>>, timeoutMs, '页面脚本执行')
  return withHelpers(frame, timeoutMs, attempt, cachedExpression(fn, args), () => pageExpression(fn, args))
}

/**
 * Like evaluateIn, for a function that needs no helpers (nor receives them): the call sends and compiles only the
 * function itself, for calls made many times per page (the keyboard walk).
 */
export async function evaluatePlain<A extends unknown[], R>(
  frame: Frame,
  timeoutMs: number,
  fn: (...args: A) => R,
  ...args: A
): Promise<Awaited<R>> {
  const source = `(() => { const __name = (f) => f; return (${fn.toString()})(...${JSON.stringify(args)}) })()`
  return withTimeout(frame.evaluate(source) as Promise<Awaited<R>>, timeoutMs, '页面脚本执行')
}

/** Like evaluateIn, for a function returning an element: resolves to its handle, or null. */
export async function elementIn<A extends unknown[]>(
  frame: Frame,
  timeoutMs: number,
  fn: PageFn<A, Element | null>,
  ...args: A
): Promise<ElementHandle<Element> | null> {
  const attempt = (expression: string) => withTimeout(frame.evaluateHandle(expression), timeoutMs, '查找元素')
  const handle = await withHelpers(frame, timeoutMs, attempt, cachedExpression(fn, args), () =>
    pageExpression(fn, args),
  )
  const element = handle.asElement() as ElementHandle<Element> | null
  if (!element) await handle.dispose().catch(() => {})
  return element
}

/** Evaluates a plain script (e.g. the axe-core source) in the frame. */
export async function evaluateSource(frame: Frame, timeoutMs: number, source: string): Promise<unknown> {
  return withTimeout(frame.evaluate(source), timeoutMs, '注入脚本')
}
