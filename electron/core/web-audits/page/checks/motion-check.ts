/// <reference lib="dom" />
import sharp from 'sharp'
import { wcagFigures } from '../../../../../shared/web/own-rules'
import type { AuditState } from '../audit-state'
import { evaluateIn } from '../page-call'
import type { PageHelpers } from '../page-helpers'
import { withTimeout } from '../timing'
import { flagsToOutcomes, MARKS_PROPERTY, type Flag } from './marked-nodes'
import type { CheckContext, OwnOutcome } from './own-check'

/**
 * aa-motion-no-pause (WCAG 2.2.2): moving content that starts by itself, lasts more than 5 s and offers no pause.
 * - Animated images: the GIF / WebP / APNG bytes come from the browser's own copy (CDP Page.getResourceContent,
 *   no new request); frame delays and loop count give the duration.
 * - Carousels and tickers: a snapshot of their position at the start of the own checks is compared at the end
 *   (movement seen → violation); a running Swiper or Bootstrap carousel is known to advance by itself. Signs only
 *   (an auto-advance timer, an infinite CSS animation) give needs-review.
 * A pause / stop / play control near the element exempts it.
 */

export interface MotionImage {
  i: number
  url: string
  width: number
  height: number
  hasControl: boolean
}

export interface MovingCandidate {
  i: number
  kind: 'carousel' | 'ticker'
  /** Position signature (scroll offsets, transforms, active slide). */
  signature: string
  /** A carousel library reports that it advances by itself. */
  autoplay: boolean
  hasControl: boolean
}

export interface MotionStart {
  images: MotionImage[]
  moving: MovingCandidate[]
  /** Repeating 1–10 s timers the page registered (the redirect probe records them). */
  intervals: number
  /** Elements with an infinite (or longer than 5 s) CSS animation, no pause control nearby. */
  animations: number[]
}

const MARK_KEY = 'motion'
const started = new WeakMap<AuditState, MotionStart>()

