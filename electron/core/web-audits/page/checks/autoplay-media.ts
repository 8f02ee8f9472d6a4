/// <reference lib="dom" />
import { wcagFigures } from '../../../../../shared/web/own-rules'
import { evaluateIn } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { elementNode, type CheckContext, type OwnOutcome } from './own-check'

/** aa-autoplay-media: audio or video that starts by itself with sound for more than 3 s and offers no controls. */

export interface MediaFacts {
  autoplay: boolean
  paused: boolean
  muted: boolean
  volume: number
  /** Seconds; null when unknown (not loaded), -1 for a live stream. */
  duration: number | null
  loop: boolean
  controls: boolean
}

export type MediaVerdict = 'pass' | 'fail' | 'review'

export function autoplayVerdict(m: MediaFacts): MediaVerdict {
  const starts = m.autoplay || !m.paused
  const audible = !m.muted && m.volume > 0
  if (!starts || !audible || m.controls) return 'pass'
  if (m.duration === null) return 'review'
  if (m.duration === -1 || m.loop || m.duration > wcagFigures.autoplayMaxSeconds) return 'fail'
  return 'pass'
}

export async function checkAutoplayMedia(ctx: CheckContext): Promise<OwnOutcome[]> {
  const facts = await evaluateIn(ctx.frame, ctx.timeoutMs, (h) =>
    Array.from(document.querySelectorAll('audio, video'))
      .slice(0, 200)
      .map((el) => {
        const m = el as HTMLMediaElement
        const d = m.duration
        const media: MediaFacts = {
          autoplay: m.autoplay,
          paused: m.paused,
          muted: m.muted || m.hasAttribute('muted'),
          volume: m.volume,
          duration: Number.isNaN(d) ? null : d === Infinity ? -1 : d,
          loop: m.loop,
          controls: m.controls,
        }
        const node: DescribedNode = h.describe(el)
        return { node, media }
      }),
  )
  const fail = facts.filter((f) => autoplayVerdict(f.media) === 'fail')
  const review = facts.filter((f) => autoplayVerdict(f.media) === 'review')
  const seconds = wcagFigures.autoplayMaxSeconds
  const outcomes: OwnOutcome[] = []
  if (fail.length > 0)
    outcomes.push({
      ruleId: 'aa-autoplay-media',
      needsReview: false,
      nodes: fail.map((f) =>
        elementNode(
          f.node,
          `自动播放有声媒体（${f.media.duration === -1 ? '直播' : `时长 ${Math.round(f.media.duration ?? 0)} 秒`}${f.media.loop ? '，循环播放' : ''}），且没有播放控件`,
        ),
      ),
    })
  if (review.length > 0)
    outcomes.push({
      ruleId: 'aa-autoplay-media',
      needsReview: true,
      reviewReason: `媒体设置了自动播放且未静音、没有播放控件，但无法获得时长，请人工确认是否会自动播放超过 ${seconds} 秒的声音。`,
      nodes: review.map((f) => elementNode(f.node, '自动播放有声媒体，时长未知，且没有播放控件')),
    })
  return outcomes
}
