/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { expect } from 'vitest'
import { axeViolations } from '../support/axe'
import { launchTestBrowser } from '../support/chromium'
import { startWebDoor, type RunningWebDoor } from '../support/web-door'

/** Zero axe violations on the current screen; on failure the message lists rule, impact and targets. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

export async function waitForText(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text)
}

export async function fieldError(page: Page, fieldId: string): Promise<string> {
  return page.$eval(`#${fieldId}`, (input) => {
    const item = input.closest('.ant-form-item')
    return item?.querySelector('.ant-form-item-explain')?.textContent ?? ''
  })
}

/** Types into the field the label names (the accessible way a user finds it). */
export async function typeInto(page: Page, fieldId: string, text: string): Promise<void> {
  await page.click(`#${fieldId}`, { count: 3 })
  await page.keyboard.press('Backspace')
  await page.type(`#${fieldId}`, text)
}

/**
 * Types a YYYY-MM-DD day into the focused date field, segment by segment in the browser locale's order, as a user
 * does (a date field takes no pasted text).
 */
export async function typeDate(page: Page, day: string): Promise<void> {
  const [year, month, date] = day.split('-') as [string, string, string]
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(navigator.language)
      .formatToParts(new Date())
      .map((p) => p.type)
      .filter((type) => type === 'year' || type === 'month' || type === 'day'),
  )
  for (const part of order) await page.keyboard.type(part === 'year' ? year : part === 'month' ? month : date)
  const typed = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)
  if (typed !== day) throw new Error(`typed ${day} into the date field, it holds ${typed}`)
}

/** Calls the API from inside the page with the tab's token (test set-up and checks, not what a user does). */
export async function apiCall<T>(page: Page, operation: string, input: unknown): Promise<T> {
  return page.evaluate(
    async (op, body) => {
      const token = sessionStorage.getItem('access-audit-token')
      const res = await fetch(`/api/${op}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } }
      if (!json.ok) throw new Error(json.error?.message ?? 'API error')
      return json.data
    },
    operation,
    input,
  ) as Promise<T>
}

export interface AppSession {
  door: RunningWebDoor
  browser: Browser
  page: Page
  /** Closes the browser and stops the door; the data folder is the caller's to remove. */
  close(): Promise<void>
}

/**
 * The app as a user opens it: the real browser door on `dataDir`, and one tab at 1280 × 900 with reduced motion,
 * loaded and signed in with the door's token.
 */
export async function openAppSession(dataDir: string): Promise<AppSession> {
  // The door and Chromium start side by side; if one fails, the other is stopped before the error is thrown.
  const [started, launched] = await Promise.allSettled([startWebDoor(dataDir), launchTestBrowser()])
  if (started.status === 'rejected' || launched.status === 'rejected') {
    if (started.status === 'fulfilled') await started.value.stop()
    if (launched.status === 'fulfilled') await launched.value.close()
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason
  }
  const door = started.value
  const browser = launched.value
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 900 })
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }])
  // E2E_CPU_THROTTLE=4 slows the renderer four times, as a loaded CI machine does: a race in a test shows at once.
  const throttle = Number(process.env.E2E_CPU_THROTTLE ?? 0)
  if (throttle > 1) await page.emulateCPUThrottling(throttle)
  await page.goto(door.url, { waitUntil: 'networkidle0' })
  return {
    door,
    browser,
    page,
    close: async () => {
      await browser.close()
      await door.stop()
    },
  }
}

/** The path of the first file ending in `extension` that the browser has finished saving into `dir`. */
export async function waitForDownloadIn(dir: string, extension: string, timeout = 30_000): Promise<string> {
  const started = Date.now()
  while (Date.now() - started < timeout) {
    const done = fs.readdirSync(dir).find((f) => f.endsWith(extension))
    if (done) return path.join(dir, done)
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no ${extension} download in ${dir}: ${fs.readdirSync(dir).join(', ')}`)
}
