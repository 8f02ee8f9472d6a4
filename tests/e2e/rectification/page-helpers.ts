/// <reference lib="dom" />
import type { Page } from 'puppeteer-core'

/** Steps the 整改跟踪 end-to-end tests share: waiting for what the screen says, and driving it as a user would. */

/** Screenshots for a human reviewer, only when asked for (RECTIFICATION_SHOTS=/tmp/dir). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.RECTIFICATION_SHOTS
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true })
}

/** Waits until the live region has said `text`. */
export async function announced(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="announcer"]')?.textContent?.includes(t),
    { timeout },
    text,
  )
}

export async function heading(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, {}, text)
}

/** Ticks the row checkbox whose accessible label names the item, with the keyboard. */
export async function selectItem(page: Page, title: string): Promise<void> {
  const box = await page.evaluateHandle(
    (label) =>
      Array.from(document.querySelectorAll('tbody label'))
        .find((l) => l.textContent?.trim() === label)
        ?.querySelector('input[type="checkbox"]'),
    `选择 ${title}`,
  )
  await box.asElement()!.focus()
  await page.keyboard.press('Space')
}

/** Waits until the item page's status line reads `status` (a cached page may show the old one first). */
export async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid="item-status"]')?.textContent?.includes(s),
    {},
    status,
  )
}

export async function modalButton(page: Page, text: string): Promise<void> {
  await page.click(`.ant-modal-footer ::-p-text(${text}), .ant-modal-body ::-p-text(${text})`)
}

/** Opens the item list with `query` (e.g. `?status=all`), then the item by its link, as a user would. */
export async function openItem(page: Page, origin: string, title: string, query = ''): Promise<void> {
  await page.goto(`${origin}/#/rectification${query}`, { waitUntil: 'networkidle0' })
  await heading(page, '整改跟踪')
  // The list loads after the heading: wait for the item's link before following it.
  const link = await page.waitForSelector(`a::-p-text(${title})`)
  await link!.click()
  await heading(page, title)
}

/** The text of a section of the item page, by its heading's id (e.g. rect-history-heading). */
export async function sectionText(page: Page, headingId: string): Promise<string> {
  return page.$eval(`section[aria-labelledby="${headingId}"]`, (el) => (el as HTMLElement).innerText)
}
