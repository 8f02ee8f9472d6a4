/// <reference lib="dom" />
import type { Page } from 'puppeteer-core'

/**
 * Checks a screen the way a low-vision user at 200 % zoom or the largest text would meet it: no page-wide
 * horizontal scrolling, no control overlapping another, and no control hidden (off the page, clipped, or covered by
 * something else when scrolled to). Returns the problems found, in words; [] when the screen is usable.
 */
export function layoutProblems(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((scopeSelector) => {
    const problems: string[] = []
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollWidth > window.innerWidth + 1)
      problems.push(`page scrolls sideways: ${root.scrollWidth}px wide in a ${window.innerWidth}px window`)

    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}”`
    // What a user sees and operates for each focusable thing (a hidden radio's label, a select's box, a file
    // input's button).
    const target = (el: Element): Element => {
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox'))
        return el.closest('label') ?? el
      if (el.classList.contains('aa-file-input')) return el.nextElementSibling ?? el
      return el.closest('.ant-select') ?? el
    }
    // With a dialog open, the dialog is what the user can operate (the page behind it is covered on purpose).
    const within = document.querySelector(scopeSelector) ?? document.body
    const candidates = within.querySelectorAll(
      'a[href], button, input:not([type="hidden"]), textarea, [role="combobox"], [tabindex="0"]',
    )
    const targets = [...new Set(Array.from(candidates).map(target))].filter((el) => {
      if (el.closest('[aria-hidden="true"], .aa-visually-hidden, .aa-skip-link')) return false
      const rect = el.getBoundingClientRect()
      return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden'
    })
    // A control inside a box that scrolls (a wide table at 200 %) is reached by scrolling that box: the box is
    // what must fit the page. A box that clips (overflow hidden) must hold the whole control.
    const placeOf = (el: Element): Element => {
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node)
        const overflow = `${style.overflowX} ${style.overflowY}`
        if (/auto|scroll/.test(overflow)) return node
        if (/hidden|clip/.test(overflow)) {
          const box = node.getBoundingClientRect()
          const r = el.getBoundingClientRect()
          if (
            r.left < box.left - 1 ||
            r.right > box.right + 1 ||
            r.top < box.top - 1 ||
            r.bottom > box.bottom + 1
          )
            problems.push(`${describe(el)} is cut off by ${describe(node)}`)
        }
      }
      return el
    }
    const rects = targets.map((el) => {
      const r = el.getBoundingClientRect()
      return {
        el,
        left: r.left + scrollX,
        top: r.top + scrollY,
        right: r.right + scrollX,
        bottom: r.bottom + scrollY,
      }
    })
    for (const r of rects) {
      const place = placeOf(r.el).getBoundingClientRect()
      if (place.left + scrollX < -1 || place.right + scrollX > root.scrollWidth + 1)
        problems.push(`${describe(r.el)} is outside the page`)
    }
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!
        const b = rects[j]!
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
        if (w > 2 && h > 2) problems.push(`${describe(a.el)} overlaps ${describe(b.el)}`)
      }
    // Screen by screen down the page, whatever is in view is not covered by anything else (a sticky bar, a popup,
    // a neighbour).
    const start = scrollY
    for (let top = 0; top < root.scrollHeight; top += Math.max(window.innerHeight - 40, 100)) {
      window.scrollTo(0, top)
      for (const { el } of rects) {
        const r = el.getBoundingClientRect()
        const x = r.left + r.width / 2
        const y = r.top + Math.min(r.height / 2, 12)
        if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue
        const hit = document.elementFromPoint(x, y)
        if (
          !hit ||
          el.contains(hit) ||
          hit.contains(el) ||
          (hit.closest('label') ?? hit) === el.closest('label')
        )
          continue
        // A sticky bar covers what scrolls under it, by design; a focused control is kept clear of it (see
        // focusProblems, which tabs to each control).
        const pinned = (node: Element | null): boolean =>
          !!node && (/sticky|fixed/.test(getComputedStyle(node).position) || pinned(node.parentElement))
        if (!pinned(hit)) problems.push(`${describe(el)} is covered by ${describe(hit)}`)
      }
    }
    window.scrollTo(0, start)
    return [...new Set(problems)]
  }, scope)
}

/**
 * Tabs (or, with `back`, Shift+Tabs) through up to `count` stops from the current focus and checks each focused
 * control in the screen's content: not hidden by anything (a sticky bar, a popup; WCAG 2.4.11), and a focus ring at
 * least 2 px wide whose colour has at least 3:1 contrast with the background around it (WCAG 1.4.11). Returns the
 * failures.
 */
export async function focusProblems(
  page: Page,
  count: number,
  options: { back?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = []
  for (let i = 0; i < count; i++) {
    if (options.back) await page.keyboard.down('Shift')
    await page.keyboard.press('Tab')
    if (options.back) await page.keyboard.up('Shift')
    const problem = await page.evaluate(() => {
      const el = document.activeElement
      // The screen's own content and its dialogs (the app's sidebar is the shell's, checked with it).
      if (!el || el === document.body || !el.closest('main, .ant-modal-root')) return null
      const ring =
        el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')
          ? (el.closest('label') ?? el)
          : el.classList.contains('aa-file-input')
            ? (el.nextElementSibling ?? el)
            : (el.closest('.ant-select') ?? el)
      const style = getComputedStyle(ring)
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 24)}”`
      const box = ring.getBoundingClientRect()
      const hit = document.elementFromPoint(
        Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1),
        Math.min(Math.max(box.top + Math.min(box.height / 2, 12), 0), innerHeight - 1),
      )
      if (hit && !ring.contains(hit) && !hit.contains(ring))
        return `${name}: hidden under ${hit.tagName.toLowerCase()}.${String(hit.className)}`
      const width = parseFloat(style.outlineWidth)
      if (style.outlineStyle === 'none' || width < 2) return `${name}: no visible focus ring`
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
      }
      let bg: number[] = [255, 255, 255]
      for (let node = ring.parentElement; node; node = node.parentElement) {
        const c = rgb(getComputedStyle(node).backgroundColor)
        if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) {
          bg = c.slice(0, 3)
          break
        }
      }
      const [l1, l2] = [luminance(rgb(style.outlineColor)), luminance(bg)].sort((a, b) => b - a) as [
        number,
        number,
      ]
      const ratio = (l1 + 0.05) / (l2 + 0.05)
      return ratio < 3
        ? `${name}: focus ring ${style.outlineColor} on ${bg.join(',')} is ${ratio.toFixed(2)}:1`
        : null
    })
    if (problem) problems.push(problem)
  }
  return problems
}
