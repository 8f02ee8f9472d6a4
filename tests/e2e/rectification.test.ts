/// <reference lib="dom" />
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchTestBrowser } from '../support/chromium'
import { makeTempDir } from '../support/temp-dir'
import { startWebDoor, type RunningWebDoor } from '../support/web-door'
import { expectNoAxeViolations, fieldError, typeInto, waitForDownloadIn, waitForText } from './helpers'
import {
  announced,
  heading,
  modalButton,
  openItem,
  selectItem,
  shot,
  waitForStatus,
} from './rectification/page-helpers'
import { hostileSnippet, seedRectificationData, type RectificationSeed } from './rectification/seed'

let browser: Browser
let page: Page
let door: RunningWebDoor
let cleanup: () => void
let seed: RectificationSeed
let downloads: string
const dialogs: string[] = []
let noticeNumber = ''
/** Files the unit sent with its reply, made in beforeAll. */
const files = { before: '', after: '', notImage: '', tooLarge: '' }

function isoDay(offsetDays: number): string {
  const d = new Date()
  d.setDate(d.getDate() + offsetDays)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-rect-')
  cleanup = temp.cleanup
  const dataDir = path.join(temp.dir, 'data')
  downloads = path.join(temp.dir, 'downloads')
  fs.mkdirSync(downloads)
  seed = await seedRectificationData(dataDir)
  await writeReplyFiles(temp.dir)
  door = await startWebDoor(dataDir)
  browser = await launchTestBrowser()
  const session = await browser.target().createCDPSession()
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads })
  page = await browser.newPage()
  // Any alert() from a hostile snippet would land here; none may.
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.setViewport({ width: 1280, height: 900 })
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }])
  await page.goto(door.url, { waitUntil: 'networkidle0' })
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  cleanup?.()
})

