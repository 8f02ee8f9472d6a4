/// <reference lib="dom" />
import { wcagFigures } from '../../../../../shared/web/own-rules'
import { evaluateIn } from '../page-call'
import type { DescribedNode } from '../page-helpers'
import { elementNode, type CheckContext, type OwnOutcome } from './own-check'

/**
 * aa-autoplay-media: audio or video that starts by itself with sound for more than 3 s and offers no way to pause,
 * stop or mute it. WCAG 1.4.2's exceptions, as axe's no-autoplay-audio applies them: no source, muted (or a
 * `paused` / `muted` attribute), a playable range (#t=…) of 3 s or less, `controls`, and here also a nearby pause /
 * stop / mute button of the page's own player and video that carries no audio. Where axe can only ask for review
 * (a video whose audio cannot be known yet), so does this check.
 */

export interface MediaFacts {
  /** 'audio' or 'video'. */
  kind?: 'audio' | 'video'
  autoplay: boolean
  paused: boolean
  muted: boolean
  volume: number
  /** Seconds; null when unknown (not loaded), -1 for a live stream. */
  duration: number | null
  loop: boolean
  controls: boolean
  /** The element has a source it plays (currentSrc); default true. */
  hasSource?: boolean
  /** A `paused` attribute (axe's no-autoplay-audio treats it as not playing). */
  pausedAttribute?: boolean
  /** The #t=start[,end] media fragment of the source, in seconds. */
  range?: [number] | [number, number] | null
  /** Audio decoded so far: true, false (a video playing with no audio bytes), or null (unknown). */
  hasAudio?: boolean | null
  /** A pause / stop / mute button of the page's own player near the element. */
  customControl?: boolean
}

export type MediaVerdict = 'pass' | 'fail' | 'review'

/** The #t= media fragment of a URL: [start] or [start, end] in seconds; null when none. */
export function mediaRange(url: string): [number] | [number, number] | null {
  const m = /#t=([^&]*)/.exec(url)
  if (!m) return null
  const parts = (m[1] ?? '').split(',').map((p) => Number(p.replace(/^npt:/, '')))
  if (parts.some((n) => !Number.isFinite(n))) return null
  return parts.length >= 2 ? [parts[0] as number, parts[1] as number] : [parts[0] as number]
}

/** Seconds the element plays: its range, else its whole duration (axe, without the time already played). */
export function playableSeconds(m: MediaFacts): number | null {
  if (m.duration === null) return null
  if (m.duration === -1) return Infinity
  const r = m.range
  if (!r) return m.duration
  return r.length === 1 ? Math.abs(m.duration - r[0]) : Math.abs(r[1] - r[0])
}

export function autoplayVerdict(m: MediaFacts): MediaVerdict {
  if (m.hasSource === false || m.pausedAttribute) return 'pass'
  const starts = m.autoplay || !m.paused
  const audible = !m.muted && m.volume > 0
  if (!starts || !audible || m.controls || m.customControl || m.hasAudio === false) return 'pass'
  const unsureAudio = m.kind === 'video' && m.hasAudio !== true
  if (m.loop) return unsureAudio ? 'review' : 'fail'
  const seconds = playableSeconds(m)
  if (seconds === null) return 'review'
  if (seconds <= wcagFigures.autoplayMaxSeconds) return 'pass'
  return unsureAudio ? 'review' : 'fail'
}

export async function checkAutoplayMedia(ctx: CheckContext): Promise<OwnOutcome[]> {
  const facts = await evaluateIn(ctx.frame, ctx.timeoutMs, (h) =>
    Array.from(document.querySelectorAll('audio, video'))
      .slice(0, 200)
      .map((el) => {
        const m = el as HTMLMediaElement
        const d = m.duration
        const decoded = (m as HTMLMediaElement & { webkitAudioDecodedByteCount?: number })
          .webkitAudioDecodedByteCount
        const playedAWhile = !m.paused && m.currentTime > 0.5
        const controlWords = /暂停|停止|静音|关闭声音|音量|pause|stop|mute|volume|sound/i
        let customControl = false
        for (let scope = el.parentElement, depth = 0; scope && !customControl && depth < 3; depth++) {
          customControl = Array.from(scope.querySelectorAll('button, a, [role=button], input[type=button]'))
            .slice(0, 30)
            .some((c) =>
              controlWords.test(
                `${c.getAttribute('aria-label') ?? ''} ${c.getAttribute('title') ?? ''} ${c.textContent ?? ''} ${(c as HTMLInputElement).value ?? ''}`,
              ),
            )
          scope = scope.parentElement
        }
        const src = m.currentSrc
        const t = /#t=([^&]*)/.exec(src)?.[1]
        const range = t ? t.split(',').map((p) => Number(p.replace(/^npt:/, ''))) : null
        const media: MediaFacts = {
          kind: el.localName === 'video' ? 'video' : 'audio',
          autoplay: m.autoplay,
          paused: m.paused,
          muted: m.muted || m.hasAttribute('muted'),
          volume: m.volume,
          duration: Number.isNaN(d) ? null : d === Infinity ? -1 : d,
          loop: m.loop,
          controls: m.controls,
          hasSource: !!src,
          pausedAttribute: m.hasAttribute('paused'),
          range:
            range && range.every((n) => Number.isFinite(n))
              ? (range.slice(0, 2) as [number] | [number, number])
              : null,
          hasAudio:
            el.localName === 'audio'
              ? true
              : typeof decoded === 'number' && decoded > 0
                ? true
                : typeof decoded === 'number' && playedAWhile
                  ? false
                  : null,
          customControl,
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
      reviewReason: `媒体会自动播放、未静音、没有播放控件，但无法确认时长或是否有声音，请人工确认是否会自动播放超过 ${seconds} 秒的声音。`,
      nodes: review.map((f) =>
        elementNode(
          f.node,
          f.media.duration === null
            ? '自动播放的媒体，时长未知，且没有播放控件'
            : '自动播放的视频，尚无法确认是否有声音，且没有播放控件',
        ),
      ),
    })
  return outcomes
}
