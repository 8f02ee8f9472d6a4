/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import type { ElementHandle } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../electron/core/open-core'
import type { ExportedFile } from '../../shared/domain/rectification'
import type { ConflictView, TeamKeyStatus } from '../../shared/domain/exchange'
import type { Installation } from '../../shared/domain/team'
import type { Place } from '../../shared/domain/places'
import { makeTempDir } from '../support/temp-dir'
import {
  apiCall,
  expectNoAxeViolations,
  fieldError,
  openAppSession,
  waitForDownloadIn,
  waitForText,
  type AppSession,
} from './helpers'
import { tabTo } from './daily-work/page-checks'

/**
 * 设置 → 团队协作 → 交换数据包 through the browser door, as the coordinator works: set the team key (a short one is
 * refused on the field), export, import a field laptop's package (a second data folder, driven by the core under
 * plain Node), see its report, have a tampered copy refused with nothing written, and resolve the conflict a second
 * package brings, by keyboard.
 */

const teamKey = '全队共用的密钥-2026-东城'
const placeName = '交换测试区图书馆'

let app: AppSession
let temp: { dir: string; cleanup: () => void }
let downloads: string
let laptop: string

beforeAll(async () => {
  temp = makeTempDir('access-audit-e2e-exchange-')
  downloads = path.join(temp.dir, 'downloads')
  laptop = path.join(temp.dir, 'laptop')
  fs.mkdirSync(downloads)
  app = await openAppSession(path.join(temp.dir, 'coordinator'))
  const session = await app.page.createCDPSession()
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads })
})
afterAll(async () => {
  await app?.close()
  temp?.cleanup()
})

/** The field laptop: its own data folder, opened for one step at a time with the core's own door. */
type Call = <T = unknown>(op: string, input: unknown) => Promise<T>

async function onLaptop<T>(step: (call: Call) => Promise<T>): Promise<T> {
  const core = openCore(laptop, 'test')
  try {
    return await step(async <R>(op: string, input: unknown) => {
      const result = await core.dispatch('cli')(op, input)
      if (!result.ok) throw new Error(`${op}: ${result.error.message}`)
      return result.data as R
    })
  } finally {
    core.close()
  }
}

async function laptopExport(name: string): Promise<string> {
  const file = await onLaptop((call) => call<ExportedFile>('exchange:export', {}))
  const target = path.join(temp.dir, name)
  fs.writeFileSync(target, Buffer.from(file.base64, 'base64'))
  return target
}

/** Shot for a human reviewer, only when asked for (EXCHANGE_SHOTS=/tmp/dir). */
async function shot(name: string): Promise<void> {
  const dir = process.env.EXCHANGE_SHOTS
  const section = await app.page.$('.aa-exchange')
  if (dir && section) await section.screenshot({ path: `${dir}/${name}.png` })
}

const announced = (text: string) =>
  app.page.waitForFunction(
    (t) => document.querySelector('[data-testid="announcer"]')?.textContent?.includes(t),
    {},
    text,
  )

async function importByKeyboard(file: string): Promise<void> {
  const input = (await app.page.$('#exchange-import-file')) as ElementHandle<HTMLInputElement>
  await input.uploadFile(file)
  await app.page.focus('#exchange-import-file')
  await tabTo(app.page, 'button', '导入数据包')
  await app.page.keyboard.press('Enter')
}

const placesNamed = () => apiCall<Place[]>(app.page, 'places:list', { search: placeName })

