import path from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { launchTestBrowser } from '../../support/chromium'
import { makeTempDir } from '../../support/temp-dir'
import { startWebDoor, type RunningWebDoor } from '../../support/web-door'
import { seedTrackingData, type TrackingSeed } from './tracking-seed'

/** A seeded tracking database behind the web door, and a reduced-motion browser page already on the app. */
export interface TrackingSession {
  page: Page
  door: RunningWebDoor
  seed: TrackingSeed
  /** Closes the browser, stops the door and removes the temporary data; safe after a partial start. */
  stop: () => Promise<void>
}

export async function startTrackingSession(tempPrefix: string): Promise<TrackingSession> {
  const temp = makeTempDir(tempPrefix)
  let door: RunningWebDoor | undefined
  let browser: Browser | undefined
  const stop = async () => {
    await browser?.close()
    await door?.stop()
    temp.cleanup()
  }
  try {
    const dataDir = path.join(temp.dir, 'data')
    const seed = await seedTrackingData(dataDir)
    door = await startWebDoor(dataDir)
    browser = await launchTestBrowser()
    const page = await browser.newPage()
    await page.setViewport({ width: 1280, height: 900 })
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }])
    await page.goto(door.url, { waitUntil: 'networkidle0' })
    return { page, door, seed, stop }
  } catch (error) {
    // A start that failed half-way must not leave a browser or a door running for the next test file.
    await stop()
    throw error
  }
}
