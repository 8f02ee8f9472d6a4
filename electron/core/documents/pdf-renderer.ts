import type { Browser, Page } from 'puppeteer-core'
import { ApiError } from '../../../shared/api/errors'
import { BrowserProviderError, launchBrowser, type LaunchBrowserOptions } from '../browser/browser-provider'
import type { PdfRenderer } from './pdf-port'

/**
 * Chromium print-to-PDF for the app's own documents (notices, reports). The browser is launched on the first
 * render, not at start-up (most sessions print nothing), and then kept: one browser and a small pool of pages are
 * reused across documents, because a launch costs far more than a render. Each page renders one document at a
 * time (renders queue per page). JavaScript is off on these pages: the HTML is a finished document with no script.
 * A browser that crashed or was killed is relaunched on the next render, and a render that failed because the
 * browser died is retried once on the new one.
 */

export interface PdfRendererOptions extends Pick<
  LaunchBrowserOptions,
  'configuredPath' | 'browserWSEndpoint' | 'extraArgs' | 'timeoutMs' | 'env' | 'platform' | 'probe'
> {
  /** Pages rendering in parallel (default 1; 2 suits a 2-core machine rendering many documents). */
  pages?: number
  /** Time limit for one document, in ms (default 60 000). */
  renderTimeoutMs?: number
  /** Replaces the real launch (tests). */
  launch?: () => Promise<Browser>
}

interface Slot {
  page: Promise<Page> | null
  queue: Promise<unknown>
  waiting: number
  /** Documents rendered on the current page. */
  renders: number
}

/**
 * A page is replaced after this many documents: its renderer process keeps part of every document's embedded font
 * data (≈1.7 MB of data: URLs per notice), so a long batch on one page grows by several MB a document; a fresh page
 * (≈50 ms) every 20 documents keeps the memory flat.
 */
const rendersPerPage = 20

function browserUnavailable(err: unknown): ApiError {
  if (err instanceof BrowserProviderError) {
    const detail = err.message.replace('可用于网站检查的浏览器', '可用于生成 PDF 的浏览器')
    return new ApiError(
      'BROWSER_UNAVAILABLE',
      err.code === 'BROWSER_NOT_FOUND'
        ? `${detail}。生成 PDF 需要本机安装 Microsoft Edge、Google Chrome 或 Chromium；也可导出 Word 文件后自行打印`
        : `无法启动用于生成 PDF 的浏览器：${detail}`,
    )
  }
  const detail = err instanceof Error ? err.message : String(err)
  return new ApiError('BROWSER_UNAVAILABLE', `无法启动用于生成 PDF 的浏览器：${detail}`)
}

export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const poolSize = Math.max(1, Math.min(options.pages ?? 1, 4))
  const renderTimeoutMs = options.renderTimeoutMs ?? 60_000
  const slots: Slot[] = Array.from({ length: poolSize }, () => ({
    page: null,
    queue: Promise.resolve(),
    waiting: 0,
    renders: 0,
  }))
  let browser: Promise<Browser> | null = null
  let closed = false

  const launch = async (): Promise<Browser> => {
    try {
      if (options.launch) return await options.launch()
      const launched = await launchBrowser({
        configuredPath: options.configuredPath,
        browserWSEndpoint: options.browserWSEndpoint,
        extraArgs: options.extraArgs,
        timeoutMs: options.timeoutMs,
        env: options.env,
        platform: options.platform,
        probe: options.probe,
      })
      return launched.browser
    } catch (err) {
      throw browserUnavailable(err)
    }
  }

  /** The live browser, launching it when there is none (first use, or after a crash). */
  const currentBrowser = (): Promise<Browser> => {
    if (browser === null) {
      const launching = launch().then((b) => {
        b.once('disconnected', () => {
          // Forget the dead browser and its pages; the next render relaunches.
          if (browser === launching) browser = null
          for (const slot of slots) slot.page = null
        })
        return b
      })
      launching.catch(() => {
        if (browser === launching) browser = null
      })
      browser = launching
    }
    return browser
  }

  const openPage = async (): Promise<Page> => {
    const b = await currentBrowser()
    const page = await b.newPage()
    await page.setJavaScriptEnabled(false)
    await page.emulateMediaType('print')
    return page
  }

  const pageOf = (slot: Slot): Promise<Page> => {
    if (slot.page === null) {
      slot.renders = 0
      const opening = openPage()
      opening.catch(() => {
        if (slot.page === opening) slot.page = null
      })
      slot.page = opening
    }
    return slot.page
  }

  const renderOn = async (slot: Slot, html: string): Promise<Uint8Array> => {
    const page = await pageOf(slot)
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: renderTimeoutMs })
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
        timeout: renderTimeoutMs,
      })
      if (++slot.renders >= rendersPerPage) {
        slot.page = null
        await page.close().catch(() => undefined)
      }
      return pdf
    } catch (err) {
      // A page in an unknown state (timed out mid-render, crashed renderer) is replaced, not reused.
      if (slot.page !== null && (await slot.page.catch(() => null)) === page) slot.page = null
      await page.close().catch(() => undefined)
      throw err
    }
  }

  const renderWithRetry = async (slot: Slot, html: string): Promise<Uint8Array> => {
    const before = browser
    try {
      return await renderOn(slot, html)
    } catch (err) {
      if (err instanceof ApiError || closed) throw err
      const b = await before?.catch(() => null)
      const browserDied = b !== null && b !== undefined && !b.connected
      if (!browserDied) throw err
      return await renderOn(slot, html)
    }
  }

  return {
    renderPdf(html: string): Promise<Uint8Array> {
      if (closed) return Promise.reject(new ApiError('EXPORT_FAILED', 'PDF 生成服务已关闭'))
      const slot = slots.reduce((a, b) => (b.waiting < a.waiting ? b : a))
      slot.waiting++
      const run = slot.queue.then(() => renderWithRetry(slot, html))
      slot.queue = run.catch(() => undefined).finally(() => slot.waiting--)
      return run
    },
    async close(): Promise<void> {
      if (closed) return
      closed = true
      await Promise.all(slots.map((s) => s.queue))
      const b = await browser?.catch(() => null)
      browser = null
      if (!b) return
      // A remote browser is someone else's: close only our pages and disconnect.
      if (options.browserWSEndpoint?.trim()) {
        await Promise.all(
          slots.map(async (s) => (await s.page?.catch(() => null))?.close().catch(() => undefined)),
        )
        await b.disconnect().catch(() => undefined)
      } else await b.close().catch(() => undefined)
    },
  }
}
