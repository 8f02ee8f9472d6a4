/// <reference lib="dom" />
import { evaluateIn } from '../page-call'
import type { PageHelpers } from '../page-helpers'
import { flagsToOutcomes, MARKS_PROPERTY, type Flag } from './marked-nodes'
import type { CheckContext, OwnOutcome } from './own-check'

/**
 * aa-img-alt-filename (an alt that is a file name, WCAG failure F30) and aa-img-alt-title (alt="" on an image
 * whose title says something the page does not say elsewhere). Facts in the page, decisions here.
 */

export interface ImageFacts {
  i: number
  /** null when the attribute is absent (axe's image-alt handles that). */
  alt: string | null
  title: string
  /** File name of the image source, decoded ('' for data: URLs). */
  file: string
  /** Text around the image: its link or button, figure caption and parent element. */
  nearText: string
}

const MARK_KEY = 'images'

export function gatherImages(_h: PageHelpers, prop: string, key: string): ImageFacts[] {
  const w = window as unknown as Record<string, Record<string, Element[]> | undefined>
  if (!w[prop]) Object.defineProperty(w, prop, { value: {}, enumerable: false })
  const marked: Element[] = []
  ;(w[prop] as Record<string, Element[]>)[key] = marked
  const squash = (t: string | null | undefined): string => (t ?? '').replace(/\s+/g, ' ').trim()
  const out: ImageFacts[] = []
  for (const el of Array.from(document.querySelectorAll('img, input[type=image], area[alt]')).slice(
    0,
    2000,
  )) {
    if (el.localName !== 'area') {
      const shown =
        typeof (el as HTMLElement).checkVisibility === 'function'
          ? (el as HTMLElement).checkVisibility({ visibilityProperty: true })
          : el.getClientRects().length > 0
      if (!shown) continue
    }
    if (el.closest('[aria-hidden="true"]')) continue
    const role = el.getAttribute('role')
    if (role === 'presentation' || role === 'none') continue
    const src =
      el.localName === 'area'
        ? (el as HTMLAreaElement).href
        : (el as HTMLImageElement).currentSrc || (el as HTMLImageElement).src || ''
    let file = ''
    if (src && !src.startsWith('data:')) {
      try {
        file = decodeURIComponent(new URL(src).pathname.split('/').pop() ?? '')
      } catch {
        file = ''
      }
    }
    const holder = el.closest('a, button')
    const figure = el.closest('figure')
    const near = [
      holder ? (holder as HTMLElement).innerText : '',
      figure?.querySelector('figcaption')?.textContent ?? '',
      el.parentElement ? (el.parentElement as HTMLElement).innerText : '',
    ]
    out.push({
      i: marked.push(el) - 1,
      alt: el.getAttribute('alt'),
      title: squash(el.getAttribute('title')),
      file,
      nearText: squash(near.join(' ')).slice(0, 400),
    })
  }
  return out
}

const IMAGE_EXT = /\.(jpe?g|png|gif|bmp|webp|svg|tiff?|ico|jfif|heic)$/i
/** Names cameras, phones, editors and chat apps give files. */
const GENERATED_NAME =
  /^(img|dsc|dscn|dscf|dcim|pict|imag|mvimg|pxl|sam|photo|screenshot|screen ?shot|snap|image|pic|wx_camera|mmexport)[-_ ]?\d{2,}|^(微信图片|微信截图|qq图片|qq截图|截图|屏幕截图|未标题|无标题|untitled)[-_ ]?\d*/i

/** The alt is a file name: an image extension, the source's own file name, or a generated camera / editor name. */
export function altIsFileName(alt: string, file: string): boolean {
  const text = alt.trim()
  if (!text) return false
  if (IMAGE_EXT.test(text)) return true
  if (GENERATED_NAME.test(text)) return true
  if (
    /^\d{8,}$/.test(text) ||
    /^[0-9a-f]{16,}$/i.test(text) ||
    /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(text)
  )
    return true
  if (!file) return false
  // The source's own name counts only when it looks like a file name (digits, _ or -), not a word such as "logo".
  const base = file.replace(/\.[a-z0-9]{2,5}$/i, '')
  return base.length >= 3 && /[\d_-]/.test(base) && text.toLowerCase() === base.toLowerCase()
}

const strip = (t: string): string => t.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')

/** How much of the title the surrounding text says: 'all', 'part' (half its characters or more) or 'none'. */
export function titleCoverage(title: string, nearText: string): 'all' | 'part' | 'none' {
  const t = strip(title)
  const near = strip(nearText)
  if (!t || near.includes(t)) return 'all'
  const chars = [...t]
  const shared = chars.filter((c) => near.includes(c)).length
  return shared * 2 >= chars.length ? 'part' : 'none'
}

export function imageFlags(images: readonly ImageFacts[]): { fail: Flag[]; review: Flag[] } {
  const fail: Flag[] = []
  const review: Flag[] = []
  for (const img of images) {
    if (img.alt !== null && altIsFileName(img.alt, img.file))
      fail.push({
        ruleId: 'aa-img-alt-filename',
        i: img.i,
        summary: `替代文本“${img.alt.trim().slice(0, 40)}”是文件名，不能说明图片内容`,
      })
    if (img.alt !== null && img.alt.trim() === '' && img.title) {
      const coverage = titleCoverage(img.title, img.nearText)
      const flag = {
        ruleId: 'aa-img-alt-title' as const,
        i: img.i,
        summary: `alt 为空（读屏软件跳过该图片），但 title 为“${img.title.slice(0, 40)}”`,
      }
      if (coverage === 'none') fail.push(flag)
      else if (coverage === 'part') review.push(flag)
    }
  }
  return { fail, review }
}

export async function checkImages(ctx: CheckContext): Promise<OwnOutcome[]> {
  const facts = await evaluateIn(ctx.frame, ctx.timeoutMs, gatherImages, MARKS_PROPERTY, MARK_KEY)
  const { fail, review } = imageFlags(facts)
  return [
    ...(await flagsToOutcomes(ctx, MARK_KEY, fail)),
    ...(await flagsToOutcomes(ctx, MARK_KEY, review, new Set(['aa-img-alt-title']), {
      'aa-img-alt-title':
        'title 的内容在图片附近只出现了一部分：若图片传达了附近文字没有的信息，请把它写进 alt；若是装饰图片，请删去 title。',
    })),
  ]
}