export function startMotion(_h: PageHelpers, prop: string, key: string, maxMs: number): MotionStart {
  const w = window as unknown as Record<string, unknown>
  if (!w[prop]) Object.defineProperty(w, prop, { value: {}, enumerable: false })
  const marked: Element[] = []
  ;(w[prop] as Record<string, Element[]>)[key] = marked
  const shown = (el: Element): boolean =>
    typeof (el as HTMLElement).checkVisibility === 'function'
      ? (el as HTMLElement).checkVisibility({ visibilityProperty: true, opacityProperty: true })
      : el.getClientRects().length > 0
  const controlWords = /暂停|停止|播放|pause|stop|play/i
  const hasControl = (el: Element): boolean => {
    let scope: Element | null = el
    for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
      for (const c of Array.from(
        scope.querySelectorAll('a, button, [role=button], input[type=button], [onclick]'),
      ).slice(0, 60)) {
        const label = `${c.getAttribute('aria-label') ?? ''} ${c.getAttribute('title') ?? ''} ${(c as HTMLInputElement).value ?? ''} ${c.textContent ?? ''} ${c.getAttribute('class') ?? ''}`
        if (controlWords.test(label)) return true
      }
    }
    return false
  }
  const out: MotionStart = { images: [], moving: [], intervals: 0, animations: [] }
  for (const img of Array.from(document.images).slice(0, 500)) {
    const src = img.currentSrc || img.src
    if (!src || !/\.(gif|webp|png|apng)(\?|#|$)|^data:image\/(gif|webp|png)/i.test(src)) continue
    const r = img.getBoundingClientRect()
    if (r.width < 48 || r.height < 48 || !shown(img)) continue
    out.images.push({
      i: marked.push(img) - 1,
      url: src,
      width: Math.round(r.width),
      height: Math.round(r.height),
      hasControl: hasControl(img),
    })
    if (out.images.length >= 12) break
  }
  const signature = (el: Element): string => {
    const parts: string[] = [`${el.scrollLeft},${el.scrollTop}`]
    let node: Element | null = el.firstElementChild
    for (let depth = 0; node && depth < 3; depth++, node = node.firstElementChild) {
      const cs = getComputedStyle(node)
      parts.push(
        `${cs.transform}|${cs.left}|${cs.top}|${cs.marginLeft}|${cs.marginTop}|${node.scrollLeft},${node.scrollTop}`,
      )
    }
    const active = Array.from(el.querySelectorAll('[class*="active"], [class*="current"], .on, .cur')).slice(
      0,
      3,
    )
    parts.push(active.map((a) => Array.from(a.parentElement?.children ?? []).indexOf(a)).join(','))
    return parts.join(';')
  }
  // The end of the watch reads positions the same way (a page function cannot share code with another).
  Object.defineProperty(w[prop] as object, `${key}:signature`, { value: signature, configurable: true })
  const carouselName =
    /swiper|slick|carousel|slide|banner|focus|lunbo|roll|hdp|jdt|flash|ppt|scroll|marquee|notice|gundong|gd/i
  const seen = new Set<Element>()
  for (const el of Array.from(document.querySelectorAll('div, ul, section, ol')).slice(0, 6000)) {
    if (out.moving.length >= 20) break
    const id = `${el.id} ${el.getAttribute('class') ?? ''}`
    const cs = getComputedStyle(el)
    const clipped = /hidden|clip/.test(cs.overflowX + cs.overflowY)
    const ticker = clipped && (el.scrollHeight > el.clientHeight + 4 || el.scrollWidth > el.clientWidth + 4)
    const carousel = carouselName.test(id) && el.querySelectorAll('img, li, a').length >= 2
    if (!ticker && !carousel) continue
    const r = el.getBoundingClientRect()
    if (r.width < 100 || r.height < 20 || !shown(el)) continue
    if (Array.from(seen).some((s) => s.contains(el))) continue
    seen.add(el)
    const instance = (el as unknown as { swiper?: { autoplay?: { running?: boolean } } }).swiper
    const ride = el.getAttribute('data-ride') ?? el.getAttribute('data-bs-ride')
    const interval = el.getAttribute('data-interval') ?? el.getAttribute('data-bs-interval')
    const slick = (el as unknown as { slick?: { options?: { autoplay?: boolean } } }).slick
    out.moving.push({
      i: marked.push(el) - 1,
      kind: carousel ? 'carousel' : 'ticker',
      signature: signature(el),
      autoplay:
        instance?.autoplay?.running === true ||
        (ride === 'carousel' && interval !== 'false') ||
        slick?.options?.autoplay === true,
      hasControl: hasControl(el),
    })
  }
  out.intervals = ((w.__accessAuditIntervals as number[] | undefined) ?? []).length
  for (const a of typeof document.getAnimations === 'function'
    ? document.getAnimations().slice(0, 200)
    : []) {
    const effect = a.effect as KeyframeEffect | null
    const target = effect?.target
    if (!target || a.playState !== 'running' || out.animations.length >= 10) continue
    const timing = effect.getComputedTiming()
    const total = timing.iterations === Infinity ? Infinity : Number(timing.endTime ?? 0)
    const r = target.getBoundingClientRect()
    if (total <= maxMs || r.width < 48 || r.height < 20 || !shown(target) || hasControl(target)) continue
    if (!marked.includes(target)) out.animations.push(marked.push(target) - 1)
  }
  return out
}

/** The signatures now (same order as the start's candidates); '' for one gone from the page. */
export function readSignatures(_h: PageHelpers, prop: string, key: string, indexes: number[]): string[] {
  const store = (window as unknown as Record<string, Record<string, unknown> | undefined>)[prop]
  const list = (store?.[key] ?? []) as Element[]
  const signature = store?.[`${key}:signature`] as ((el: Element) => string) | undefined
  return indexes.map((i) => {
    const el = list[i]
    return el && el.isConnected && signature ? signature(el) : ''
  })
}

export interface AnimationTiming {
  frames: number
  /** Milliseconds of one play-through. */
  cycleMs: number
  /** Plays in all (Infinity for endless loops). */
  plays: number
}

/** Browsers show frame delays of 10 ms or less as 100 ms. */
const frameMs = (d: number): number => (d <= 10 ? 100 : d)

/** Frames, cycle and plays of an animated GIF, WebP or APNG; null when it is not animated or unreadable. */
export async function animationTiming(bytes: Buffer): Promise<AnimationTiming | null> {
  const apng = apngTiming(bytes)
  if (apng) return apng
  try {
    const meta = await sharp(bytes, { animated: true, limitInputPixels: 50_000_000 }).metadata()
    const frames = meta.pages ?? 1
    if (frames < 2) return null
    const delays = meta.delay ?? []
    const cycleMs = Array.from({ length: frames }, (_, k) => frameMs(delays[k] ?? 100)).reduce(
      (a, b) => a + b,
      0,
    )
    return { frames, cycleMs, plays: !meta.loop ? Infinity : meta.loop }
  } catch {
    return null
  }
}

/** APNG: the acTL chunk (frames, plays; 0 = endless) and the fcTL delays (delay_num / delay_den s). */
export function apngTiming(bytes: Buffer): AnimationTiming | null {
  if (bytes.length < 16 || bytes.readUInt32BE(0) !== 0x89504e47) return null
  let frames = 0
  let plays = 0
  let cycleMs = 0
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    const data = at + 8
    if (data + length > bytes.length) break
    if (type === 'acTL' && length >= 8) {
      frames = bytes.readUInt32BE(data)
      plays = bytes.readUInt32BE(data + 4)
    } else if (type === 'fcTL' && length >= 26) {
      const num = bytes.readUInt16BE(data + 20)
      const den = bytes.readUInt16BE(data + 22) || 100
      cycleMs += frameMs((num / den) * 1000)
    } else if (type === 'IDAT' && frames === 0) return null
    at = data + length + 4
  }
  return frames >= 2 ? { frames, cycleMs, plays: plays === 0 ? Infinity : plays } : null
}

