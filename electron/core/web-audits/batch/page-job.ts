import path from 'node:path'
import type { PageFailureReason, PageResult } from '../../../../shared/web/audit-result'
import { runScreenshotFolder } from '../../data-layout'
import type { Db } from '../../db/open-database'
import type { BrowserLease, BrowserSession } from './browser-session'
import { nextLevel } from '../crawl/crawler'
import { isHtmlContentType, type FetchText } from '../crawl/http-fetch'
import { extractLinks } from '../crawl/link-extract'
import type { PageAudit, PageAuditor } from '../page/page-auditor'
import { completePage, enqueuePages, releasePage, renewLease, type ClaimedPage } from '../store/queue-store'
import type { HostRateLimiter } from '../crawl/rate-limiter'
import type { RunContext } from './run-context'
import type { Doing } from './concurrency-governor'
import { insertWebFindings, webFindingRows } from '../runs/web-findings'

/**
 * One claimed page, as named steps: wait for the host's turn → lease the browser → audit under a hard time
 * limit → decide whether a failure is the page's or the browser's → read its links → record everything in one
 * transaction. A page is requeued (never recorded) when the batch is being aborted, or when the browser died
 * under it and it has attempts left.
 */

export interface PageJobDeps {
  db: Db
  now: () => Date
  auditor: PageAuditor
  session: BrowserSession
  limiter: HostRateLimiter
  fetchText: FetchText
  /** Folder under which each run's screenshots go (`run-<id>/`), or null for none. */
  screenshotRoot: string | null
  pageTimeoutMs: number
  leaseMs: number
  maxAttempts: number
  aborting: () => boolean
  abortSignal: AbortSignal
  /** Leases of pages in flight, so an abort can close their contexts. */
  inFlight: Set<BrowserLease>
  /** What the page is doing now (the concurrency controller counts pages working and waiting). */
  doing?: (pageId: number, doing: Doing) => void
  /** A farm endpoint: after a browser-like failure, check that the browser still answers (else it is dropped). */
  verifyBrowser?: boolean
}

export type PageJobOutcome =
  | { kind: 'recorded'; result: PageResult; discovered: number; findings: number }
  | { kind: 'requeued'; why: 'aborted' | 'browser-lost' }
  | { kind: 'stale' }

/** Failures that a dying browser causes on whatever page it was showing. */
const browserFailures: ReadonlySet<PageFailureReason> = new Set([
  'crash',
  'internal',
  'audit-timeout',
  'timeout',
])

export function failedResult(
  url: string,
  startedAt: Date,
  reason: PageFailureReason,
  message: string,
): PageResult {
  return {
    url,
    finalUrl: null,
    status: null,
    title: null,
    ok: false,
    failureReason: reason,
    failureMessage: message,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    results: [],
    framesNotTested: [],
  }
}

/** Each run's screenshots go to `<screenshotRoot>/run-<id>/`. */
const runFolder = (run: RunContext): string => runScreenshotFolder(run.runId)

type Audited = { audit: PageAudit } | { timedOut: true } | { aborted: true }

