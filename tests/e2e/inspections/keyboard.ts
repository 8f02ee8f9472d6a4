/// <reference lib="dom" />
import type { ConsoleMessage, FileChooser, KeyInput, Page } from 'puppeteer-core'

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
export function announced(page: Page, text: string, timeout = 30_000): Promise<unknown> {
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

/**
 * In the focused select: types `typed`, waits until `option` is the active choice, takes it with Enter and waits
 * until the list has closed on it and the field shows it. Tab pressed while the list is still open (a loaded
 * machine) would go elsewhere, so the next key waits for the choice to be made.
 */
export async function chooseOption(page: Page, typed: string, option: string): Promise<void> {
  const selectId = await page.evaluate(() => document.activeElement?.id ?? '')
  if (!selectId) throw new Error('chooseOption: the focused select has no id')
  await page.keyboard.type(typed)
  await optionActive(page, option)
  await page.keyboard.press('Enter')
  await page.waitForFunction(
    (id, text) => {
      const input = document.getElementById(id)
      const select = input?.closest('.ant-select')
      return (
        input?.getAttribute('aria-expanded') !== 'true' &&
        !select?.classList.contains('ant-select-open') &&
        (select?.textContent ?? '').includes(text) &&
        document.activeElement === input
      )
    },
    {},
    selectId,
    option,
  )
}

/**
 * Presses `key` on the focused file input and returns the file chooser it opens. Chromium opens a chooser only
 * within a few seconds of a user's key press (transient user activation); on a starved machine the press can
 * expire before the click is handled, and Chromium says so on the console. Then the key is pressed once more, as a
 * user would; any other failure to open the chooser fails the test.
 */
export async function openFileChooserWith(page: Page, key: KeyInput): Promise<FileChooser> {
  let expired = false
  const watch = (message: ConsoleMessage) => {
    if (/user activation/i.test(message.text())) expired = true
  }
  page.on('console', watch)
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const [chooser] = await Promise.all([
          page.waitForFileChooser({ timeout: 15_000 }),
          page.keyboard.press(key),
        ])
        return chooser
      } catch (error) {
        if (!expired || attempt >= 2) throw error
        expired = false
      }
    }
  } finally {
    page.off('console', watch)
  }
}
