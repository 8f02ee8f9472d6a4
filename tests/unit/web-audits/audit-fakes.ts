import { EventEmitter } from 'node:events'
import type { Browser } from 'puppeteer-core'
import type { AuditNode, AuditRuleResult, AxeImpactLevel, PageResult } from '../../../shared/web/audit-result'
import type { FetchedText, FetchText } from '../../../electron/core/web-audits/crawl/http-fetch'
import type { ReportSource } from '../../../electron/core/web-audits/report/report-types'
import { summarizePages } from '../../../electron/core/web-audits/runs/run-summary'

/** Builders and fakes shared by the audit unit tests (no browser, no network). */

export function rule(
  ruleId: string,
  impact: AxeImpactLevel | null,
  nodes: Array<Partial<AuditNode> & { fingerprint: string }>,
  extra: Partial<AuditRuleResult> = {},
): AuditRuleResult {
  return {
    ruleId,
    source: ruleId.startsWith('aa-') ? 'own' : 'axe',
    impact,
    needsReview: false,
    description: `${ruleId} 描述`,
    help: `${ruleId} 帮助`,
    refs: { wcag: ['1.1.1'], gbt37668: ['3.2.1.3'], level: 'A', ageing: [] },
    level: 'A',
    nodes: nodes.map((n) => ({ selector: n.selector ?? `#${n.fingerprint}`, html: n.html ?? '<img>', ...n })),
    nodeCount: nodes.length,
    ...extra,
  }
}

export function pageResult(
  url: string,
  results: AuditRuleResult[] = [],
  extra: Partial<PageResult> = {},
): PageResult {
  return {
    url,
    finalUrl: url,
    status: 200,
    title: '测试页面',
    ok: true,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 10,
    results,
    framesNotTested: [],
    ...extra,
  }
}

export function failedPage(url: string, reason: PageResult['failureReason'], message = '失败'): PageResult {
  return pageResult(url, [], {
    ok: false,
    failureReason: reason,
    failureMessage: message,
    finalUrl: null,
    status: null,
  })
}

/** A fake site for the crawler: path → response; unknown paths are 404. Records every request. */
export function fakeSite(
  origin: string,
  pages: Record<string, string | Partial<FetchedText>>,
): { fetchText: FetchText; requests: string[] } {
  const requests: string[] = []
  const fetchText: FetchText = async (url) => {
    requests.push(url)
    const u = new URL(url)
    if (u.origin !== origin) throw new Error('connection refused')
    const entry = pages[u.pathname + u.search] ?? pages[u.pathname]
    if (entry === undefined) return { url, status: 404, contentType: 'text/html', body: 'not found' }
    if (typeof entry === 'string')
      return { url, status: 200, contentType: 'text/html; charset=utf-8', body: entry }
    return { url, status: 200, contentType: 'text/html', body: '', ...entry }
  }
  return { fetchText, requests }
}

/** A stand-in for a puppeteer Browser: enough for BrowserSession (connect state, disconnect event, contexts). */
export class FakeBrowser extends EventEmitter {
  connected = true
  contextsCreated = 0
  contextsClosed = 0
  constructor(readonly id: number) {
    super()
  }
  /** False: the connection stays open but CDP calls fail (a farm endpoint half gone). */
  answers = true
  process(): null {
    return null
  }
  async version(): Promise<string> {
    if (!this.answers || !this.connected) throw new Error('Protocol error: Connection closed.')
    return 'HeadlessChrome/fake'
  }
  async createBrowserContext() {
    this.contextsCreated++
    return {
      close: async () => {
        this.contextsClosed++
      },
    }
  }
  async disconnect(): Promise<void> {
    this.crash()
  }
  async close(): Promise<void> {
    this.crash()
  }
  /** The browser process died: puppeteer emits 'disconnected'. */
  crash(): void {
    if (!this.connected) return
    this.connected = false
    this.emit('disconnected')
  }
}

export function fakeBrowserFactory(): { launch: () => Promise<Browser>; browsers: FakeBrowser[] } {
  const browsers: FakeBrowser[] = []
  return {
    browsers,
    launch: async () => {
      const b = new FakeBrowser(browsers.length + 1)
      browsers.push(b)
      return b as unknown as Browser
    },
  }
}

/** The header of a report as the CLI writes it (for report sources built in tests). */
export const reportHeader: ReportSource['header'] = {
  schemaVersion: 1,
  tool: { name: 'access-audit', version: '0.1.0', mappingVersion: '1.0.0' },
  startedAt: '2026-03-01T08:00:00.000Z',
  finishedAt: '2026-03-01T08:01:00.000Z',
  options: { maxPages: 50, maxDepth: 3, concurrency: 2, failOn: 'serious', include: [], exclude: [] },
}

/** A report source of one portal over `pages`, as the CLI builds it; `portal` overrides its fields. */
export function reportSource(
  pages: PageResult[],
  portal: Partial<ReportSource['portals'][number]> = {},
): ReportSource {
  return {
    header: reportHeader,
    portals: [
      {
        startUrl: 'http://gov.example/',
        name: '区政府',
        runId: 7,
        status: 'completed',
        summary: summarizePages(pages),
        pages: () => pages,
        ...portal,
      },
    ],
  }
}
