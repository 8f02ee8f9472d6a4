/// <reference lib="dom" />
import { wcagFigures } from '../../../../../shared/web/own-rules'
import type { BlockedNavigation } from '../audit-state'
import { partsFingerprint, urlPath } from '../fingerprint'
import { evaluateIn } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { remaining } from '../timing'
import { elementNode, type CheckContext, type OwnNode, type OwnOutcome } from './own-check'
import { readRedirectTimers, waitForTimersMs, type RedirectTimer } from './redirect-timers'

/**
 * aa-timed-refresh: timed refreshes and redirects — <meta http-equiv="refresh" content="N; url=…">, the HTTP
 * Refresh header, and redirects the page's scripts start by themselves after loading (the pipeline blocks those
 * and records them, see page-session.ts; redirect-timers.ts sees them coming).
 */

/** Timed redirects due this soon are waited for, so they are observed rather than guessed. */
const WATCH_MS = 5_000

export interface RefreshSpec {
  delay: number
  url: string | null
}

/** Parses "5; url=/next" (the HTML refresh syntax, lenient like browsers); null when it is not a refresh. */
export function parseRefresh(content: string): RefreshSpec | null {
  const m = /^\s*(\d+(?:\.\d*)?)\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$/i.exec(content)
  if (!m) return null
  const url = (m[2] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2')
  return { delay: Math.floor(Number(m[1])), url: url || null }
}

/** A delay that counts as a timed refresh: more than 0 s (0 is an immediate redirect) and at most 20 hours. */
export function isTimedRefresh(spec: RefreshSpec): boolean {
  return spec.delay > 0 && spec.delay <= wcagFigures.refreshExemptSeconds
}

function describeRefresh(spec: RefreshSpec): string {
  return spec.url ? `页面 ${spec.delay} 秒后自动跳转到 ${spec.url}` : `页面每 ${spec.delay} 秒自动刷新`
}

/** Redirects the page started by itself (while left alone, or when a recorded timer had fired). */
export function observedRedirectNodes(blocked: readonly BlockedNavigation[], timerFired = false): OwnNode[] {
  return blocked
    .filter((b) => b.phase === 'passive' || timerFired)
    .slice(0, 5)
    .map((b) => ({
      selector: 'html',
      html: `location → ${b.url}`,
      fingerprint: partsFingerprint('timed-redirect', [urlPath(b.url)]),
      failureSummary: `页面加载约 ${Math.max(0, Math.round(b.afterMs / 1000))} 秒后由脚本自动跳转到 ${b.url}`,
    }))
}

export async function checkTimedRefresh(ctx: CheckContext): Promise<OwnOutcome[]> {
  const metas: Array<{ node: DescribedNode; content: string }> = await evaluateIn(
    ctx.frame,
    ctx.timeoutMs,
    (h) =>
      Array.from(document.querySelectorAll('meta[http-equiv]'))
        .filter((m) => (m.getAttribute('http-equiv') ?? '').trim().toLowerCase() === 'refresh')
        .map((m) => ({ node: h.describe(m), content: m.getAttribute('content') ?? '' })),
  )
  const nodes: OwnNode[] = []
  for (const meta of metas) {
    const spec = parseRefresh(meta.content)
    if (spec && isTimedRefresh(spec)) nodes.push(elementNode(meta.node, describeRefresh(spec)))
  }
  const header = ctx.state.headers['refresh']
  const headerSpec = header ? parseRefresh(header) : null
  if (header && headerSpec && isTimedRefresh(headerSpec))
    nodes.push({
      selector: 'HTTP 响应头 Refresh',
      html: `Refresh: ${header.slice(0, 200)}`,
      fingerprint: partsFingerprint('refresh-header', [headerSpec.url ?? '']),
      failureSummary: describeRefresh(headerSpec),
    })
  if (nodes.length > 0) return [{ ruleId: 'aa-timed-refresh', needsReview: false, nodes }]
  // No declared refresh: a blocked navigation came from a script.
  return scriptRedirects(ctx)
}

function timerNode(t: RedirectTimer): OwnNode {
  return {
    selector: 'html',
    html: t.source,
    fingerprint: partsFingerprint('redirect-timer', [t.kind, String(t.delayMs)]),
    failureSummary: `页面脚本设置了 ${Number((t.delayMs / 1000).toFixed(1))} 秒后的自动跳转`,
  }
}

async function scriptRedirects(ctx: CheckContext): Promise<OwnOutcome[]> {
  const { state } = ctx
  let timers = await evaluateIn(ctx.frame, ctx.timeoutMs, readRedirectTimers).catch(() => [])
  const wait = Math.min(waitForTimersMs(timers, WATCH_MS), remaining(state.deadline) - 5_000)
  const redirected = (): boolean => state.blockedNavigations.some((b) => b.phase === 'passive')
  if (wait > 0 && !redirected()) {
    // Until the redirect is seen (and blocked), at most until the page's own timer is due.
    await state.changes.until(redirected, Date.now() + wait)
    timers = await evaluateIn(ctx.frame, ctx.timeoutMs, readRedirectTimers).catch(() => timers)
  }
  const observed = observedRedirectNodes(
    state.blockedNavigations,
    timers.some((t) => t.dueInMs <= 0),
  )
  if (observed.length > 0) return [{ ruleId: 'aa-timed-refresh', needsReview: false, nodes: observed }]
  if (timers.length === 0) return []
  return [
    {
      ruleId: 'aa-timed-refresh',
      needsReview: true,
      reviewReason: '页面脚本设置了定时跳转，但检测期间未发生（可能有条件或时间较长），请人工确认。',
      nodes: timers.slice(0, 5).map(timerNode),
    },
  ]
}
