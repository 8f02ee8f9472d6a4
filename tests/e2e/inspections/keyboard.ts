/// <reference lib="dom" />
import type { Page } from 'puppeteer-core'

/** What has the keyboard focus: enough to say where a user is. */
export interface Focused {
  id: string
  tag: string
  text: string
  name: string
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return {
      id: el?.id ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 80),
      name: el?.getAttribute('aria-label') ?? '',
    }
  })
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches the CSS selector, as a keyboard user moves; returns
 * how many presses it took. Fails after `max` presses, naming where the focus went.
 */
export async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}) {
  const max = options.max ?? 80
  const trail: string[] = []
  for (let presses = 1; presses <= max; presses++) {
    if (options.back) {
      await page.keyboard.down('Shift')
      await page.keyboard.press('Tab')
      await page.keyboard.up('Shift')
    } else await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses
    const now = await focused(page)
    trail.push(now.id || `${now.tag}:${now.name || now.text}`)
  }
  throw new Error(`Tab did not reach ${selector} in ${max} presses; went through: ${trail.join(' → ')}`)
}

/** The app's one polite live region, where outcomes are announced. */
export function announced(page: Page, text: string, timeout = 10_000): Promise<unknown> {
  return page.waitForFunction(
    (t) => document.querySelector('[data-testid="announcer"]')?.textContent?.includes(t),
    { timeout },
    text,
  )
}

/** Waits until the open list of a select (antd keeps closed ones in the page) has this option active. */
export function optionActive(page: Page, text: string): Promise<unknown> {
  return page.waitForFunction(
    (t) =>
      document
        .querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
        ?.textContent?.includes(t),
    {},
    text,
  )
}
