import fs from 'node:fs'
import path from 'node:path'
import type * as Axe from 'axe-core'
import type { AuditNode, AuditRuleResult } from '../../../../shared/web/audit-result'
import type { AuditState } from './audit-state'
import { resolveElement } from './element-lookup'
import { hashParts } from './fingerprint'
import { remaining, withTimeout } from './timing'

/**
 * Element screenshots of failing nodes, as evidence for rectification notices. Bounded per page and per rule;
 * a screenshot that fails (element gone, zero size, off-screen) is skipped, never fatal.
 */

export interface ShotTarget {
  result: AuditRuleResult
  node: AuditNode
  /** axe target, or [selector] for own checks. */
  target: Axe.UnlabelledFrameSelector
}

const SHOT_TIMEOUT_MS = 5_000
/** Larger elements are cut to their top-left part; the file stays small and still shows where the problem is. */
const MAX_W = 1600
const MAX_H = 1200
const IMPACT_ORDER = ['critical', 'serious', 'moderate', 'minor'] as const

/** Nodes worth a screenshot: failing (not needs-review) element nodes, most severe rules first. */
export function pickTargets(
  targets: readonly ShotTarget[],
  maxPerPage: number,
  maxPerRule: number,
): ShotTarget[] {
  const rank = (t: ShotTarget): number => {
    const i = IMPACT_ORDER.indexOf(t.result.impact ?? 'minor')
    return i < 0 ? IMPACT_ORDER.length : i
  }
  const perRule = new Map<string, number>()
  const picked: ShotTarget[] = []
  for (const t of [...targets].filter((t) => !t.result.needsReview).sort((a, b) => rank(a) - rank(b))) {
    const n = perRule.get(t.result.ruleId) ?? 0
    if (n >= maxPerRule || picked.length >= maxPerPage) continue
    perRule.set(t.result.ruleId, n + 1)
    picked.push(t)
  }
  return picked
}

export async function takeScreenshots(s: AuditState, targets: readonly ShotTarget[]): Promise<void> {
  const dir = s.options.screenshotDir
  if (!dir || !s.page) return
  const picked = pickTargets(targets, s.options.maxScreenshots, s.options.maxScreenshotsPerRule)
  if (picked.length === 0) return
  fs.mkdirSync(dir, { recursive: true })
  const prefix = s.options.screenshotPrefix ?? hashParts([s.url]).slice(0, 12)
  let n = 0
  for (const t of picked) {
    if (remaining(s.deadline) < 15_000 || s.abortError) return
    const handle = await resolveElement(s.page, t.target).catch(() => null)
    if (!handle) continue
    try {
      const box = await withTimeout(handle.boundingBox(), SHOT_TIMEOUT_MS, '元素位置')
      if (!box || box.width < 1 || box.height < 1) continue
      const file = `${prefix}-${t.result.ruleId}-${++n}.png`
      const clip =
        box.width > MAX_W || box.height > MAX_H
          ? { x: 0, y: 0, width: Math.min(box.width, MAX_W), height: Math.min(box.height, MAX_H) }
          : undefined
      await withTimeout(
        // The element is scrolled into view first, so capturing beyond the viewport (a full relayout) is not needed.
        handle.screenshot({
          path: path.join(dir, file) as `${string}.png`,
          captureBeyondViewport: false,
          optimizeForSpeed: true,
          ...(clip ? { clip } : {}),
        }),
        SHOT_TIMEOUT_MS,
        '元素截图',
      )
      t.node.screenshot = file
    } catch {
      // evidence is optional: the finding stands without its picture
    } finally {
      await handle.dispose().catch(() => {})
    }
  }
}