describe('设置 → 团队协作 → 交换数据包', () => {
  it('sets the team key, exports, imports a laptop’s package, refuses a tampered one and resolves a conflict', async () => {
    const { page } = app
    const laptopDevice = await onLaptop(async (call) => {
      await call('team:saveProfile', { profileName: '李娜' })
      await call('exchange:saveKey', { teamKey })
      await call('places:create', { name: placeName, type: 'cultural-venue', address: '文化路 1 号' })
      return (await call<Installation>('team:profile', {})).deviceId
    })
    const first = await laptopExport('laptop-1.zip')

    await page.goto(`${app.door.origin}/#/settings`, { waitUntil: 'networkidle0' })
    await waitForText(page, '未设置：导出的数据包不签名')
    await expectNoAxeViolations(page, '交换数据包 with no key')

    // The team key: too short is refused on the field; the right one shows the laptop's fingerprint.
    await page.focus('#team-key_teamKey')
    await page.keyboard.type('太短的密钥')
    await tabTo(page, 'button', '保存团队密钥')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.body.innerText.includes('团队密钥至少 12 个字符'))
    expect(await fieldError(page, 'team-key_teamKey')).toContain('团队密钥至少 12 个字符')
    await page.click('#team-key_teamKey', { count: 3 })
    await page.keyboard.type(teamKey)
    await page.keyboard.press('Enter')
    const laptopKey = await onLaptop((call) => call<TeamKeyStatus>('exchange:keyStatus', {}))
    await announced(`已设置团队密钥，指纹 ${laptopKey.fingerprint}`)
    await waitForText(page, `已设置，指纹 ${laptopKey.fingerprint}`)

    // Export: a zip with a manifest is saved, and what it holds is announced.
    await page.focus('#exchange-export_since')
    await tabTo(page, 'button', '导出交换数据包')
    await page.keyboard.press('Enter')
    const exported = await waitForDownloadIn(downloads, '.zip')
    const zip = await JSZip.loadAsync(fs.readFileSync(exported))
    expect(zip.file('manifest.json')).not.toBeNull()
    await announced('已用团队密钥签名')

    // The laptop's package: the report takes the focus and says where it came from and what it brought.
    await importByKeyboard(first)
    await page.waitForFunction(() => document.activeElement?.id === 'exchange-import-report')
    const report = await page.$eval('.aa-exchange-report', (s) => (s as HTMLElement).innerText)
    expect(report).toContain('团队签名已验证')
    expect(report).toContain('李娜')
    expect(report).toContain(laptopDevice.replace(/-/g, '').slice(-8))
    expect(report).toMatch(/场所\s+1\s+0\s+0\s+0/)
    const [place] = await placesNamed()
    expect(place?.address).toBe('文化路 1 号')
    await expectNoAxeViolations(page, '交换数据包 import report')

    // Both sides change the same place; the laptop's second package carries its change.
    await apiCall(page, 'places:update', { ...place, address: '文化路 1 号（本机）' })
    await onLaptop(async (call) => {
      const [mine] = await call<Place[]>('places:list', { search: placeName })
      await call('places:update', { ...mine, address: '文化路 3 号（笔记本）' })
    })
    const second = await laptopExport('laptop-2.zip')

    // A copy with one byte changed in a records file is refused with its reason, and nothing is written.
    const tampered = await JSZip.loadAsync(fs.readFileSync(second))
    const records = await tampered.file('records/places.json')!.async('string')
    const changed = records.replace('文化路 3 号', '文化路 4 号')
    expect(changed).not.toBe(records)
    tampered.file('records/places.json', changed)
    const tamperedFile = path.join(temp.dir, 'laptop-2-tampered.zip')
    fs.writeFileSync(tamperedFile, await tampered.generateAsync({ type: 'nodebuffer' }))
    await importByKeyboard(tamperedFile)
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'exchange-import-error',
    )
    const refusal = await page.$eval('[data-testid="exchange-import-error"] [role="alert"]', (a) =>
      (a as HTMLElement).innerText.trim(),
    )
    expect(refusal).toMatch(/^数据包未导入，本机数据没有任何改动\s+\S*改动/)
    await shot('exchange-refused')
    await expectNoAxeViolations(page, '交换数据包 refused package')
    expect((await placesNamed())[0]?.address).toBe('文化路 1 号（本机）')
    expect(await apiCall<ConflictView[]>(page, 'exchange:conflicts', {})).toEqual([])

    // The untouched package: a conflict, shown side by side, nothing overwritten.
    await importByKeyboard(second)
    await page.waitForFunction(() => document.activeElement?.id === 'exchange-import-report')
    await waitForText(page, '冲突（1 条待处理）')
    expect((await placesNamed())[0]?.address).toBe('文化路 1 号（本机）')
    const conflict = await page.$eval('.aa-exchange-conflict', (a) => (a as HTMLElement).innerText)
    expect(conflict).toContain(placeName)
    expect(conflict).toContain('李娜')
    expect(conflict).toMatch(/地址\s+文化路 1 号（本机）\s+文化路 3 号（笔记本）/)
    const headers = await page.$$eval('.aa-exchange-fields th[scope="col"]', (ths) =>
      ths.map((th) => th.textContent),
    )
    expect(headers).toEqual(['字段', '本机', '数据包'])
    await shot('exchange-conflict')
    await expectNoAxeViolations(page, '交换数据包 with a conflict')

    // Resolved by keyboard: the announcement, the focus on the (now empty) list's heading, the laptop's address.
    await page.focus('.aa-exchange-conflict h5')
    await tabTo(page, 'button', '采用数据包中的版本')
    await page.keyboard.press('Enter')
    await announced('采用数据包中的版本')
    await page.waitForFunction(() => document.activeElement?.id === 'exchange-conflicts')
    await waitForText(page, '没有待处理的冲突。')
    expect((await placesNamed())[0]?.address).toBe('文化路 3 号（笔记本）')

    // The first package again: recognised, and nothing changes.
    await importByKeyboard(first)
    await page.waitForFunction(() => document.activeElement?.id === 'exchange-import-report')
    await waitForText(page, '这个数据包以前在本机导入过')
    expect((await placesNamed())[0]?.address).toBe('文化路 3 号（笔记本）')
    expect(await apiCall<ConflictView[]>(page, 'exchange:conflicts', {})).toEqual([])
  })
})
