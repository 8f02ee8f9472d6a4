/// <reference lib="dom" />
import type * as Axe from 'axe-core'
import type { Frame, Page } from 'puppeteer-core'
import { noteFrame, type AuditState } from './audit-state'
import { axeAssets } from './axe-source'
import { evaluateSource } from './page-call'
import { StepTimeoutError } from './timing'

/**
 * axe in every frame of the page (page.frames()). axe.configure is not forwarded into frames, so each frame gets
 * the source and the zh_CN locale itself; `allowedOrigins: <unsafe_all_origins>` lets the top frame's axe.run
 * collect cross-origin frames over postMessage. Frames that failed to load (chrome-error pages), are detached or
 * still loading are skipped — evaluating in them can hang — and reported in framesNotTested with the reason;
 * axe then marks them with its own frame-tested review item.
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

let injectionSource: string | null = null

/** axe's source and its configuration (zh_CN locale, cross-origin frames) as one script: one call per frame. */
function injection(): string {
  if (!injectionSource) {
    const { source, locale } = axeAssets()
    const options = { locale, allowedOrigins: ['<unsafe_all_origins>'] }
    injectionSource = `${source}\n;window.axe.configure(${JSON.stringify(options)});window.axe.version`
  }
  return injectionSource
}

export class AxeFrames {
  private injected = new WeakSet<Frame>()
  private skipped = new WeakSet<Frame>()

  constructor(private readonly s: AuditState) {}

  /** Forget injections: after Runtime.terminateExecution an abandoned axe may be half-way through a run. */
  reset(): void {
    this.injected = new WeakSet()
  }

  private async inject(frame: Frame, timeoutMs: number): Promise<void> {
    await evaluateSource(frame, timeoutMs, injection())
    this.injected.add(frame)
  }

  private skip(frame: Frame, url: string, reason: string): void {
    this.skipped.add(frame)
    noteFrame(this.s, { url: url || frame.url(), reason })
  }

  /** Injects axe where it is missing. The main frame must succeed; a child frame that fails is skipped. */
  async prepare(page: Page, mainTimeoutMs: number): Promise<void> {
    const main = page.mainFrame()
    if (!this.injected.has(main)) {
      // Runtime.terminateExecution may hit this injection instead of the abandoned run: one retry.
      await this.inject(main, mainTimeoutMs).catch(() => this.inject(main, mainTimeoutMs))
    }
    for (const frame of page.frames()) {
      if (frame === main || this.injected.has(frame) || this.skipped.has(frame)) continue
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