async function auditWithLimits(deps: PageJobDeps, lease: BrowserLease, run: RunContext, page: ClaimedPage) {
  const collectLinks = run.options.discovery === 'audit' && page.depth < run.options.maxDepth
  const audit = deps.auditor(lease.browser, {
    url: page.url,
    collectLinks,
    screenshotDir: deps.screenshotRoot ? path.join(deps.screenshotRoot, runFolder(run)) : null,
    screenshotPrefix: `p${page.id}`,
    onWaiting: (waiting) => deps.doing?.(page.id, waiting ? 'waiting' : 'working'),
  })
  let timer: NodeJS.Timeout | undefined
  let onAbort: (() => void) | undefined
  const limits = new Promise<Audited>((resolve) => {
    timer = setTimeout(() => resolve({ timedOut: true }), deps.pageTimeoutMs)
    // An abort closes the page's contexts; if the auditor still does not return, stop waiting after 5 s.
    onAbort = () => setTimeout(() => resolve({ aborted: true }), 5000).unref()
    deps.abortSignal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([audit.then((a): Audited => ({ audit: a })), limits])
  } finally {
    clearTimeout(timer)
    if (onAbort) deps.abortSignal.removeEventListener('abort', onAbort)
  }
}

async function linksOf(
  deps: PageJobDeps,
  run: RunContext,
  page: ClaimedPage,
  audit: PageAudit,
): Promise<string[]> {
  const { result } = audit
  if (!result.ok || page.depth >= run.options.maxDepth || run.options.discovery !== 'audit') return []
  if (audit.links) return audit.links
  // The auditor could not read the links: fall back to the HTML over HTTP (one request, no second page load).
  const target = result.finalUrl ?? page.url
  await deps.limiter.wait(target, deps.abortSignal)
  const fetched = await deps.fetchText(target, { signal: deps.abortSignal }).catch(() => null)
  return fetched && isHtmlContentType(fetched.contentType)
    ? extractLinks(fetched.body, fetched.url, fetched.charset)
    : []
}

export async function runPageJob(
  deps: PageJobDeps,
  run: RunContext,
  page: ClaimedPage,
): Promise<PageJobOutcome> {
  const requeue = (why: 'aborted' | 'browser-lost'): PageJobOutcome => {
    releasePage(deps.db, page, deps.now())
    return { kind: 'requeued', why }
  }
  await deps.limiter.wait(page.url, deps.abortSignal)
  if (deps.aborting()) return requeue('aborted')
  deps.doing?.(page.id, 'working')

  const startedAt = new Date()
  const renewal = setInterval(() => renewLease(deps.db, page, deps.now(), deps.leaseMs), deps.leaseMs / 3)
  const lease = await deps.session.acquire().catch((error: unknown) => {
    clearInterval(renewal)
    throw error
  })
  deps.inFlight.add(lease)
  let outcome: Audited
  try {
    outcome = await auditWithLimits(deps, lease, run, page).catch((error: unknown): Audited => ({
      audit: {
        result: failedResult(page.url, startedAt, 'internal', `检测程序内部错误：${String(error)}`),
        links: null,
      },
    }))
    if ('timedOut' in outcome && !(await lease.closeContexts())) await deps.session.restart(lease)
  } finally {
    clearInterval(renewal)
    deps.inFlight.delete(lease)
    deps.session.release(lease)
  }
  if (deps.aborting() || 'aborted' in outcome) return requeue('aborted')

  const audit: PageAudit =
    'audit' in outcome
      ? outcome.audit
      : {
          result: failedResult(
            page.url,
            startedAt,
            'audit-timeout',
            `本页检测超过 ${Math.round(deps.pageTimeoutMs / 1000)} 秒总时限，已强制结束。`,
          ),
          links: null,
        }
  const reason = audit.result.failureReason
  const browserFailure = !audit.result.ok && reason !== undefined && browserFailures.has(reason)
  // A farm endpoint whose connection stays open while its CDP calls fail is given up here (lease lost).
  if (browserFailure && deps.verifyBrowser && !lease.lost()) await deps.session.verify(lease)
  if (browserFailure && lease.lost() && page.attempts < deps.maxAttempts) return requeue('browser-lost')

  const links = await linksOf(deps, run, page, audit)
  if (page.depth === 0 && audit.result.finalUrl) run.scope.allowOriginOf(audit.result.finalUrl)
  const discovered = nextLevel(
    run.scope,
    links,
    page.depth,
    run.options,
    new Set([page.url]),
    run.options.maxPages,
  )
  // A URL audited without a registered portal (an ad-hoc CLI audit) has its results, not findings: with no
  // portal and no responsible unit there is nothing for rectification to track.
  const portal = run.portal
  const findings = portal
    ? webFindingRows(portal.id, audit.result, deps.screenshotRoot ? runFolder(run) : undefined)
    : []
  let added = 0
  const now = deps.now()
  const recorded = completePage(deps.db, page, audit.result, now, () => {
    added = enqueuePages(deps.db, run.runId, discovered, run.options.maxPages, now)
    if (portal) insertWebFindings(deps.db, portal, run.runId, findings, now)
  })
  if (!recorded) return { kind: 'stale' }
  return { kind: 'recorded', result: audit.result, discovered: added, findings: findings.length }
}
