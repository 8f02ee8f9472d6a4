import type * as Axe from 'axe-core'
import type { ElementHandle, Frame, Page } from 'puppeteer-core'
import type { AuditState } from './audit-state'
import { joinTarget, type PendingAxeNode } from './axe-results'
import { elementFingerprint, partsFingerprint, urlPath } from './fingerprint'
import { elementIn, evaluateIn } from './page-call'
import { remaining } from './timing'

/** Finds the elements behind axe targets (frame hops, shadow hops) for fingerprints and screenshots. */

const LOOKUP_TIMEOUT_MS = 10_000

/** The frame holding the element: follow every target part but the last through its iframe element. */
export async function resolveFrame(
  page: Page,
  framePath: Axe.UnlabelledFrameSelector,
): Promise<Frame | null> {
  let frame: Frame = page.mainFrame()
  for (const spec of framePath) {
    const iframe = await elementIn(
      frame,
      LOOKUP_TIMEOUT_MS,
      (h, sp: string | string[]) => h.queryDeep(sp),
      spec,
    ).catch(() => null)
    if (!iframe) return null
    const next = await iframe.contentFrame().catch(() => null)
    await iframe.dispose().catch(() => {})
    if (!next || next.detached) return null
    frame = next
  }
  return frame
}

export async function resolveElement(
  page: Page,
  target: Axe.UnlabelledFrameSelector,
): Promise<ElementHandle | null> {
  const frame = await resolveFrame(page, target.slice(0, -1))
  const leaf = target[target.length - 1]
  if (!frame || leaf === undefined) return null
  return elementIn(frame, LOOKUP_TIMEOUT_MS, (h, sp: string | string[]) => h.queryDeep(sp), leaf).catch(
    () => null,
  )
}

/** Fills in the fingerprints of axe nodes: one page call per frame. */
export async function fingerprintAxeNodes(s: AuditState, pending: readonly PendingAxeNode[]): Promise<void> {
  const byFrame = new Map<string, PendingAxeNode[]>()
  for (const p of pending) {
    const key = JSON.stringify(p.target.slice(0, -1))
    byFrame.set(key, [...(byFrame.get(key) ?? []), p])
  }
  for (const [key, group] of byFrame) {
    const fallback = (): void => {
      for (const p of group) p.node.fingerprint = partsFingerprint('selector', [joinTarget(p.target)])
    }
    if (!s.page || remaining(s.deadline) < 1_000) {
      fallback()
      continue
    }
    const framePath = JSON.parse(key) as Axe.UnlabelledFrameSelector
    const frame = await resolveFrame(s.page, framePath)
    if (!frame) {
      fallback()
      continue
    }
    const specs = group.map((p) => p.target[p.target.length - 1] as string | string[])
    const facts = await evaluateIn(
      frame,
      LOOKUP_TIMEOUT_MS,
      (h, list: Array<string | string[]>) =>
        list.map((sp) => {
          const el = h.queryDeep(sp)
          return el ? h.facts(el) : null
        }),
      specs,
    ).catch(() => null)
    const scope = framePath.length > 0 ? urlPath(frame.url()) || frame.url() : ''
    group.forEach((p, i) => {
      const f = facts?.[i]
      p.node.fingerprint = f
        ? elementFingerprint(f, scope)
        : partsFingerprint('selector', [joinTarget(p.target)])
    })
  }
}
