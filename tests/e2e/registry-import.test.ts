/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import type { ElementHandle, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gbkBytes } from '../support/import-files'
import { makeTempDir } from '../support/temp-dir'
import { apiCall, expectNoAxeViolations, openAppSession, waitForText, type AppSession } from './helpers'

let session: AppSession
let page: Page
let temp: { dir: string; cleanup: () => void }

beforeAll(async () => {
  temp = makeTempDir('access-audit-import-e2e-')
  session = await openAppSession(path.join(temp.dir, 'data'))
  page = session.page
})

afterAll(async () => {
  await session?.close()
  temp?.cleanup()
})

const activeId = () => page.evaluate(() => document.activeElement?.id ?? '')

describe('批量导入 on the places page', () => {
  it('previews a GBK CSV row by row without writing, then imports the new rows on 确认导入', async () => {
    const file = path.join(temp.dir, '场所清单.csv')
    fs.writeFileSync(
      file,
      gbkBytes(
        '名称,地址,类型,责任单位\r\n导入测试车站,站前街,车站,交通局\r\n导入测试公园,滨河路,公园,\r\n乙,,学堂,\r\n',
      ),
    )
    await page.goto(`${session.door.origin}/#/places`, { waitUntil: 'networkidle0' })
    const [button] = await page.$$('xpath/.//button[normalize-space(.)="批量导入"]')
    await (button as ElementHandle<HTMLButtonElement>).click()
    const input = (await page.waitForSelector('#registry-import-file')) as ElementHandle<HTMLInputElement>
    await expectNoAxeViolations(page, '批量导入场所 dialog')

    await input.uploadFile(file)
    // The preview's heading takes the focus, so a screen reader starts reading there.
    await page.waitForFunction(() => document.activeElement?.id === 'registry-import-heading')
    const preview = await page.$eval('[data-testid="registry-import-preview"]', (s) => s.textContent ?? '')
    expect(preview).toContain('新增 2 行，已登记 0 行，有错误 1 行')
    expect(preview).toContain('类型：“学堂”不是可选的场所类型')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="announcer"]')?.textContent?.includes('预览完成'),
    )
    await expectNoAxeViolations(page, '批量导入场所 preview')
    const before = await apiCall<unknown[]>(page, 'places:list', { search: '导入测试' })
    expect(before).toEqual([])

    // By keyboard: Tab from the heading reaches the confirm button in the footer (after the table's controls).
    const confirm = await page.$$('xpath/.//button[starts-with(normalize-space(.), "确认导入")]')
    await (confirm[0] as ElementHandle<HTMLButtonElement>).focus()
    await page.keyboard.press('Enter')
    await waitForText(page, '已导入 2 个场所')
    expect(await activeId()).toBe('')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      'aa-registry-import-result',
    )
    const after = await apiCall<Array<{ name: string; unitName: string | null }>>(page, 'places:list', {
      search: '导入测试',
    })
    expect(after.map((p) => p.name).sort()).toEqual(['导入测试公园', '导入测试车站'])
    await expectNoAxeViolations(page, '批量导入场所 done')

    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !document.querySelector('#registry-import-file'))
    await waitForText(page, '导入测试车站')
  })
})
