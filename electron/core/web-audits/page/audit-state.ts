import type { Browser, BrowserContext, CDPSession, HTTPRequest, Page } from 'puppeteer-core'
import type { AuditRuleResult, FrameNote } from '../../../../shared/web/audit-result'
import type { ResolvedAuditOptions } from './audit-options'
import type { AuditTab } from './audit-tab'
import { Changes } from './changes'
import type { PageAuditError } from './failure'
import { createPhaseClock, type PhaseClock } from './phase-times'

/** A main-frame navigation the page started by itself after loading, blocked so the audit can go on. */
export interface BlockedNavigation {
  url: string
  /** Milliseconds after the audited document's DOMContentLoaded. */
  afterMs: number
  /** 'passive' while nothing is done to the page (timed redirects); 'interactive' during the keyboard walk. */
  phase: 'passive' | 'interactive'
}

/** Everything one page audit knows; each pipeline step reads and extends it. */
export interface AuditState {
  readonly url: string
  readonly options: ResolvedAuditOptions
  readonly browser: Browser
  readonly startedAt: Date
  /** Epoch ms at which the whole page audit is abandoned. */
  readonly deadline: number
  /** The tab the page is audited in (its context, page and CDP session are copied below for the steps). */
  tab: AuditTab | null
  context: BrowserContext | null
  page: Page | null
  cdp: CDPSession | null
  /** Latest main-frame navigation request (redirect hops and client-side redirects replace it). */
  mainRequest: HTTPRequest | null
  /** The latest main-frame request is no longer in flight (body received, or failed). */
  mainRequestDone: boolean
  /** Requests of the page not yet finished or failed (to find subresources that hang). */
  inFlight: Set<HTTPRequest>
  /** Subresources blocked on the second load because they hung the first (see navigation.ts). */
  blockedSubresources: string[]
  /** The request whose document is on screen (set at each DOMContentLoaded). */
  documentRequest: HTTPRequest | null
  domReadyCount: number
  domReadyAt: number
  /** domReadyCount of the document whose load event was seen last (equal to domReadyCount once it loaded). */
  loadedDocument: number
  /** 'loading' until the page is frozen; then main-frame navigations are blocked and recorded. */
  phase: 'loading' | BlockedNavigation['phase']
  blockedNavigations: BlockedNavigation[]
  /** True while the pipeline closes the context, so the page's 'close' event is not taken for a crash. */
  closing: boolean
  /** Listener removals to run when the audit ends. */
  cleanups: Array<() => void>
  status: number | null
  contentType: string
  /** Response headers of the main document (lower-case names). */
  headers: Record<string, string>
  finalUrl: string | null
  title: string | null
  /** The main document's raw source as sent by the server (before the browser repairs it). */
  source: string | null
  results: AuditRuleResult[]
  framesNotTested: FrameNote[]
  axeVersion: string | undefined
  /** Time per pipeline step and sub-phase (for the benchmark's breakdown). */
  readonly clock: PhaseClock
  /** Notified by the tab's listeners whenever loading progresses; steps wait on it instead of polling. */
  readonly changes: Changes
  /** Set once by a crash or a browser disconnect; every later step sees it. */
  abortError: PageAuditError | null
  /** Rejects when the audit is aborted; steps race against it. */
  readonly aborted: Promise<never>
  abort(error: PageAuditError): void
}

export function createState(browser: Browser, url: string, options: ResolvedAuditOptions): AuditState {
  let reject: (e: PageAuditError) => void = () => {}
  const aborted = new Promise<never>((_, r) => {
    reject = r
  })
  aborted.catch(() => {})
  const startedAt = new Date()
  const state: AuditState = {
    url,
    options,
    browser,
    startedAt,
    deadline: startedAt.getTime() + options.pageTimeoutMs,
    tab: null,
    context: null,
    page: null,
    cdp: null,
    mainRequest: null,
    mainRequestDone: false,
    documentRequest: null,
    inFlight: new Set(),
    blockedSubresources: [],
    domReadyCount: 0,
    domReadyAt: 0,
    loadedDocument: -1,
    phase: 'loading',
    blockedNavigations: [],
    closing: false,
    cleanups: [],
    status: null,
    contentType: '',
    headers: {},
    finalUrl: null,
    title: null,
    source: null,
    results: [],
    framesNotTested: [],
    axeVersion: undefined,
    clock: createPhaseClock(),
    changes: new Changes(),
    abortError: null,
    aborted,
    abort(error) {
      if (state.abortError) return
      state.abortError = error
      reject(error)
    },
  }
  return state
}

/** The audited page; steps after openContext may rely on it. */
export function pageOf(state: AuditState): Page {
  if (!state.page) throw new Error('page not open')
  return state.page
}

/** Adds a frame note once per URL and reason. */
export function noteFrame(state: AuditState, note: FrameNote): void {
  if (!state.framesNotTested.some((n) => n.url === note.url && n.reason === note.reason))
    state.framesNotTested.push(note)
}