describe('整改跟踪, end to end', () => {
  it('keeps notice settings: a template without {n} is refused on its field, a valid one saved', async () => {
    await page.goto(`${door.origin}/#/settings`, { waitUntil: 'networkidle0' })
    await page.waitForSelector('#notice-settings_numberTemplate')
    await typeInto(page, 'notice-settings_numberTemplate', '乌残整改〔{year}〕号')
    await page.click('::-p-text(保存通知书设置)')
    await page.waitForFunction(() =>
      document
        .querySelector('#notice-settings_numberTemplate')
        ?.closest('.ant-form-item')
        ?.textContent?.includes('文号格式须包含序号占位符'),
    )
    await expectNoAxeViolations(page, '设置 with a refused template')
    // GB/T 9704: no 第 before the sequence number — said under the field while typing, refused on save.
    await typeInto(page, 'notice-settings_numberTemplate', '乌残整改〔{year}〕第{n}号')
    await waitForText(page, '请把“第{n}号”改为“{n}号”')
    await page.click('::-p-text(保存通知书设置)')
    await page.waitForFunction(() =>
      document
        .querySelector('#notice-settings_numberTemplate')
        ?.closest('.ant-form-item')
        ?.textContent?.includes('GB/T 9704'),
    )
    await typeInto(page, 'notice-settings_copyTo', '乌达区住房和城乡建设局，乌达区残疾人联合会')
    await shot(page, 'notice-settings')
    await typeInto(page, 'notice-settings_numberTemplate', '乌残无障碍整改〔{year}〕{n}号')
    await typeInto(page, 'notice-settings_defaultDeadlineDays', '15')
    await page.click('::-p-text(保存通知书设置)')
    await announced(page, '已保存整改通知书设置')
    expect(await fieldError(page, 'notice-settings_numberTemplate')).not.toContain('占位符')
    await waitForText(page, `示例：乌残无障碍整改〔${new Date().getFullYear()}〕1号`)
  })

  it('generates items on open and groups both sources under the unit, by place and by portal', async () => {
    await page.goto(`${door.origin}/#/rectification`, { waitUntil: 'networkidle0' })
    await heading(page, '整改跟踪')
    await page.waitForSelector('[data-testid="rect-outcome"]')
    await page.click('::-p-text(从问题生成整改项)')
    await announced(page, '已生成 0 个新整改项')
    const groups = await page.$$eval('section.aa-rect-unit', (units) =>
      units.map((u) => ({
        unit: u.querySelector('h2')?.textContent ?? '',
        locations: Array.from(u.querySelectorAll('section.aa-rect-location')).map((l) => ({
          heading: l.querySelector('h3')?.textContent ?? '',
          rows: Array.from(l.querySelectorAll('tbody tr')).map((r) => (r as HTMLElement).innerText),
        })),
      })),
    )
    expect(groups).toHaveLength(1)
    expect(groups[0]!.unit).toContain(seed.unitName)
    expect(groups[0]!.unit).toContain('2 项')
    const place = groups[0]!.locations.find((l) => l.heading.includes(seed.placeName))!
    const portal = groups[0]!.locations.find((l) => l.heading.includes(seed.portalName))!
    expect(place.heading).toContain('现场')
    expect(portal.heading).toContain('网站')
    expect(place.rows.join()).toContain(seed.siteTitle)
    expect(place.rows.join()).toContain('GB 55019-2021 第2.3.1条（强制性条文）')
    expect(place.rows.join()).toContain('待通知')
    expect(portal.rows.join()).toContain(seed.webTitle)
    await shot(page, 'items')
    await expectNoAxeViolations(page, '整改项 list')
  })

  it('reads at 200% zoom with the largest text: no page-wide horizontal scrolling, zero violations', async () => {
    // A 640 px wide window is a 1280 px screen at 200% zoom; the largest text size adds 150% on top.
    await page.evaluate(() => localStorage.setItem('access-audit-font-size', 'largest'))
    await page.setViewport({ width: 640, height: 900 })
    try {
      for (const route of ['/rectification', '/rectification/notices']) {
        await page.goto(`${door.origin}/#${route}`, { waitUntil: 'networkidle0' })
        await page.reload({ waitUntil: 'networkidle0' })
        await page.waitForSelector('h1')
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow).toBeLessThanOrEqual(0)
        await shot(page, `large-text-${route.split('/').pop()}`)
        await expectNoAxeViolations(page, `${route} at the largest text size`)
      }
    } finally {
      await page.evaluate(() => localStorage.removeItem('access-audit-font-size'))
      await page.setViewport({ width: 1280, height: 900 })
    }
  })

  it('shows the hostile snippet of a web item as literal text, and a missing photo as missing', async () => {
    await openItem(page, door.origin, seed.webTitle)
    const snippet = await page.$eval('[data-testid="item-snippet"]', (el) => ({
      text: el.textContent,
      tag: el.tagName,
      children: el.children.length,
    }))
    expect(snippet).toEqual({ text: hostileSnippet, tag: 'CODE', children: 0 })
    expect(await page.$('img[src="x"]')).toBeNull()
    expect(await page.$eval('main', (m) => (m as HTMLElement).innerText)).toContain('body > img:nth-child(2)')
    expect(dialogs).toEqual([])
    await shot(page, 'web-item')
    await expectNoAxeViolations(page, 'web item detail')

    await openItem(page, door.origin, seed.siteTitle)
    await page.waitForFunction(() =>
      document.querySelector('.aa-rect-evidence')?.textContent?.includes('照片缺失'),
    )
    await expectNoAxeViolations(page, 'site item detail with a missing photo')
  })

  it('sets deadline and priority for the selected items; a past deadline reads 已逾期 N 天', async () => {
    await page.goto(`${door.origin}/#/rectification`, { waitUntil: 'networkidle0' })
    await heading(page, '整改跟踪')
    await page.waitForSelector('tbody label')
    await selectItem(page, seed.webTitle)
    await waitForText(page, '已选 1 项')
    await page.click('::-p-text(设置期限/优先级)')
    await page.waitForSelector('#schedule_deadline')
    await expectNoAxeViolations(page, '设置期限 dialog')
    await setDate('schedule_deadline', isoDay(-3))
    await page.click('.ant-modal-footer .ant-btn-primary')
    await announced(page, '已更新 1 项')
    await page.waitForFunction(
      (title) =>
        Array.from(document.querySelectorAll('tbody tr')).some(
          (r) => r.textContent?.includes(title) && r.textContent.includes('已逾期 3 天'),
        ),
      {},
      seed.webTitle,
    )
    await expectNoAxeViolations(page, '整改项 list with an overdue item')
  })

  it('issues a notice: a deadline before the date is refused on the field, the preview is sandboxed, the number assigned', async () => {
    await selectItem(page, seed.siteTitle)
    await waitForText(page, '已选 2 项')
    await page.click('::-p-text(生成整改通知书)')
    await page.waitForSelector('#notice_deadline')
    expect(await page.$eval('#notice_issuedOn', (el) => (el as HTMLInputElement).value)).toBe(isoDay(0))
    expect(await page.$eval('#notice_deadline', (el) => (el as HTMLInputElement).value)).toBe(isoDay(15))
    expect(await page.$eval('[data-testid="notice-unit"]', (el) => el.textContent)).toBe(seed.unitName)
    // A date after today is refused on its field; the untouched default deadline moves along with the date.
    await setDate('notice_issuedOn', isoDay(1))
    expect(await page.$eval('#notice_deadline', (el) => (el as HTMLInputElement).value)).toBe(isoDay(16))
    await modalButton(page, '预览')
    await page.waitForFunction(
      (today) =>
        document
          .querySelector('#notice_issuedOn')
          ?.closest('.ant-form-item')
          ?.textContent?.includes(`通知日期：不能晚于今天（${today}）`),
      {},
      isoDay(0),
    )
    await setDate('notice_issuedOn', isoDay(0))
    expect(await page.$eval('#notice_deadline', (el) => (el as HTMLInputElement).value)).toBe(isoDay(15))
    await setDate('notice_deadline', isoDay(-1))
    await modalButton(page, '签发')
    await page.waitForFunction(() =>
      document
        .querySelector('#notice_deadline')
        ?.closest('.ant-form-item')
        ?.textContent?.includes('整改期限不能早于通知日期'),
    )
    await expectNoAxeViolations(page, '整改通知书 dialog with a refused deadline')
    await setDate('notice_deadline', isoDay(20))
    await modalButton(page, '预览')
    await announced(page, '预览已生成')
    const frame = await page.waitForSelector('iframe[data-testid="notice-frame"]')
    expect(await frame!.evaluate((f) => f.getAttribute('sandbox'))).toBe('allow-same-origin allow-modals')
    const inFrame = await frame!.evaluate((f) => {
      const doc = (f as HTMLIFrameElement).contentDocument!
      return { text: doc.body.innerText, hostileImg: doc.querySelector('img[src="x"]') !== null }
    })
    expect(inFrame.text).toContain(seed.unitName)
    expect(inFrame.text).toContain(hostileSnippet)
    expect(inFrame.hostileImg).toBe(false)
    await shot(page, 'notice-preview')
    await expectNoAxeViolations(page, '整改通知书 dialog with the preview')
    // A changed draft takes the old preview away: it would show content that is not what gets issued.
    await setDate('notice_deadline', isoDay(21))
    await page.waitForFunction(() => !document.querySelector('iframe[data-testid="notice-frame"]'))
    await modalButton(page, '签发')
    await page.waitForSelector('[data-testid="notice-issued"]')
    const issued = await page.$eval('[data-testid="notice-issued"]', (el) => (el as HTMLElement).innerText)
    noticeNumber = `乌残无障碍整改〔${new Date().getFullYear()}〕1号`
    expect(issued).toContain(`已签发：${noticeNumber}`)
    await announced(page, `已签发整改通知书，文号：${noticeNumber}`)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(noticeNumber)
    await expectNoAxeViolations(page, '整改通知书 issued')
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !document.querySelector('.ant-modal'))
    // Items once notified cannot go into a second notice: the reason is given, no dialog opens.
    await page.waitForFunction(() => document.body.innerText.includes('已通知'))
    await selectItem(page, seed.siteTitle)
    await page.click('::-p-text(生成整改通知书)')
    const refusal = await page.waitForSelector('[data-testid="bulk-refusal"]')
    expect(await refusal!.evaluate((el) => el.textContent)).toContain(
      '只有“待通知”或“重新整改”的整改项能写入通知书',
    )
    expect(await page.$('#notice_deadline')).toBeNull()
    expect(dialogs).toEqual([])
  })

  it('lists the notice with its progress, prints it through a sandboxed frame and exports a PDF', async () => {
    await page.goto(`${door.origin}/#/rectification/notices`, { waitUntil: 'networkidle0' })
    await heading(page, '整改通知书')
    await waitForText(page, noticeNumber)
    const row = await page.$eval('tbody tr', (r) => (r as HTMLElement).innerText)
    expect(row).toContain(seed.unitName)
    expect(row).toContain('共 2 项：已通知 2')
    await expectNoAxeViolations(page, '整改通知书 list')
    await shot(page, 'notices')

    // Record print() calls on the print frame's window instead of opening a dialog in the headless browser.
    await page.evaluate(() => {
      const w = window as unknown as { printed: Array<{ text: string; sandbox: string | null }> }
      w.printed = []
      const original = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        configurable: true,
        get(this: HTMLIFrameElement) {
          const win = original.get!.call(this) as Window | null
          const sandbox = this.getAttribute('sandbox')
          if (win)
            win.print = () =>
              void w.printed.push({
                text: win.document.body.innerText,
                sandbox,
              })
          return win
        },
      })
    })
    await page.click(`button[aria-label="打印：${noticeNumber}"]`)
    await announced(page, `已打开 ${noticeNumber} 的打印对话框`)
    const printed = await page.evaluate(
      () => (window as unknown as { printed: Array<{ text: string; sandbox: string | null }> }).printed,
    )
    expect(printed).toHaveLength(1)
    expect(printed[0]!.sandbox).toBe('allow-same-origin allow-modals')
    expect(printed[0]!.text).toContain(noticeNumber)
    expect(printed[0]!.text).toContain(hostileSnippet)
    expect(dialogs).toEqual([])

    await page.click(`button[aria-label="导出 PDF：${noticeNumber}"]`)
    await announced(page, '已导出', 90_000)
    const pdf = await waitForDownload('.pdf')
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString()
    expect(text).toContain(seed.unitName)
    expect(text.replace(/\s+/g, '')).toContain(noticeNumber)

    // Word: the same content, the snippet as text (escaped in the XML, literal once the tags are stripped).
    await page.click(`button[aria-label="导出 Word：${noticeNumber}"]`)
    const docx = await waitForDownload('.docx', 60_000)
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString()
    expect(xml).not.toContain(hostileSnippet)
    const wordText = xml
      .replace(/<[^>]+>/g, '')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&')
    expect(wordText).toContain(seed.unitName)
    expect(wordText).toContain(hostileSnippet)
    // Excel: the notice's 问题清单 as a sheet.
    await page.click(`button[aria-label="导出 Excel：${noticeNumber}"]`)
    const xlsx = await waitForDownload('.xlsx', 60_000)
    const sheetText = execFileSync('unzip', ['-p', xlsx]).toString()
    // 附件1 问题清单: the facility in 问题位置, the problem's name beside it.
    for (const part of seed.siteTitle.split('：')) expect(sheetText).toContain(part)
    await announced(page, '.xlsx')
    await expectNoAxeViolations(page, '整改通知书 list after the exports')
  })

  it('records the unit reply with photos (refusals named, nothing lost, thumbnails removable) and the verification', async () => {
    await openItem(page, door.origin, seed.siteTitle)
    await waitForStatus(page, '已通知')
    expect(await page.$('::-p-text(退回重新整改)')).toBeNull()
    await page.click('::-p-text(登记整改回复)')
    await page.waitForSelector('#claim_text')
    // The dialog hands the focus to its first field.
    await page.waitForFunction(() => document.activeElement?.id === 'claim_text')
    await modalButton(page, '登记')
    await page.waitForFunction(() =>
      document
        .querySelector('#claim_text')
        ?.closest('.ant-form-item')
        ?.textContent?.includes('请填写责任单位的整改回复'),
    )
    await page.type('#claim_text', '北门坡道已按 1:12 坡度重建，附照片。')
    // The refusal leaves its field once the field is changed.
    await page.waitForFunction(
      () =>
        !document.querySelector('#claim_text')?.closest('.ant-form-item')?.textContent?.includes('请填写'),
    )

    // The photo chooser is a labelled file input reached with the keyboard.
    const chooser = await page.waitForSelector('.ant-modal input[type="file"]')
    const chooserName = await chooser!.evaluate((input) =>
      Array.from((input as HTMLInputElement).labels ?? [])
        .map((l) => l.textContent)
        .join(' '),
    )
    expect(chooserName).toContain('选择照片')
    // A file that is not an image, and one over the browser door's request limit: each refused by name.
    await chooser!.uploadFile(files.notImage, files.tooLarge)
    await page.waitForFunction(() => document.querySelectorAll('.ant-modal [role="alert"]').length === 2)
    const refusals = await page.$$eval('.ant-modal [role="alert"]', (els) =>
      els.map((e) => e.textContent ?? ''),
    )
    expect(refusals[0]).toContain('“整改说明.txt”不是图片文件，未添加')
    expect(refusals[1]).toMatch(/现场全景\.png.*过大.*不能超过 25 MB/)
    expect(await page.$eval('#claim_text', (el) => (el as HTMLTextAreaElement).value)).toBe(
      '北门坡道已按 1:12 坡度重建，附照片。',
    )
    await expectNoAxeViolations(page, '登记整改回复 dialog with refused photos')

    await chooser!.uploadFile(files.before, files.after)
    await announced(page, '已添加 2 张整改照片')
    await page.waitForFunction(
      () => document.querySelectorAll('.ant-modal .aa-photo-list img[alt^="整改照片："]').length === 2,
    )
    expect(await page.$$('.ant-modal [role="alert"]')).toHaveLength(0)
    await shot(page, 'claim-photos')
    await expectNoAxeViolations(page, '登记整改回复 dialog with photos')
    await page.click('button[aria-label="移除照片 坡道-施工中.jpg"]')
    await announced(page, '已移除照片 坡道-施工中.jpg')
    await page.waitForFunction(() => document.querySelectorAll('.ant-modal .aa-photo-list li').length === 1)
    // The removed photo's button is gone: the focus stays in the form, on the chooser.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file')
    await modalButton(page, '登记')
    await announced(page, '已登记整改回复')
    // The claim button is gone; focus lands on the status line that says what changed.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'item-status')
    await waitForStatus(page, '已报整改')
    await waitForText(page, '北门坡道已按 1:12 坡度重建')
    // The reply's one photo is shown (from the data folder, a data: URL), not the removed one.
    await page.waitForFunction(() => {
      const imgs = document.querySelectorAll<HTMLImageElement>(
        'section[aria-labelledby="rect-reply-heading"] img',
      )
      return imgs.length === 1 && imgs[0]!.src.startsWith('data:image/') && imgs[0]!.complete
    })
    expect(
      await page.$eval('section[aria-labelledby="rect-reply-heading"] img', (img) => img.getAttribute('alt')),
    ).toBe(`整改照片 1：${seed.siteTitle}`)
    await shot(page, 'claimed')
    await expectNoAxeViolations(page, 'item detail after the claim')

    // Sent back with a new deadline (a past one is refused on its field), then the unit's second reply.
    await page.click('.aa-rect-panel ::-p-text(退回重新整改)')
    await page.waitForSelector('#reopen_deadline')
    await page.type('#reopen_reason', '扶手未安装')
    await setDate('reopen_deadline', isoDay(-1))
    await page.click('.ant-modal-footer .ant-btn-primary')
    await page.waitForFunction(
      (today) =>
        document
          .querySelector('#reopen_deadline')
          ?.closest('.ant-form-item')
          ?.textContent?.includes(`整改期限：不能早于今天（${today}）`),
      {},
      isoDay(0),
    )
    await setDate('reopen_deadline', isoDay(30))
    // The refusal leaves its field as soon as the field changes, and the dialog shrinks while it goes: the button
    // is pressed from the keyboard, as a keyboard user would, so no click can land where it used to be.
    await page.waitForFunction(
      () =>
        !document
          .querySelector('#reopen_deadline')
          ?.closest('.ant-form-item')
          ?.textContent?.includes('不能早于今天'),
    )
    await page.focus('.ant-modal-footer .ant-btn-primary')
    await page.keyboard.press('Enter')
    await announced(page, '已退回重新整改')
    await waitForStatus(page, '重新整改')
    await waitForText(page, `扶手未安装（新的整改期限 ${isoDay(30)}）`)
    // The item's deadline is the new one (the history above also quotes it; this is the item's own field).
    await page.waitForFunction(
      (day) =>
        Array.from(document.querySelectorAll('.ant-descriptions-item-label'))
          .find((label) => label.textContent?.includes('整改期限'))
          ?.nextElementSibling?.textContent?.includes(day),
      {},
      isoDay(30),
    )
    await page.click('.aa-rect-panel ::-p-text(登记整改回复)')
    await page.waitForSelector('#claim_text')
    await page.type('#claim_text', '扶手已安装。')
    await modalButton(page, '登记')
    await waitForStatus(page, '已报整改')

    await page.click('.aa-rect-panel ::-p-text(核验通过)')
    await page.waitForSelector('#verify_note')
    await page.type('#verify_note', '现场复核坡度 1:12，合格')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await announced(page, '已核验通过')
    await waitForStatus(page, '已核验')
    // A verified item offers one action: undoing a verification made by mistake.
    await page.waitForSelector('.aa-rect-panel ::-p-text(撤销核验)')
    const history = await page.$eval(
      'section[aria-labelledby="rect-history-heading"]',
      (el) => (el as HTMLElement).innerText,
    )
    expect(history).toContain('登记整改回复')
    expect(history).toContain('已报整改 → 已核验')
    await shot(page, 'verified')
    await expectNoAxeViolations(page, 'verified item detail')
  })

  it('drops a false positive only with a reason', async () => {
    await openItem(page, door.origin, seed.webTitle)
    await page.click('.aa-rect-panel ::-p-text(撤销整改项)')
    await page.waitForSelector('#drop_reason')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await page.waitForFunction(() =>
      document
        .querySelector('#drop_reason')
        ?.closest('.ant-form-item')
        ?.textContent?.includes('请填写撤销原因'),
    )
    await page.type('#drop_reason', '误报：该图片为装饰性图片')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await announced(page, '已撤销')
    await waitForStatus(page, '已撤销')
    await waitForText(page, '误报：该图片为装饰性图片')
  })
})

