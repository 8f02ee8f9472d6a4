/// <reference lib="dom" />
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core'

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
 * Presses `key` on the focused file input and gives it `files`, as a keyboard user picks photos. What the test
 * owns is that the key activates the input (a click is dispatched on it, which is what opens the system dialog); the
 * dialog itself is Chromium's. Chromium opens it only while the key press still counts as a recent user action, and
 * on a starved CI machine (load 14, a throttled renderer) it sometimes does not open at all, although the input was
 * activated. Then the files are given to that same, still focused input directly. A key that does not activate the
 * input, or focus that has moved, fails the test.
 */
export async function chooseFilesWith(page: Page, key: KeyInput, files: string[]): Promise<void> {
  const input = await page.evaluateHandle(() => {
    const el = document.activeElement
    if (!(el instanceof HTMLInputElement) || el.type !== 'file') return null
    el.addEventListener('click', () => el.setAttribute('data-e2e-activated', ''), { once: true })
    return el
  })
  const element = input.asElement() as ElementHandle<HTMLInputElement> | null
  if (!element) throw new Error('chooseFilesWith: the focus is not on a file input')
  try {
    const [chooser] = await Promise.all([
      page.waitForFileChooser({ timeout: 20_000 }),
      page.keyboard.press(key),
    ])
    await chooser.accept(files)
  } catch (error) {
    const state = await element.evaluate((el) => ({
      activated: el.hasAttribute('data-e2e-activated'),
      focused: document.activeElement === el,
    }))
    if (!state.activated || !state.focused)
      throw new Error(`${key} did not activate the focused file input (${JSON.stringify(state)})`, {
        cause: error,
      })
    console.warn(`e2e: ${key} activated the file input but Chromium opened no dialog; the files go to the input`)
    await element.uploadFile(...files)
  } finally {
    await element.evaluate((el) => el.removeAttribute('data-e2e-activated')).catch(() => undefined)
  }
}
