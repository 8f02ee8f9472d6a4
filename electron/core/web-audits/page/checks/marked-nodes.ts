/// <reference lib="dom" />
import { evaluateIn } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import type { OwnRuleId } from '../../../../../shared/web/own-rules'
import { elementNode, type CheckContext, type OwnOutcome } from './own-check'

/**
 * Facts first, descriptions for the flagged few: a check's page function keeps its candidate elements in a list
 * under `key` (window.__accessAuditMarks, non-enumerable) and returns compact facts with indexes; the Node side
 * decides, then asks for the selector, snippet and fingerprint facts of the flagged indexes only. Describing every
 * link of a 5000-link portal page would cost more than the whole check.
 */

export const MARKS_PROPERTY = '__accessAuditMarks'

/** Selector, snippet and fingerprint facts of the marked elements at `indexes` (null for one that went away). */
export async function describeMarked(
  ctx: CheckContext,
  key: string,
  indexes: readonly number[],
): Promise<Map<number, DescribedNode>> {
  if (indexes.length === 0) return new Map()
  const described = await evaluateIn(
    ctx.frame,
    ctx.timeoutMs,
    (h, prop: string, k: string, wanted: number[]) => {
      const lists = (window as unknown as Record<string, Record<string, Element[]> | undefined>)[prop]
      const list = lists?.[k] ?? []
      return wanted.map((i) => {
        const el = list[i]
        return el && el.isConnected ? h.describe(el) : null
      })
    },
    MARKS_PROPERTY,
    key,
    [...indexes],
  )
  const out = new Map<number, DescribedNode>()
  indexes.forEach((i, n) => {
    const d = described[n]
    if (d) out.set(i, d)
  })
  return out
}

/** One flagged element: its index in the marked list, the rule, and the zh-CN summary of what is wrong. */
export interface Flag {
  ruleId: OwnRuleId
  i: number
  summary: string
}

/** Flags grouped into one outcome per rule, with the flagged links described. */
export async function flagsToOutcomes(
  ctx: CheckContext,
  key: string,
  flags: readonly Flag[],
  reviewRules: ReadonlySet<OwnRuleId> = new Set(),
  reviewReasons: Partial<Record<OwnRuleId, string>> = {},
): Promise<OwnOutcome[]> {
  const byRule = new Map<OwnRuleId, Flag[]>()
  for (const f of flags) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f])
  const wanted = [...byRule.values()].flatMap((fs) => fs.slice(0, ctx.maxNodes).map((f) => f.i))
  const described = await describeMarked(ctx, key, [...new Set(wanted)])
  const outcomes: OwnOutcome[] = []
  for (const [ruleId, fs] of byRule) {
    const nodes = fs
      .slice(0, ctx.maxNodes)
      .map((f) => {
        const d = described.get(f.i)
        return d ? elementNode(d, f.summary) : null
      })
      .filter((n) => n !== null)
    if (nodes.length === 0) continue
    const review = reviewRules.has(ruleId)
    outcomes.push({
      ruleId,
      needsReview: review,
      ...(review ? { reviewReason: reviewReasons[ruleId] ?? '需要人工确认。' } : {}),
      nodes,
      nodeCount: fs.length,
    })
  }
  return outcomes
}