async function writeReplyFiles(dir: string): Promise<void> {
  const jpeg = (background: string) =>
    sharp({ create: { width: 64, height: 48, channels: 3, background } })
      .jpeg()
      .toBuffer()
  files.before = path.join(dir, '坡道-施工中.jpg')
  files.after = path.join(dir, '坡道-完工.jpg')
  files.notImage = path.join(dir, '整改说明.txt')
  files.tooLarge = path.join(dir, '现场全景.png')
  fs.writeFileSync(files.before, await jpeg('#a0522d'))
  fs.writeFileSync(files.after, await jpeg('#2e8b57'))
  fs.writeFileSync(files.notImage, '坡道已整改完毕。')
  // Just over the photo store's 25 MB limit (the door itself takes that much as base64, so the store says why).
  fs.writeFileSync(files.tooLarge, crypto.randomBytes(25 * 1024 * 1024 + 512 * 1024))
}

/** Sets a date field the way a picker would (typing into <input type=date> depends on the locale's order). */
async function setDate(fieldId: string, value: string): Promise<void> {
  await page.$eval(
    `#${fieldId}`,
    (el, v) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
      setter.call(el, v)
      el.dispatchEvent(new Event('input', { bubbles: true }))
      el.dispatchEvent(new Event('change', { bubbles: true }))
    },
    value,
  )
}

function waitForDownload(extension: string, timeout = 30_000): Promise<string> {
  return waitForDownloadIn(downloads, extension, timeout)
}
