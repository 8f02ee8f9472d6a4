/// <reference lib="dom" />
import type { Page } from 'puppeteer-core'

/** Checks of what a keyboard, low-vision or zoomed-in user meets: focus moves, focus rings, hover colours, layout. */

/** Presses Tab (or Shift+Tab) until the focused element matches `selector` and names `name`; fails after `max`. */
export async function tabTo(
  page: Page,
  selector: string,
  name: string | RegExp,
  options: { max?: number; back?: boolean } = {},
): Promise<void> {
  const max = options.max ?? 120
  const pattern = typeof name === 'string' ? name : name.source
  for (let i = 0; i < max; i++) {
    if (options.back) {
      await page.keyboard.down('Shift')
      await page.keyboard.press('Tab')
      await page.keyboard.up('Shift')
    } else await page.keyboard.press('Tab')
    const hit = await page.evaluate(
      (sel, pat, exact) => {
        const el = document.activeElement as HTMLElement | null
        if (!el || !el.matches(sel)) return false
        const label =
          el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? el.textContent ?? ''
        return exact ? label.trim() === pat : new RegExp(pat).test(label)
      },
      selector,
      pattern,
      typeof name === 'string',
    )
    if (hit) return
  }
  throw new Error(`Tab did not reach ${selector} named ${String(name)} in ${max} presses`)
}

/** What has the focus now: its tag, test id, role and text, for assertions about where focus went. */
export async function focused(page: Page): Promise<{ tag: string; testId: string | null; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return {
      tag: el?.tagName ?? '',
      testId: el?.getAttribute('data-testid') ?? null,
      text: (el?.innerText ?? el?.textContent ?? '').trim(),
    }
  })
}

/** Waits until the focused element has `testId` (a move made after a reload or a closing dialog). */
export async function focusLandsOn(page: Page, testId: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (id) => document.activeElement?.getAttribute('data-testid') === id,
    { timeout },
    testId,
  )
}

interface ColourTools {
  /** The opaque colour painted behind `node` (its backgrounds and its ancestors', composited on white). */
  backdrop: (node: Element | null) => number[]
  /** A CSS colour painted over an opaque one. */
  over: (css: string, under: number[]) => number[]
  contrast: (a: number[], b: number[]) => number
}

/** Installs the colour arithmetic (WCAG relative luminance) in the page once, as window.aaColour. */
async function colourTools(page: Page): Promise<void> {
  await page.evaluate(() => {
    const parse = (c: string) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c)
      return m
        ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])]
        : [0, 0, 0, 0]
    }
    const blend = (top: number[], under: number[]) =>
      [0, 1, 2].map((k) => top[k]! * top[3]! + under[k]! * (1 - top[3]!)).concat(1)
    const lum = (c: number[]) => {
      const ch = c.slice(0, 3).map((v) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!
    }
    const tools: ColourTools = {
      backdrop: (node) => {
        const layers: number[][] = []
        for (let n = node; n; n = n.parentElement) layers.push(parse(getComputedStyle(n).backgroundColor))
        return layers.reverse().reduce((under, layer) => blend(layer, under), [255, 255, 255, 1])
      },
      over: (css, under) => blend(parse(css), under),
      contrast: (a, b) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
        return (hi! + 0.05) / (lo! + 0.05)
      },
    }
    ;(window as unknown as { aaColour: ColourTools }).aaColour = tools
  })
}

/**
 * Tabs `presses` times and, for every focused element, measures its focus ring against the colour it is drawn on
 * (the element's own background for an inset ring, the backdrop behind the element otherwise). Returns the rings
 * under `min`:1 or missing altogether.
 */
export async function weakFocusRings(page: Page, presses: number, min = 3): Promise<string[]> {
  await colourTools(page)
  const weak: string[] = []
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab')
    const found = await page.evaluate((minimum) => {
      const colour = (window as unknown as { aaColour: ColourTools }).aaColour
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      // antd draws the ring of radios, checkboxes and selects on the wrapper of the hidden (transparent) input.
      const ringed =
        [el.closest('.ant-checkbox-wrapper, .ant-radio-wrapper, .ant-select'), el].find((n) => {
          if (!n) return false
          const s = getComputedStyle(n)
          return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
        }) ?? null
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${label}”`
      if (!ringed) return `${name}: no visible focus ring`
      const style = getComputedStyle(ringed)
      const behind = colour.backdrop(parseFloat(style.outlineOffset) < 0 ? ringed : ringed.parentElement)
      const ratio = colour.contrast(colour.over(style.outlineColor, behind), behind)
      return ratio < minimum ? `${name}: ${ratio.toFixed(2)}:1` : null
    }, min)
    if (found) weak.push(found)
  }
  return weak
}

/** The contrast of an element's text colour against what is painted behind it (after hovering it, say). */
export async function textContrast(page: Page, selector: string): Promise<number> {
  await colourTools(page)
  return page.$eval(selector, (el) => {
    const colour = (window as unknown as { aaColour: ColourTools }).aaColour
    const behind = colour.backdrop(el)
    return colour.contrast(colour.over(getComputedStyle(el).color, behind), behind)
  })
}

/**
 * Layout problems of the visible controls: a control cut off at the left or right edge of the window (it can
 * only be reached by scrolling the whole page sideways), and two controls drawn over each other. Controls in a
 * box that scrolls on its own (a wide table) may lie beyond the edge: that box scrolls, the page does not.
 */
export async function layoutProblems(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((root) => {
    const problems: string[] = []
    const scope = document.querySelector(root) ?? document.body
    const controls = Array.from(
      scope.querySelectorAll<HTMLElement>(
        'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"]), .ant-select',
      ),
    ).filter((el) => {
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.opacity !== '0'
    })
    const name = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 24)}”`
    const inScroller = (el: HTMLElement) => {
      for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
        const s = getComputedStyle(n)
        if (/(auto|scroll)/.test(s.overflowX) && n.scrollWidth > n.clientWidth) return true
      }
      return false
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      problems.push(
        `the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`,
      )
    }
    for (const el of controls) {
      const r = el.getBoundingClientRect()
      if ((r.left < -1 || r.right > window.innerWidth + 1) && !inScroller(el))
        problems.push(`${name(el)} is cut off`)
    }
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i]!
        const b = controls[j]!
        if (a.contains(b) || b.contains(a)) continue
        const ra = a.getBoundingClientRect()
        const rb = b.getBoundingClientRect()
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left)
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top)
        if (w > 3 && h > 3) problems.push(`${name(a)} overlaps ${name(b)}`)
      }
    }
    return problems
  }, within)
}
