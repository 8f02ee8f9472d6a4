/// <reference lib="dom" />
import type * as Axe from 'axe-core'
import type { CDPSession, Frame, Page } from 'puppeteer-core'
import { noteFrame, type AuditState } from './audit-state'
import { frameIdOf } from './audit-tab'
import { axeInjection, AXE_LOADER, AXE_WORLD } from './axe-source'
import { evaluatePlain, evaluateSource } from './page-call'
import { StepTimeoutError, withTimeout } from './timing'

/**
 * axe in every frame of the page (page.frames()). Where the tab set up axe's loader (the page and its same-process
 * frames), axe runs in the isolated world AXE_WORLD: compiled once per renderer, and out of reach of the page's
 * scripts. Frames in another process (cross-site iframes) get axe in their main world, sent as before. axe talks
 * between frames over postMessage, which reaches listeners of every world, so the two mix. axe.configure is not
 * forwarded into frames, so each frame gets the zh_CN locale itself; `allowedOrigins: <unsafe_all_origins>` lets
 * the top frame's axe.run collect cross-origin frames. Frames that failed to load (chrome-error pages), are
 * detached or still loading are skipped — evaluating in them can hang — and reported in framesNotTested with the
 * reason; axe then marks them with its own frame-tested review item.
 */

export const frameReasons = {
  failed: '框架页面加载失败（无法连接、被拒绝或出错），未检测',
  loading: '框架页面尚未加载完成，未检测',
  detached: '框架已从页面移除，未检测',
  injectTimeout: '向框架注入检测脚本超时，未检测',
  injectFailed: '无法向框架注入检测脚本，未检测',
  noAnswer: '框架未响应检测脚本（超时或脚本被页面干扰），未检测',
} as const

async function frameSrc(frame: Frame): Promise<string> {
  try {
    const element = await frame.frameElement()
    if (!element) return ''
    const src = await element.evaluate((el) => (el as HTMLIFrameElement).src || '')
    await element.dispose()
    return src
  } catch {
    return '' // the frame went away meanwhile (puppeteer throws synchronously for detached frames)
  }
}

/** Where a frame's axe lives: an execution context of AXE_WORLD, or the frame's main world. */
type AxeHome = { world: number } | 'main'

/** Evaluates `expression` in an execution context and returns its value (rejecting on a page-side exception). */
async function evaluateInContext(
  cdp: CDPSession,
  contextId: number,
  expression: string,
  timeoutMs: number,
): Promise<unknown> {
  const call = cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  })
  const { result, exceptionDetails } = await withTimeout(call, timeoutMs, '页面脚本执行')
  if (exceptionDetails)
    throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text ?? 'page error')
  return result.value
}

export class AxeFrames {
  private homes = new WeakMap<Frame, AxeHome>()
  private skipped = new WeakSet<Frame>()
  /** After an abandoned run, axe is loaded afresh in each frame. */
  private fresh = false

  constructor(private readonly s: AuditState) {}

  /** Forget injections: after Runtime.terminateExecution an abandoned axe may be half-way through a run. */
  reset(): void {
    this.homes = new WeakMap()
    this.fresh = true
  }

  /** axe in AXE_WORLD of the frame when the tab's loader is there, else null. */
  private async loadInWorld(frame: Frame, timeoutMs: number): Promise<AxeHome | null> {
    const cdp = this.s.cdp
    const frameId = frameIdOf(frame)
    if (!cdp || !frameId || !this.s.tab) return null
    // The same name gives the world the loader was registered in (Chromium keeps one world per name and frame).
    const world = await cdp
      .send('Page.createIsolatedWorld', { frameId, worldName: AXE_WORLD })
      .catch(() => null) // a frame in another process is not this session's
    if (!world) return null
    const expression = `typeof ${AXE_LOADER} === 'function' ? ${AXE_LOADER}(${this.fresh}) : null`
    const version = await evaluateInContext(cdp, world.executionContextId, expression, timeoutMs)
    return typeof version === 'string' ? { world: world.executionContextId } : null
  }

  private async inject(frame: Frame, timeoutMs: number): Promise<void> {
    const home = (await this.loadInWorld(frame, timeoutMs)) ?? 'main'
    if (home === 'main') await evaluateSource(frame, timeoutMs, axeInjection())
    this.homes.set(frame, home)
  }

  private skip(frame: Frame, url: string, reason: string): void {
    this.skipped.add(frame)
    noteFrame(this.s, { url: url || frame.url(), reason })
  }

  /** Injects axe where it is missing. The main frame must succeed; a child frame that fails is skipped. */
  async prepare(page: Page, mainTimeoutMs: number): Promise<void> {
    const main = page.mainFrame()
    if (!this.homes.has(main)) {
      // Runtime.terminateExecution may hit this injection instead of the abandoned run: one retry.
      await this.inject(main, mainTimeoutMs).catch(() => this.inject(main, mainTimeoutMs))
    }
    for (const frame of page.frames()) {
      if (frame === main || this.homes.has(frame) || this.skipped.has(frame)) continue
      const url = frame.url()
      const src = await frameSrc(frame)
      const reason = frame.detached
        ? frameReasons.detached
        : url.startsWith('chrome-error:')
          ? frameReasons.failed
          : url === '' || (url === 'about:blank' && /^https?:/i.test(src))
            ? frameReasons.loading
            : null
      if (reason) {
        this.skip(frame, src, reason)
        continue
      }
      try {
        await this.inject(frame, this.s.options.frameTimeoutMs)
      } catch (err) {
        const why = frame.detached
          ? frameReasons.detached
          : err instanceof StepTimeoutError
            ? frameReasons.injectTimeout
            : frameReasons.injectFailed
        this.skip(frame, src || url, why)
      }
    }
    this.fresh = false
  }

  /**
   * Calls a self-contained function (no helpers, JSON arguments) where the main frame's axe lives, and returns its
   * JSON result. The function may use only its parameters and the globals `axe`, `window` and `document`.
   */
  async call<A extends unknown[], R>(
    page: Page,
    timeoutMs: number,
    fn: (...args: A) => R,
    ...args: A
  ): Promise<Awaited<R>> {
    const main = page.mainFrame()
    const home = this.homes.get(main)
    if (home && home !== 'main' && this.s.cdp) {
      const expression = `(() => { const __name = (f) => f; return (${fn.toString()})(...${JSON.stringify(args)}) })()`
      return (await evaluateInContext(this.s.cdp, home.world, expression, timeoutMs)) as Awaited<R>
    }
    return evaluatePlain(main, timeoutMs, fn, ...args)
  }

  /** axe's frame-tested review items name frames that did not answer; note those not noted already. */
  noteUnansweredFrames(results: readonly Axe.AxeResults[], baseUrl: string): void {
    const noted = new Set(this.s.framesNotTested.map((n) => n.url))
    for (const r of results)
      for (const item of r.incomplete.filter((i) => i.id === 'frame-tested'))
        for (const node of item.nodes) {
          const src = /\ssrc="([^"]*)"/.exec(node.html)?.[1] ?? ''
          let url = src
          try {
            url = src ? new URL(src.replace(/&amp;/g, '&'), baseUrl).href : ''
          } catch {
            // keep the raw attribute
          }
          if (url && !noted.has(url)) noteFrame(this.s, { url, reason: frameReasons.noAnswer })
        }
  }
}