/** Moves for longer than the 2.2.2 limit. */
export function movesTooLong(t: AnimationTiming, maxMs = wcagFigures.motionMaxSeconds * 1000): boolean {
  return t.plays === Infinity ? t.cycleMs > 0 : t.cycleMs * t.plays > maxMs
}

export async function checkMotionStart(ctx: CheckContext): Promise<OwnOutcome[]> {
  const facts = await evaluateIn(
    ctx.frame,
    ctx.timeoutMs,
    startMotion,
    MARKS_PROPERTY,
    MARK_KEY,
    wcagFigures.motionMaxSeconds * 1000,
  )
  started.set(ctx.state, facts)
  return []
}

async function imageBytes(ctx: CheckContext, url: string): Promise<Buffer | null> {
  const cdp = ctx.state.cdp
  if (!cdp) return null
  try {
    // The resource agent must be on in this session; it still has what loaded before.
    await withTimeout(cdp.send('Page.enable'), 2_000, '读取框架')
    const tree = (await withTimeout(cdp.send('Page.getFrameTree'), 2_000, '读取框架')) as {
      frameTree: { frame: { id: string } }
    }
    const res = (await withTimeout(
      cdp.send('Page.getResourceContent', { frameId: tree.frameTree.frame.id, url }),
      3_000,
      '读取图片',
    )) as { content: string; base64Encoded: boolean }
    const buf = Buffer.from(res.content, res.base64Encoded ? 'base64' : 'utf8')
    return buf.length <= 8 * 1024 * 1024 ? buf : null
  } catch {
    return null
  }
}

export async function checkMotionEnd(ctx: CheckContext): Promise<OwnOutcome[]> {
  const start = started.get(ctx.state)
  if (!start) return []
  const fail: Flag[] = []
  const review: Flag[] = []
  for (const img of start.images) {
    if (img.hasControl) continue
    const bytes = img.url.startsWith('data:')
      ? Buffer.from(img.url.slice(img.url.indexOf(',') + 1), 'base64')
      : await imageBytes(ctx, img.url)
    const timing = bytes ? await animationTiming(bytes) : null
    if (timing && movesTooLong(timing))
      fail.push({
        ruleId: 'aa-motion-no-pause',
        i: img.i,
        summary: `动图共 ${timing.frames} 帧，每轮 ${(timing.cycleMs / 1000).toFixed(1)} 秒，${timing.plays === Infinity ? '无限循环' : `播放 ${timing.plays} 轮`}，没有暂停方法`,
      })
  }
  const now = await evaluateIn(
    ctx.frame,
    ctx.timeoutMs,
    readSignatures,
    MARKS_PROPERTY,
    MARK_KEY,
    start.moving.map((m) => m.i),
  )
  start.moving.forEach((m, k) => {
    if (m.hasControl) return
    const moved = now[k] !== '' && now[k] !== m.signature
    const what = m.kind === 'carousel' ? '轮播' : '滚动内容'
    if (moved || m.autoplay)
      fail.push({
        ruleId: 'aa-motion-no-pause',
        i: m.i,
        summary: `${what}${moved ? '在检测期间自动切换或滚动' : '设置为自动播放'}，找不到暂停或停止按钮`,
      })
    else if (m.kind === 'carousel' && start.intervals > 0)
      review.push({
        ruleId: 'aa-motion-no-pause',
        i: m.i,
        summary: `页面有定时重复执行的脚本，${what}可能自动切换，找不到暂停或停止按钮`,
      })
  })
  for (const i of start.animations)
    review.push({
      ruleId: 'aa-motion-no-pause',
      i,
      summary: 'CSS 动画持续时间超过 5 秒或无限循环，附近找不到暂停按钮',
    })
  return [
    ...(await flagsToOutcomes(ctx, MARK_KEY, fail)),
    ...(await flagsToOutcomes(ctx, MARK_KEY, review, new Set(['aa-motion-no-pause']), {
      'aa-motion-no-pause':
        '无法确认这些内容是否会自动移动超过 5 秒；请观察页面 10 秒左右：会自动切换或移动的，须提供可用键盘操作的暂停、停止或隐藏方法。',
    })),
  ]
}
