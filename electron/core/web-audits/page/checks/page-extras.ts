/// <reference lib="dom" />
import type { LinkedDocument, OverlayFinding } from '../../../../../shared/web/audit-result'
import { documentFormatOf, sameSite } from '../../../../../shared/web/document-types'
import {
  overlayBlockPatterns,
  overlayMatches,
  overlays,
  type OverlayEvidence,
} from '../../../../../shared/web/overlays'
import type { AuditState } from '../audit-state'
import { evaluateIn } from '../page-call'
import type { PageHelpers } from '../page-helpers'
import { withTimeout } from '../timing'
import type { CheckContext } from './own-check'
import { pageLinksOf } from './page-links'

/**
 * What a page result carries besides rule results: the accessibility overlays found on the page (information,
 * shared/web/overlays.ts) and the documents it links to (for the documents check).
 */

const found = new WeakMap<AuditState, OverlayFinding[]>()

/** Blocks the scripts of overlays that rewrite the page at load; call before navigating. */
export async function blockOverlayScripts(s: AuditState, extra: readonly string[] = []): Promise<void> {
  if (!s.cdp) return
  await withTimeout(s.cdp.send('Network.enable'), 5_000, '设置网络')
  await withTimeout(
    s.cdp.send('Network.setBlockedURLs', { urls: [...overlayBlockPatterns, ...extra] }),
    5_000,
    '设置网络',
  )
}

export function gatherOverlayEvidence(
  _h: PageHelpers,
  globals: string[],
  markers: string[],
): OverlayEvidence {
  const scripts = new Set<string>()
  for (const s of Array.from(document.scripts)) if (s.src) scripts.add(s.src)
  for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    if (e.initiatorType === 'script') scripts.add(e.name)
  const w = window as unknown as Record<string, unknown>
  const present = (selector: string): boolean => {
    try {
      return document.querySelector(selector) !== null
    } catch {
      return false
    }
  }
  return {
    scripts: [...scripts].slice(0, 500),
    globals: globals.filter((g) => typeof w[g] !== 'undefined'),
    markers: markers.filter(present),
  }
}

export async function detectOverlays(ctx: CheckContext): Promise<void> {
  const evidence = await evaluateIn(
    ctx.frame,
    ctx.timeoutMs,
    gatherOverlayEvidence,
    [...new Set(overlays.flatMap((o) => o.globals))],
    [...new Set(overlays.flatMap((o) => o.markers))],
  )
  const list: OverlayFinding[] = []
  for (const record of overlays) {
    const matches = overlayMatches(record, evidence)
    if (matches.length > 0)
      list.push({ id: record.id, name: record.name, evidence: matches, blocked: record.remediates })
  }
  found.set(ctx.state, list)
}

/** Same-site documents among the links the link check read (each once; at most 200 per page). */
export function linkedDocuments(
  pageUrl: string,
  links: ReadonlyArray<{ url: string; name: string }>,
): LinkedDocument[] {
  const seen = new Set<string>()
  const out: LinkedDocument[] = []
  for (const l of links) {
    if (!l.url || seen.has(l.url) || !sameSite(l.url, pageUrl)) continue
    const format = documentFormatOf(l.url)
    if (!format) continue
    seen.add(l.url)
    out.push({ url: l.url, text: l.name.slice(0, 200), format })
    if (out.length >= 200) break
  }
  return out
}

/** The extra fields of the page result (absent when empty). */
export function pageExtras(s: AuditState): { overlays?: OverlayFinding[]; documents?: LinkedDocument[] } {
  const overlayList = found.get(s) ?? []
  const documents = linkedDocuments(s.finalUrl ?? s.url, pageLinksOf(s))
  return {
    ...(overlayList.length > 0 ? { overlays: overlayList } : {}),
    ...(documents.length > 0 ? { documents } : {}),
  }
}
