/// <reference lib="dom" />
import type { Page } from 'puppeteer-core'
import { expect } from 'vitest'
import { axeViolations } from '../support/axe'

/** Zero axe violations on the current screen; on failure the message lists rule, impact and targets. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

export async function waitForText(page: Page, text: string, timeout = 10_000): Promise<void> {
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
