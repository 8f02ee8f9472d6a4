/// <reference lib="dom" />
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smallJpeg, phoneExif } from '../integration/photos/test-photos'
import { launchTestBrowser } from '../support/chromium'
import { makeTempDir } from '../support/temp-dir'
import { startWebDoor, type RunningWebDoor } from '../support/web-door'
import { expectNoAxeViolations, waitForText } from './helpers'

let browser: Browser
let page: Page
let door: RunningWebDoor
let cleanup: () => void

beforeAll(async () => {
  const temp = makeTempDir('access-audit-gps-')
  cleanup = temp.cleanup
  door = await startWebDoor(temp.dir)
  browser = await launchTestBrowser()
  page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 900 })
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }])
  await page.goto(door.url, { waitUntil: 'networkidle0' })
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  cleanup?.()
})

async function api<T>(operation: string, input: unknown): Promise<T> {
  return page.evaluate(
    async (op, body) => {
      const token = sessionStorage.getItem('access-audit-token')
      const res = await fetch(`/api/${op}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      })
      const json = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } }
      if (!json.ok) throw new Error(json.error?.message)
      return json.data
    },
    operation,
    input,
  ) as Promise<T>
}

describe('photo GPS offered for the place', () => {
  it('offers the EXIF position of a photo for a place without coordinates, and saves it on request', async () => {
    type Insp = { id: number; version: number; elements: Array<{ id: number }> }
    const place = await api<{ id: number }>('places:create', { name: '新华路口', type: 'road-crossing' })
    let insp = await api<Insp>('inspections:create', {
      placeId: place.id,
      inspectedOn: '2026-11-20',
      inspectors: '赵六',
    })
    insp = await api<Insp>('inspections:addElement', {
      inspectionId: insp.id,
      baseVersion: insp.version,
      category: 'audible-signal',
      label: '东侧过街音响',
    })
    const jpeg = await smallJpeg('#369', phoneExif)
    await api('inspections:attachPhoto', {
      elementId: insp.elements[0]!.id,
      baseVersion: insp.version,
      fileName: '路口.jpg',
      dataBase64: jpeg.toString('base64'),
    })
    await page.goto(`${door.origin}/#/inspections/${insp.id}`, { waitUntil: 'networkidle0' })
    await waitForText(page, '照片记录了拍摄位置')
    await expectNoAxeViolations(page, 'inspection with a GPS offer')
    const [button] = await page.$$('xpath/.//button[contains(., "设为场所坐标")]')
    await button!.click()
    await page.waitForFunction(() => !document.body.innerText.includes('照片记录了拍摄位置'))
    const saved = await api<{ latitude: number; longitude: number }>('places:get', { id: place.id })
    expect(saved.latitude).toBeCloseTo(-33.8598, 3)
    expect(saved.longitude).toBeCloseTo(-151.2083, 3)
  })
})
